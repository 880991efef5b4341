// The conversion of a tree with syntax errors leaves holes (null entries) in node lists where it left out a broken
// item (treeSitter/recovery.ts). Removing them once here lets every consumer trust that a list of nodes holds nodes.

/** Removes null and undefined entries from every array in the tree, in place; iterative, so depth is no risk. */
export function dropMissingNodes(root: object): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'loc' || key === 'range') continue;
      if (Array.isArray(child)) {
        const kept = child.filter((item) => item !== null && item !== undefined);
        if (kept.length !== child.length) (value as Record<string, unknown>)[key] = kept;
        pending.push(...kept);
      } else if (typeof child === 'object' && child !== null) {
        pending.push(child);
      }
    }
  }
}
