// The address a call goes to, when the caller of the entry point picks it: shared by the rules that judge who
// chooses where ETH or a delegatecall goes (arbitrary-send-eth, controlled-delegatecall).

import type { ASTNode, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { isCommittedParameter } from './accessControl';
import { containsNode } from './astQueries';
import { callTarget, traceOutward, type ExecutionEvent } from './effects';
import { isSelfReference } from './entryPoints';
import { LocalDataFlow } from './localDataFlow';
import type { FunctionScope } from './scope';
import { recurse, runSteps, type Step } from './stackSafe';
import { parameterNames, type FunctionTaint } from './taint';

/**
 * The target expression of `event` in `fn`'s own code when it comes straight from `fn`'s parameters; undefined
 * when it is made inside a helper, is this contract, or is bound to a commitment (an approved operation hash).
 */
export function callerChosenTarget(event: ExecutionEvent, fn: FunctionDefinition, taint: FunctionTaint): ASTNode | undefined {
  const rawTarget = callTarget(event);
  if (!rawTarget) return undefined;
  const target = traceOutward(event, rawTarget);
  // Only targets the caller passes in; values made inside helpers are not the caller's choice.
  if (target.via.length > 0 || !taint.isTainted(target.expr)) return undefined;
  if (isSelfReference(target.expr as Expression)) return undefined;
  if (parameterNames(target.expr, fn).some((name) => isCommittedParameter(fn, name))) return undefined;
  if (isVettedByState(event, fn, target.expr, taint.scope)) return undefined;
  return target.expr;
}

/** `payable(x)`, `address(x)`: conversions do not change which address it is. */
function unwrapAddressConversion(expr: ASTNode): ASTNode {
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return expr;
  const callee = expr.expression;
  const converts = (callee.type === 'Identifier' && (callee.name === 'payable' || callee.name === 'address')) || (callee.type === 'ElementaryTypeName' && callee.name === 'address');
  return converts ? unwrapAddressConversion(expr.arguments[0]) : expr;
}

/**
 * Whether the call runs only when the contract's own records list the target: an allow-list read keyed by it
 * holds on the path (`require(allowed[to])`, `if (!allowed[to]) revert`, `if (targets[to].isActive) { … }`).
 * The caller then picks among addresses the contract already accepted, not any address.
 */
function isVettedByState(event: ExecutionEvent, fn: FunctionDefinition, target: ASTNode, scope: FunctionScope): boolean {
  const body = fn.body;
  if (!body) return false;
  const compact = (node: ASTNode): string => (node.range ? scope.file.text.slice(node.range[0], node.range[1] + 1).replace(/\s+/g, '') : node.type);
  const key = compact(unwrapAddressConversion(target));
  const flow = LocalDataFlow.of(fn);
  // A read of a state mapping at `key`, directly or through a local holding the entry (`Target memory t = targets[to]`).
  // Both searches are steps for runSteps: member, index and `&&` chains and chains of locals have no length limit.
  function* isListedRead(expr: ASTNode, seen: Set<string>): Step<boolean> {
    let current = expr;
    while (current.type === 'MemberAccess' || current.type === 'IndexAccess') {
      if (current.type === 'MemberAccess') {
        current = current.expression;
        continue;
      }
      const base: ASTNode = current.base;
      if (current.index && compact(unwrapAddressConversion(current.index)) === key && base.type === 'Identifier' && scope.stateVariable(base.name, base)) return true;
      current = base;
    }
    if (current.type !== 'Identifier' || seen.has(current.name) || !flow.declaration(current.name) || flow.isParameter(current.name)) return false;
    seen.add(current.name);
    const definitions = flow.definitionsOf(current.name);
    if (definitions.length === 0) return false;
    for (const d of definitions) if (!(yield* recurse(isListedRead(d, seen)))) return false;
    return true;
  }
  // Whether `condition` having the truth value `holds` implies that the target is listed.
  function* impliesStep(condition: ASTNode, holds: boolean): Step<boolean> {
    if (condition.type === 'TupleExpression' && condition.components.length === 1 && condition.components[0]) return yield* recurse(impliesStep(condition.components[0] as ASTNode, holds));
    if (condition.type === 'UnaryOperation' && condition.operator === '!') return yield* recurse(impliesStep(condition.subExpression, !holds));
    if (condition.type === 'BinaryOperation' && condition.operator === '&&' && holds) return (yield* recurse(impliesStep(condition.left, true))) || (yield* recurse(impliesStep(condition.right, true)));
    if (condition.type === 'BinaryOperation' && condition.operator === '||' && !holds) return (yield* recurse(impliesStep(condition.left, false))) || (yield* recurse(impliesStep(condition.right, false)));
    return holds && (condition.type === 'MemberAccess' || condition.type === 'IndexAccess' || condition.type === 'Identifier') && (yield* recurse(isListedRead(condition, new Set())));
  }
  const implies = (condition: ASTNode, holds: boolean): boolean => runSteps(impliesStep(condition, holds));
  const onPath = event.branch.some((step) => step.node.type === 'IfStatement' && containsNode(body, step.node) && implies(step.node.condition, step.arm === 'true'));
  if (onPath) return true;
  const anchor = event.via.length > 0 ? event.via[0].site : event.node;
  return findAll(body, (n) => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && (n.expression.name === 'require' || n.expression.name === 'assert')).some(
    (call) => call.type === 'FunctionCall' && !!call.range && !!anchor.range && call.range[1] < anchor.range[0] && !!call.arguments[0] && implies(call.arguments[0], true),
  );
}
