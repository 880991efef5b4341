// incorrect-modifier: a modifier with a path that neither runs the function body (`_`) nor reverts, so the
// function silently returns default values instead of failing.

import type { ASTNode, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { alwaysTerminates } from '../analysis/effects';
import { recurse, runSteps, type Step } from '../analysis/stackSafe';
import { defineRule } from '../engine/ruleApi';

type Outcome = 'covered' | 'falls-through' | 'escapes';

function isPlaceholder(node: ASTNode): boolean {
  return node.type === 'ExpressionStatement' && node.expression?.type === 'Identifier' && node.expression.name === '_';
}

/** Whether the statement never continues past itself because it reverts (`revert`, `throw`, `require(false)`). */
function reverts(node: ASTNode): boolean {
  return node.type !== 'ReturnStatement' && node.type !== 'Block' && node.type !== 'IfStatement' && alwaysTerminates(node);
}

/**
 * How control leaves a statement: `covered` when every path runs `_` or reverts, `escapes` when some path
 * returns without running `_`, `falls-through` when some path may continue to the next statement without it.
 * A step for `runSteps`: nested blocks and else-if chains can be deeper than the call stack.
 */
function* outcomeOf(node: ASTNode | null | undefined): Step<Outcome> {
  if (!node) return 'falls-through';
  if (isPlaceholder(node) || reverts(node)) return 'covered';
  switch (node.type) {
    case 'ReturnStatement':
      return 'escapes';
    case 'Block':
      for (const statement of node.statements as ASTNode[]) {
        const outcome = yield* recurse(outcomeOf(statement));
        if (outcome !== 'falls-through') return outcome;
      }
      return 'falls-through';
    case 'UncheckedStatement':
      return yield* recurse(outcomeOf(node.block));
    case 'IfStatement': {
      const branches = [yield* recurse(outcomeOf(node.trueBody)), yield* recurse(outcomeOf(node.falseBody))];
      if (branches.includes('escapes')) return 'escapes';
      return branches.every((b) => b === 'covered') ? 'covered' : 'falls-through';
    }
    case 'ForStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'TryStatement':
    case 'InlineAssemblyStatement':
      // Skip what this walk cannot follow: a loop, `try` or assembly that holds `_`, a `return` or any Yul
      // call (which may be `revert`) is given the benefit of the doubt.
      return hasOpaqueControl(node) ? 'covered' : 'falls-through';
    default:
      return 'falls-through';
  }
}

/** Whether the statement holds `_`, a `return` or a Yul call anywhere inside. */
function hasOpaqueControl(node: ASTNode): boolean {
  // An explicit stack over every value below the statement, not recursion: a loop body can nest without limit.
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const value = pending.pop();
    if (!value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    const candidate = value as ASTNode;
    if (typeof candidate.type === 'string' && (isPlaceholder(candidate) || candidate.type === 'ReturnStatement' || candidate.type === 'AssemblyCall')) return true;
    pending.push(...Object.values(value));
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'incorrect-modifier',
    title: 'Modifier can skip the function without reverting',
    severity: 'low',
    confidence: 'high',
    category: 'access-control',
    scope: 'function',
    swc: [],
    description:
      'A modifier that, on some path, neither executes `_` nor reverts lets the call succeed without running the function body. The caller sees success and default return values (`false`, `0`), which callers that do not check results treat as done.',
    exploitScenario:
      '`modifier onlyOwner() { if (msg.sender == owner) _; }` makes `withdraw()` a silent no-op for others, which is intended; but `modifier whenFunded() { if (balance >= price) _; }` on `buy()` returns success without delivering, and a marketplace contract that relies on `buy()` reverting records a purchase that never happened.',
    recommendation: 'Revert on the path that must not run the body: `require(cond, "reason"); _;`.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#incorrect-modifier'],
    messages: { default: 'Modifier `{{name}}` can finish without running `_` or reverting; the function then returns default values.' },
  },
  create(context) {
    return {
      ModifierDefinition(modifier: ModifierDefinition) {
        // Skip modifiers without a body (abstract or interface declarations).
        if (!modifier.body) return;
        if (runSteps(outcomeOf(modifier.body)) === 'covered') return;
        context.report({ node: modifier, messageId: 'default', data: { name: modifier.name } });
      },
    };
  },
});
