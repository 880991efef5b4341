// C3 linearization of contract inheritance, as the Solidity compiler computes it.

/**
 * `directBases` lists bases in declaration order (`contract C is A, B` gives [A, B]); Solidity treats the last
 * one as the most derived. Returns the contract first, then its bases from most to least derived. When the
 * hierarchy is inconsistent (the compiler would reject it) a depth-first order is returned instead.
 *
 * The bases are linearized depth first with an explicit stack, so an inheritance chain thousands of contracts
 * deep cannot overflow the call stack (issue 12). Pass one `memo` for every contract of a project: a base's
 * linearization is computed once instead of once per contract below it (cubic in the depth of a chain).
 */
export function c3Linearize<T>(node: T, directBases: (n: T) => T[], memo: Map<T, readonly T[]> = new Map()): T[] {
  const known = memo.get(node);
  if (known) return [...known];
  const onPath = new Set<T>();
  const stack: Linearizing<T>[] = [];
  const enter = (n: T): void => {
    onPath.add(n);
    stack.push({ node: n, bases: directBases(n).slice().reverse(), sequences: [], cut: false });
  };
  enter(node);
  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame.sequences.length < frame.bases.length) {
      const base = frame.bases[frame.sequences.length];
      const memoized = memo.get(base);
      if (onPath.has(base)) {
        // Cyclic inheritance in broken code: the base stands for itself instead of recursing forever.
        frame.sequences.push([base]);
        frame.cut = true;
      } else if (memoized) {
        frame.sequences.push(memoized);
      } else {
        enter(base);
      }
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    const linearization = merge(frame) ?? depthFirst(frame.node, directBases);
    // A result cut short by a cycle depends on the path that reached it, so only the others are kept.
    if (!frame.cut) memo.set(frame.node, linearization);
    const parent = stack[stack.length - 1];
    if (!parent) return [...linearization];
    parent.sequences.push(linearization);
    parent.cut ||= frame.cut;
  }
}

/** A contract whose bases are being linearized: `sequences` holds the linearizations of `bases` done so far. */
interface Linearizing<T> {
  node: T;
  /** Direct bases, most derived first. */
  bases: T[];
  sequences: (readonly T[])[];
  /** Whether a cycle was cut somewhere below. */
  cut: boolean;
}

/** The C3 merge of the bases' linearizations and the base list, or undefined when no order is consistent. */
function merge<T>({ node, bases, sequences }: Linearizing<T>): T[] | undefined {
  const result: T[] = [node];
  const work = [...sequences, bases].map((s) => s.slice()).filter((s) => s.length > 0);
  while (work.length > 0) {
    const head = work.map((s) => s[0]).find((candidate) => work.every((s) => s.indexOf(candidate) <= 0));
    if (head === undefined) return undefined;
    result.push(head);
    for (const s of work) if (s[0] === head) s.shift();
    for (let i = work.length - 1; i >= 0; i--) if (work[i].length === 0) work.splice(i, 1);
  }
  return result;
}

/** Pre-order over the bases, most derived first; a worklist so that depth is not limited by the call stack. */
function depthFirst<T>(node: T, directBases: (n: T) => T[]): T[] {
  const out: T[] = [];
  const visited = new Set<T>();
  const pending: T[] = [node];
  while (pending.length > 0) {
    const n = pending.pop() as T;
    if (visited.has(n)) continue;
    visited.add(n);
    out.push(n);
    // Pushed in declaration order, so the last declared (most derived) base is visited first, as before.
    pending.push(...directBases(n));
  }
  return out;
}
