// tautology: a comparison whose result the operand's integer type already decides, such as `x >= 0` for an
// unsigned `x` or `small > 300` for a `uint8`: the check it was meant to be never happens.

import type { ASTNode, BinaryOperation, Expression, NumberLiteral } from '@solidity-parser/parser/dist/src/ast-types';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import { mayCompileBelow } from '../parse/pragma';

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** The value of an integer literal without a unit (`0`, `255`, `0xff`, `1e18`, `1_000`). */
function integerValue(literal: NumberLiteral): bigint | undefined {
  if (literal.subdenomination) return undefined;
  const text = literal.number.replace(/_/g, '');
  if (/^0x[0-9a-f]+$/i.test(text) || /^\d+$/.test(text)) return BigInt(text);
  const scientific = /^(\d+)e(\d+)$/i.exec(text);
  return scientific ? BigInt(scientific[1]) * 10n ** BigInt(scientific[2]) : undefined;
}

/** The value range of `uintN` / `intN`. */
function integerRange(typeName: string): { min: bigint; max: bigint } | undefined {
  const match = /^(u?)int(\d*)$/.exec(typeName);
  if (!match) return undefined;
  const bits = BigInt(match[2] || '256');
  return match[1] ? { min: 0n, max: 2n ** bits - 1n } : { min: -(2n ** (bits - 1n)), max: 2n ** (bits - 1n) - 1n };
}

/** The constant outcome of `value <op> c` for every value in [min, max], or undefined when it depends on the value. */
function constantOutcome(operator: string, c: bigint, { min, max }: { min: bigint; max: bigint }): boolean | undefined {
  switch (operator) {
    case '<':
      return max < c ? true : min >= c ? false : undefined;
    case '<=':
      return max <= c ? true : min > c ? false : undefined;
    case '>':
      return min > c ? true : max <= c ? false : undefined;
    case '>=':
      return min >= c ? true : max < c ? false : undefined;
    case '==':
      return c < min || c > max ? false : undefined;
    case '!=':
      return c < min || c > max ? true : undefined;
    default:
      return undefined;
  }
}

/** A negated literal (`-1`) as a value; the parser keeps the minus as a unary operation. */
function literalValue(expr: Expression): bigint | undefined {
  if (expr.type === 'NumberLiteral') return integerValue(expr);
  if (expr.type === 'UnaryOperation' && expr.operator === '-' && expr.isPrefix && expr.subExpression.type === 'NumberLiteral') {
    const value = integerValue(expr.subExpression);
    return value === undefined ? undefined : -value;
  }
  return undefined;
}

/** Only plain variables, fields and elements: the type of a computed expression is beyond what the syntax tells. */
const TYPED_OPERANDS = new Set(['Identifier', 'MemberAccess', 'IndexAccess']);

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

type Loop = Extract<ASTNode, { type: 'ForStatement' | 'WhileStatement' | 'DoWhileStatement' }>;

function isLoop(node: ASTNode): node is Loop {
  return node.type === 'ForStatement' || node.type === 'WhileStatement' || node.type === 'DoWhileStatement';
}

function loopCondition(loop: Loop): ASTNode | null | undefined {
  return loop.type === 'ForStatement' ? loop.conditionExpression : loop.condition;
}

/** Whether the loop body leaves the loop (`break` or `return`) under an `if` that tests the operand. */
function exitsOnOperand(body: ASTNode, isOperand: (n: ASTNode) => boolean): boolean {
  return findAll(body, (n) => n.type === 'IfStatement').some(
    (branch) =>
      branch.type === 'IfStatement' &&
      findAll(branch.condition, isOperand).length > 0 &&
      findAll(branch.trueBody, (n) => n.type === 'BreakStatement' || n.type === 'ReturnStatement').length > 0,
  );
}

export default defineRule({
  meta: {
    id: 'tautology',
    title: 'Comparison decided by the type',
    severity: 'medium',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    readsCompilerVersion: true,
    swc: [],
    description:
      'A comparison between an integer variable and a constant outside (or at the edge of) the range of its type always gives the same result: an unsigned value is never below zero, a `uint8` never exceeds 255. Such a check usually stands where a real bound was intended, so the guard it should provide is missing. Reported Medium where arithmetic can wrap (a compiler before 0.8, or inside `unchecked`); Low under checked arithmetic, where a wrapped value reverts before the check.',
    exploitScenario:
      'A vault checks `require(balance - amount >= 0)` with unsigned integers to prevent overdrafts. The check always passes; under `unchecked` arithmetic or before 0.8 the subtraction wraps, and the user withdraws more than they own.',
    recommendation: 'Compare the operands that can actually violate the invariant (`require(balance >= amount)`), or delete the comparison if it was never meant to check anything.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#tautology-or-contradiction'],
    messages: { default: '`{{expression}}` is always {{outcome}}: `{{operand}}` is a `{{type}}`.' },
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (!(node.operator in FLIPPED)) return;
        const leftValue = literalValue(node.left);
        const rightValue = literalValue(node.right);
        // Skip literal-to-literal comparisons: those are constant folding, not a mistaken check.
        if ((leftValue === undefined) === (rightValue === undefined)) return;
        const [operand, operator, constant] = rightValue !== undefined ? [node.left, node.operator, rightValue] : [node.right, FLIPPED[node.operator], leftValue as bigint];
        if (!TYPED_OPERANDS.has(operand.type)) return;
        const type = scopeOf(context).typeOf(operand);
        if (type?.node.type !== 'ElementaryTypeName') return;
        const range = integerRange(type.node.name);
        if (!range) return;
        const outcome = constantOutcome(operator, constant, range);
        if (outcome === undefined) return;
        const operandText = compact(context.text(operand));
        const sameOperand = (n: ASTNode): boolean => compact(context.text(n)) === operandText;
        const parent = context.ancestors()[context.ancestors().length - 1];
        // Skip the vacuous half of a range check (`0 <= count && count <= max`): the other half is the real bound,
        // so no check is missing.
        if (parent?.type === 'BinaryOperation' && (parent.operator === '&&' || parent.operator === '||')) {
          const sibling = parent.left === node ? parent.right : parent.left;
          if (sibling.type === 'BinaryOperation' && sibling.operator in FLIPPED && (sameOperand(sibling.left) || sameOperand(sibling.right))) return;
        }
        // Skip a loop condition the body makes moot: `for (; hour >= 0; hour--)` that breaks out on `hour == 0` is
        // a `while (true)` whose exit is written in the body.
        if (parent && isLoop(parent) && loopCondition(parent) === node && exitsOnOperand(parent.body, sameOperand)) return;
        // Medium only where arithmetic can wrap (a compiler before 0.8, or inside `unchecked`): there the check the
        // tautology stands for is missing. Under checked arithmetic a wrapped value reverts first, so it is Low.
        const canWrap = mayCompileBelow(context.file.pragma, '0.8.0') || context.ancestors().some((a) => a.type === 'UncheckedStatement');
        context.report({
          node,
          messageId: 'default',
          severity: canWrap ? undefined : 'low',
          data: { expression: context.text(node), outcome: String(outcome), operand: context.text(operand), type: type.node.name },
        });
      },
    };
  },
});
