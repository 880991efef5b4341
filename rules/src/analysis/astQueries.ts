// Small structural questions about AST nodes that many rules ask.

import type { ASTNode, Expression, FunctionCall, MemberAccess } from '@solidity-parser/parser/dist/src/ast-types';

/** `base.member` where base is the identifier `base` (e.g. `tx.origin`, `msg.sender`). */
export function isMemberOf(node: ASTNode | null | undefined, base: string, member: string): node is MemberAccess {
  return (
    !!node &&
    node.type === 'MemberAccess' &&
    node.memberName === member &&
    node.expression.type === 'Identifier' &&
    node.expression.name === base
  );
}

export function isMsgSender(node: ASTNode | null | undefined): boolean {
  if (isMemberOf(node, 'msg', 'sender')) return true;
  // `_msgSender()` is OpenZeppelin's Context indirection for msg.sender.
  return !!node && node.type === 'FunctionCall' && node.expression.type === 'Identifier' && node.expression.name === '_msgSender';
}

/** The name of a plain `f(...)` call, or undefined for member calls and other callees. */
export function calleeName(call: FunctionCall): string | undefined {
  const callee = unwrapCallOptions(call.expression);
  return callee.type === 'Identifier' ? callee.name : undefined;
}

/** Strips `{value: x, gas: y}` call options: `a.call{value: v}` → `a.call`. */
export function unwrapCallOptions(expr: Expression): Expression {
  let current: ASTNode = expr;
  while (current.type === 'NameValueExpression') current = current.expression;
  return current as Expression;
}

/** The identifier at the root of `a.b[c].d`, if any. */
export function baseIdentifier(expr: ASTNode): string | undefined {
  let current: ASTNode = expr;
  for (;;) {
    if (current.type === 'Identifier') return current.name;
    if (current.type === 'MemberAccess') current = current.expression;
    else if (current.type === 'IndexAccess') current = current.base;
    else if (current.type === 'IndexRangeAccess') current = current.base;
    else if (current.type === 'TupleExpression' && current.components.length === 1 && current.components[0]) current = current.components[0] as ASTNode;
    else return undefined;
  }
}

export const ASSIGNMENT_OPERATORS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '<<=', '>>=']);

export function isAssignment(node: ASTNode): boolean {
  return node.type === 'BinaryOperation' && ASSIGNMENT_OPERATORS.has(node.operator);
}

/** Whether `inner` lies inside `outer` in the source (a node contains itself). */
export function containsNode(outer: ASTNode, inner: ASTNode): boolean {
  return !!outer.range && !!inner.range && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * A literal zero, in Solidity or inline assembly (`0`, `0x0`, `0 ether`), maybe converted (`uint256(0)`,
 * `address(0)`, `bytes32(0)`, `payable(0)`).
 */
export function isZeroLiteral(expr: ASTNode | null | undefined): boolean {
  if (!expr) return false;
  if (expr.type === 'NumberLiteral') return /^(0+|0x0+)$/i.test(expr.number);
  if (expr.type === 'HexNumber') return /^0x0+$/i.test(expr.value);
  if (expr.type === 'DecimalNumber') return /^0+$/.test(expr.value);
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return false;
  const callee = expr.expression;
  const converts = callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && (callee.name === 'address' || callee.name === 'payable'));
  return converts && isZeroLiteral(expr.arguments[0]);
}

/** The zero value of its type: a literal zero (see isZeroLiteral) or `false`. */
export function isZeroValue(expr: ASTNode | null | undefined): boolean {
  return isZeroLiteral(expr) || (expr?.type === 'BooleanLiteral' && !expr.value);
}
