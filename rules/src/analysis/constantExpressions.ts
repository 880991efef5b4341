// Whether an expression is a compile-time constant Solidity accepts as a `constant` initialiser: literals,
// arithmetic on them, other constants, `type(T).max`, conversions of literals and hashes of literals.

import type { ASTNode } from '@solidity-parser/parser/dist/src/ast-types';
import { ASSIGNMENT_OPERATORS } from './astQueries';
import { isElementaryTypeName } from './scope';

const LITERALS = new Set(['NumberLiteral', 'BooleanLiteral', 'StringLiteral', 'HexLiteral', 'HexNumber', 'DecimalNumber']);

/** `isConstantName` says whether an identifier names a `constant` variable visible at the expression. */
export function isCompileTimeConstant(expr: ASTNode | null | undefined, isConstantName: (name: string) => boolean): boolean {
  if (!expr) return false;
  if (LITERALS.has(expr.type)) return true;
  switch (expr.type) {
    case 'Identifier':
      return isConstantName(expr.name);
    case 'TupleExpression':
      return expr.components.length === 1 && isCompileTimeConstant(expr.components[0] as ASTNode, isConstantName);
    case 'UnaryOperation':
      return (expr.operator === '-' || expr.operator === '~' || expr.operator === '!') && isCompileTimeConstant(expr.subExpression, isConstantName);
    case 'BinaryOperation':
      return !ASSIGNMENT_OPERATORS.has(expr.operator) && isCompileTimeConstant(expr.left, isConstantName) && isCompileTimeConstant(expr.right, isConstantName);
    case 'MemberAccess':
      // `type(uint256).max`, `type(I).interfaceId`.
      return expr.expression.type === 'FunctionCall' && expr.expression.expression.type === 'Identifier' && expr.expression.expression.name === 'type';
    case 'FunctionCall': {
      const callee = expr.expression;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'ElementaryTypeName' ? callee.name : undefined;
      if (!name || expr.arguments.length !== 1) return false;
      // `address(0x…)`, `bytes32(0)`, `keccak256("role")`: evaluated at compile time (hashes are inlined).
      if (isElementaryTypeName(name) || name === 'keccak256') return isCompileTimeConstant(expr.arguments[0], isConstantName);
      return false;
    }
    default:
      return false;
  }
}
