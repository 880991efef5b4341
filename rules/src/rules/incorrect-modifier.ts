// incorrect-modifier: a modifier with a path that neither runs the function body (`_`) nor reverts, so the
// function silently returns default values instead of failing.

import type { ASTNode, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { alwaysTerminates } from '../analysis/effects';
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
 */
function outcomeOf(node: ASTNode | null | undefined): Outcome {
  if (!node) return 'falls-through';
  if (isPlaceholder(node) || reverts(node)) return 'covered';
  switch (node.type) {
    case 'ReturnStatement':
      return 'escapes';
    case 'Block':
      for (const statement of node.statements as ASTNode[]) {
        const outcome = outcomeOf(statement);
        if (outcome !== 'falls-through') return outcome;
      }
      return 'falls-through';
    case 'UncheckedStatement':
      return outcomeOf(node.block);
    case 'IfStatement': {
      const branches = [outcomeOf(node.trueBody), outcomeOf(node.falseBody)];
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
  let found = false;
  const visit = (value: unknown): void => {
    if (found || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const candidate = value as ASTNode;
    if (typeof candidate.type === 'string' && (isPlaceholder(candidate) || candidate.type === 'ReturnStatement' || candidate.type === 'AssemblyCall')) {
      found = true;
      return;
    }
    Object.values(value).forEach(visit);
  };
  visit(node);
  return found;
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
        if (outcomeOf(modifier.body) === 'covered') return;
        context.report({ node: modifier, messageId: 'default', data: { name: modifier.name } });
      },
    };
  },
});
