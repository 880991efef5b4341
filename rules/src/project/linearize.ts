// C3 linearization of contract inheritance, as the Solidity compiler computes it.

/**
 * `directBases` lists bases in declaration order (`contract C is A, B` gives [A, B]); Solidity treats the last
 * one as the most derived. Returns the contract first, then its bases from most to least derived. When the
 * hierarchy is inconsistent (the compiler would reject it) a depth-first order is returned instead.
 */
export function c3Linearize<T>(node: T, directBases: (n: T) => T[], seen: Set<T> = new Set()): T[] {
  if (seen.has(node)) return [node]; // Cyclic inheritance in broken code: stop instead of recursing forever.
  seen.add(node);
  const bases = directBases(node).slice().reverse();
  const sequences = bases.map((b) => c3Linearize(b, directBases, new Set(seen)));
  sequences.push(bases.slice());
  const result: T[] = [node];
  const work = sequences.map((s) => s.slice()).filter((s) => s.length > 0);
  while (work.length > 0) {
    const head = work.map((s) => s[0]).find((candidate) => work.every((s) => s.indexOf(candidate) <= 0));
    if (head === undefined) return depthFirst(node, directBases);
    result.push(head);
    for (const s of work) if (s[0] === head) s.shift();
    for (let i = work.length - 1; i >= 0; i--) if (work[i].length === 0) work.splice(i, 1);
  }
  return result;
}

function depthFirst<T>(node: T, directBases: (n: T) => T[]): T[] {
  const out: T[] = [];
  const visit = (n: T): void => {
    if (out.includes(n)) return;
    out.push(n);
    for (const b of directBases(n).slice().reverse()) visit(b);
  };
  visit(node);
  return out;
}
