// Runs a recursive analysis on a stack kept in the heap, so that its depth is not bounded by the call stack:
// a 2,000-term `a + a + …`, a long else-if chain or a builder chain `x.f().g()…` must not throw "Maximum call
// stack size exceeded" (issue 12). A recursive step is written as a generator that yields the sub-step it
// needs instead of calling it; `runSteps` keeps the suspended callers in an array and resumes each with the
// result of its sub-step.

/** One step of a recursive computation: it yields sub-steps, receives their results, and returns its own. */
export type Step<R> = Generator<Step<unknown>, R, unknown>;

/** Runs `root` and every sub-step it yields, depth first, with an explicit stack; returns the root's result. */
export function runSteps<R>(root: Step<R>): R {
  const suspended: Step<unknown>[] = [];
  let current: Step<unknown> = root;
  let input: unknown = undefined;
  for (;;) {
    const next = current.next(input);
    if (!next.done) {
      suspended.push(current);
      current = next.value;
      input = undefined;
      continue;
    }
    const caller = suspended.pop();
    if (!caller) return next.value as R;
    current = caller;
    input = next.value;
  }
}

/**
 * Inside a step, `yield* recurse(sub)` runs `sub` through `runSteps` and evaluates to its result, typed.
 * (A plain `yield* sub` would delegate on the call stack again, one native frame per level.)
 */
export function* recurse<R>(sub: Step<R>): Generator<Step<unknown>, R, unknown> {
  return (yield sub) as R;
}
