// Whether an expression is a compile-time constant Solidity accepts as a `constant` initialiser: literals,
// arithmetic on them, other constants, `type(T).max`, conversions of literals and hashes of literals.

import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { ASSIGNMENT_OPERATORS } from './astQueries';
import { isElementaryTypeName } from './scope';

const LITERALS = new Set(['NumberLiteral', 'BooleanLiteral', 'StringLiteral', 'HexLiteral', 'HexNumber', 'DecimalNumber']);

/** `isConstantName` says whether an identifier names a `constant` variable visible at the expression. */
export function isCompileTimeConstant(expr: ASTNode | null | undefined, isConstantName: (name: string) => boolean): boolean {
  // A worklist, not recursion: every part must be constant, and `1 + 2 + …` can be thousands of terms (issue 12).
  const pending: (ASTNode | null | undefined)[] = [expr];
  while (pending.length > 0) {
    if (!isConstantPart(pending.pop(), isConstantName, pending)) return false;
  }
  return true;
}

/** Whether `expr` can be part of a constant; the operands that must be constant too are added to `pending`. */
function isConstantPart(expr: ASTNode | null | undefined, isConstantName: (name: string) => boolean, pending: (ASTNode | null | undefined)[]): boolean {
  if (!expr) return false;
  if (LITERALS.has(expr.type)) return true;
  switch (expr.type) {
    case 'Identifier':
      return isConstantName(expr.name);
    case 'TupleExpression':
      pending.push(expr.components[0] as ASTNode | null);
      return expr.components.length === 1;
    case 'UnaryOperation':
      pending.push(expr.subExpression);
      return expr.operator === '-' || expr.operator === '~' || expr.operator === '!';
    case 'BinaryOperation':
      pending.push(expr.left, expr.right);
      return !ASSIGNMENT_OPERATORS.has(expr.operator);
    case 'MemberAccess':
      // `type(uint256).max`, `type(I).interfaceId`.
      return expr.expression.type === 'FunctionCall' && expr.expression.expression.type === 'Identifier' && expr.expression.expression.name === 'type';
    case 'FunctionCall': {
      const callee = expr.expression;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'ElementaryTypeName' ? callee.name : undefined;
      if (!name || expr.arguments.length !== 1) return false;
      // `address(0x…)`, `bytes32(0)`, `keccak256("role")`: evaluated at compile time (hashes are inlined).
      pending.push(expr.arguments[0]);
      return isElementaryTypeName(name) || name === 'keccak256';
    }
    default:
      return false;
  }
}
