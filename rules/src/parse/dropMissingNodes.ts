// The conversion of a tree with syntax errors leaves holes (null entries) in node lists where it left out a broken
// item (treeSitter/recovery.ts). Removing them once here lets every consumer trust that a list of nodes holds nodes.

/**
 * The lists recovery leaves holes in (`SourceUnit.children`, `ContractDefinition.subNodes`, `Block.statements`).
 * Other lists keep their nulls: in `(uint a, , uint b) = g()` and `(x, , y) = g()` a null is a skipped value.
 */
const HOLED_LISTS = new Set(['children', 'subNodes', 'statements']);

/** Removes null and undefined entries from those lists in the tree, in place; iterative, so depth is no risk. */
export function dropMissingNodes(root: object): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'loc' || key === 'range') continue;
      if (Array.isArray(child)) {
        const kept = HOLED_LISTS.has(key) ? child.filter((item) => item !== null && item !== undefined) : child;
        if (kept.length !== child.length) (value as Record<string, unknown>)[key] = kept;
        pending.push(...kept);
      } else if (typeof child === 'object' && child !== null) {
        pending.push(child);
      }
    }
  }
}
