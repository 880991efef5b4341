// Moves the `range` and `loc` of an AST's nodes after an edit, so the nodes an edit did not touch are kept
// (with their identity: caches keyed by node stay valid) instead of being converted again.

interface Positioned {
  range?: [number, number];
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** How the text after an edit moved: offsets by `delta`, lines by `lineDelta`; columns stay (the caller checks). */
export interface Shift {
  /** End (exclusive) of the edited region in the previous text: nodes from here on move. */
  previousEnd: number;
  delta: number;
  lineDelta: number;
}

/**
 * Moves every node of `root` that starts at or after `shift.previousEnd`, and the end of every node that
 * encloses the edited region, skipping `replaced` (converted afresh) and what lies wholly before the edit.
 */
export function shiftPositions(root: object, shift: Shift, replaced?: object): void {
  const { previousEnd, delta, lineDelta } = shift;
  forEachPositioned(root, (node) => {
    if (node === replaced) return 'skip';
    if (!node.range) return undefined;
    // Ends before the edited region ends: wholly before it (what lies inside it was replaced).
    if (node.range[1] < previousEnd - 1) return 'skip';
    move(node, delta, lineDelta, node.range[0] >= previousEnd);
    return undefined;
  });
}

function move(node: Positioned, delta: number, lineDelta: number, start: boolean): void {
  if (node.range) {
    if (start) node.range[0] += delta;
    node.range[1] += delta;
  }
  if (node.loc) {
    if (start) node.loc.start.line += lineDelta;
    node.loc.end.line += lineDelta;
  }
}

/**
 * Visits every object of a tree that carries a source position once; the callback may answer 'skip' to prune.
 * Once: a state variable's initializer hangs under two keys, and moving it twice would misplace it.
 */
function forEachPositioned(root: object, visit: (node: Positioned) => 'skip' | undefined): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const node = value as Positioned & Record<string, unknown>;
    if ((node.range !== undefined || node.loc !== undefined) && visit(node) === 'skip') continue;
    for (const key in node) if (key !== 'range' && key !== 'loc') stack.push(node[key]);
  }
}
