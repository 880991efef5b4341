// Arithmetic operations of a function and the comparisons that guard them: `require(a >= b)` before `a - b`,
// `c >= a` after `c = a + b`. Shared by the overflow rules so they agree on what counts as checked.

import type { ASTNode, BinaryOperation, Expression, FunctionDefinition, ModifierDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { containsNode } from './astQueries';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
export const OVERFLOWING_OPERATORS = new Set(['+', '-', '*', '**', '+=', '-=', '*=']);

export interface ArithmeticOperation {
  node: BinaryOperation;
  /** `+`, `-`, `*` or `**`, with compound assignments reduced to their operator. */
  operator: string;
  left: Expression;
  right: Expression;
}

export function arithmeticOperation(node: ASTNode): ArithmeticOperation | undefined {
  if (node.type !== 'BinaryOperation' || !OVERFLOWING_OPERATORS.has(node.operator)) return undefined;
  return { node, operator: node.operator.replace('=', ''), left: node.left, right: node.right };
}

/** Source text without whitespace, for comparing expressions written the same way. */
export type TextOf = (node: ASTNode) => string;

/**
 * Whether a comparison in `callable` checks this operation: for `a - b` a comparison of `a` with `b` (or of `a`
 * with anything when `b` is a literal); for `a + b` and `a * b` a comparison that mentions both operands or the
 * local the result is stored in (the pre-0.8 `c >= a`, `c / a == b` idioms).
 */
export function isGuarded(op: ArithmeticOperation, callable: FunctionDefinition | ModifierDefinition, textOf: TextOf): boolean {
  if (!callable.body) return false;
  const left = textOf(op.left);
  const right = textOf(op.right);
  const resultName = storedInLocal(op.node, callable);
  const comparisons = findAll(callable.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator));
  return comparisons.some((cmp) => {
    const sides = [textOf(cmp.left), textOf(cmp.right)];
    // The post-check idiom `require((z = x - y) <= x)`: the operation sits inside the comparison that checks it.
    for (const [side, other] of [
      [cmp.left, sides[1]],
      [cmp.right, sides[0]],
    ] as const) {
      if (containsNode(side, op.node) && (other === left || other === right)) return true;
    }
    if (op.operator === '-') {
      if (sides.includes(left) && sides.includes(right)) return true;
      return op.right.type === 'NumberLiteral' && sides.includes(left);
    }
    const whole = sides.join(' ');
    if (whole.includes(left) && whole.includes(right)) return true;
    return resultName !== undefined && sides.includes(resultName) && (whole.includes(left) || whole.includes(right));
  });
}

/** The local an operation's value is declared into or assigned to: `uint c = a + b` → `c`. */
function storedInLocal(node: BinaryOperation, callable: FunctionDefinition | ModifierDefinition): string | undefined {
  if (!callable.body) return undefined;
  for (const statement of findAll(callable.body, (n) => n.type === 'VariableDeclarationStatement')) {
    if (statement.type === 'VariableDeclarationStatement' && statement.initialValue === node) {
      const first = statement.variables[0] as VariableDeclaration | null;
      if (first?.type === 'VariableDeclaration') return first.name ?? undefined;
    }
  }
  for (const assignment of findAll(callable.body, (n) => n.type === 'BinaryOperation' && n.operator === '=')) {
    if (assignment.type === 'BinaryOperation' && assignment.right === node && assignment.left.type === 'Identifier') return assignment.left.name;
  }
  return undefined;
}
