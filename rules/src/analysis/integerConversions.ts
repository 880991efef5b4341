// Integer conversions: the static integer type of an expression (arithmetic, library math and calls included),
// and where a converted value comes from: a computation (a division, a product, a helper's return) and whether a
// caller's input reaches it. Shared by unsafe-downcast for downcasts and sign changes.

import type { ASTNode, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { childrenOf } from '../engine/walk';
import { isMemberOf } from './astQueries';
import { classifyCall } from './calls';
import type { LocalDataFlow } from './localDataFlow';
import type { FunctionScope } from './scope';

const INTEGER_TYPE = /^(u?)int(\d*)$/;
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^']);
/** Operators whose result can exceed every operand: what makes a value "computed" for a downcast. */
const GROWING = new Set(['+', '*', '/', '**', '<<']);
/** Calls whose result is already bounded on purpose (`Math.min(x, cap)`, SafeCast's `toUint96`). */
const BOUNDING_CALL = /^_*(min|clamp|bound|to(U)?[Ii]nt\d+)$/;

export interface IntegerType {
  name: string;
  signed: boolean;
  bits: number;
}

export function integerTypeNamed(name: string): IntegerType | undefined {
  const match = INTEGER_TYPE.exec(name);
  if (!match) return undefined;
  return { name: name === 'uint' ? 'uint256' : name === 'int' ? 'int256' : name, signed: match[1] === '', bits: match[2] ? Number(match[2]) : 256 };
}

/** `uintN(x)` / `intN(x)`: the integer type a one-argument conversion produces. */
export function conversionTarget(call: FunctionCall): IntegerType | undefined {
  const callee = call.expression;
  const name = callee.type === 'ElementaryTypeName' || callee.type === 'Identifier' ? callee.name : undefined;
  return name && call.arguments.length === 1 ? integerTypeNamed(name) : undefined;
}

/**
 * The integer type of an expression as the compiler types it: declared types, function and library returns,
 * and for arithmetic the wider operand (a literal adapts to the other side). Undefined when unknown.
 */
export function integerTypeOf(expr: ASTNode, scope: FunctionScope): IntegerType | undefined {
  // A worklist, not recursion: a chain of operators can be thousands of terms long (issue 12).
  const pending: ASTNode[] = [expr];
  let widest: IntegerType | undefined;
  while (pending.length > 0) {
    const node = pending.pop() as ASTNode;
    if (node.type === 'BinaryOperation' && ARITHMETIC.has(node.operator)) {
      // A shift or a power has the type of its left operand; other operators the common type of both.
      pending.push(node.left);
      if (!['<<', '>>', '**'].includes(node.operator)) pending.push(node.right);
      continue;
    }
    if (node.type === 'UnaryOperation') {
      pending.push(node.subExpression);
      continue;
    }
    if (node.type === 'TupleExpression' && !node.isArray && node.components.length === 1 && node.components[0]) {
      pending.push(node.components[0] as ASTNode);
      continue;
    }
    if (node.type === 'NumberLiteral') continue;
    // A widening conversion keeps its argument's range: `uint256(uint128 x)` never exceeds 128 bits.
    if (node.type === 'FunctionCall' && conversionTarget(node)) {
      const inner = integerTypeOf(node.arguments[0], scope);
      const target = conversionTarget(node) as IntegerType;
      if (inner && inner.signed === target.signed && inner.bits <= target.bits) {
        if (!widest || inner.bits > widest.bits) widest = inner;
        continue;
      }
    }
    const type = declaredIntegerType(node, scope);
    if (!type) return undefined;
    if (!widest || type.bits > widest.bits) widest = type;
  }
  return widest;
}

function declaredIntegerType(node: ASTNode, scope: FunctionScope): IntegerType | undefined {
  const declared = scope.typeOf(node)?.node;
  if (declared?.type === 'ElementaryTypeName') return integerTypeNamed(declared.name);
  if (declared || node.type !== 'FunctionCall') return undefined;
  // `Math.mulDiv(a, b, c)` and `x.mulDiv(b, c)`: the declared return of the library function.
  const resolved = classifyCall(node, scope).resolved?.node;
  const returned = resolved?.returnParameters?.[0]?.typeName;
  return returned?.type === 'ElementaryTypeName' ? integerTypeNamed(returned.name) : undefined;
}

export interface ComputedValue {
  /** The operation or call that computes the value. */
  node: ASTNode;
  /** Whether a parameter of the function or `msg.value` takes part in the computation. */
  callerInfluenced: boolean;
}

/**
 * The computation a value comes from, following locals: an operation that can grow past its operands (`a * b / c`,
 * `x + y`, `1 << n`) on the caller's input or the contract's state, or the return of an internal or library
 * function (`_calc()`, `Math.mulDiv(…)`). Undefined for a plain parameter, state variable or literal, for values
 * bounded on purpose (`min`, SafeCast), and for arithmetic on other contracts' answers alone (a time-weighted
 * tick from two oracle observations), whose range is that contract's.
 */
export function computedValue(value: ASTNode, flow: LocalDataFlow, scope: FunctionScope): ComputedValue | undefined {
  const origin = flow.findSource(value, (node) => isComputation(node, scope), (node) => !isBoundingCall(node));
  if (!origin) return undefined;
  const callerInfluenced = readsCallerInput(value, flow, scope);
  if (origin.type === 'BinaryOperation' && !callerInfluenced && !readsContractState(value, flow, scope)) return undefined;
  return { node: origin, callerInfluenced };
}

function isComputation(node: ASTNode, scope: FunctionScope): boolean {
  if (node.type === 'BinaryOperation') return GROWING.has(node.operator);
  if (node.type !== 'FunctionCall' || isBoundingCall(node)) return false;
  const kind = classifyCall(node, scope).kind;
  return kind === 'internal' || kind === 'library';
}

/** Whether a state variable other than a constant or immutable takes part in `value`, following locals. */
function readsContractState(value: ASTNode, flow: LocalDataFlow, scope: FunctionScope): boolean {
  return flow.dependsOn(value, (node) => {
    if (node.type !== 'Identifier' || flow.declaration(node.name)) return false;
    const state = scope.stateVariable(node.name, node);
    return !!state && !state.node.isDeclaredConst && !state.node.isImmutable;
  });
}

function isBoundingCall(node: ASTNode): boolean {
  if (node.type !== 'FunctionCall') return false;
  const callee = node.expression;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberAccess' ? callee.memberName : undefined;
  return !!name && BOUNDING_CALL.test(name);
}

/**
 * Whether a parameter of the function or `msg.value` reaches `value`, through locals, operators and the arguments
 * of the internal and library calls that compute it. A mapping key only selects a slot (`balances[account]`), and
 * an external call's answer is the other contract's (`token.balanceOf(account)`): neither is the caller's value.
 */
export function readsCallerInput(value: ASTNode, flow: LocalDataFlow, scope: FunctionScope): boolean {
  const visited = new Set<string>();
  const pending: ASTNode[] = [value];
  while (pending.length > 0) {
    const node = pending.pop() as ASTNode;
    if (isMemberOf(node, 'msg', 'value')) return true;
    if (node.type === 'Identifier') {
      if (flow.isParameter(node.name)) return true;
      if (flow.declaration(node.name) && !visited.has(node.name)) {
        visited.add(node.name);
        pending.push(...flow.definitionsOf(node.name));
      }
      continue;
    }
    if (node.type === 'IndexAccess') {
      pending.push(node.base);
      continue;
    }
    if (node.type === 'FunctionCall') {
      const kind = classifyCall(node, scope).kind;
      if (kind !== 'internal' && kind !== 'library' && kind !== 'unknown' && !conversionTarget(node)) continue;
      pending.push(...node.arguments);
      continue;
    }
    pending.push(...childrenOf(node));
  }
  return false;
}
