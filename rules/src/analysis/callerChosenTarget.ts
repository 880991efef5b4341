// The address a call goes to, when the caller of the entry point picks it: shared by the rules that judge who
// chooses where ETH or a delegatecall goes (arbitrary-send-eth, controlled-delegatecall).

import type { ASTNode, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isCommittedParameter } from './accessControl';
import { callTarget, traceOutward, type ExecutionEvent } from './effects';
import { isSelfReference } from './entryPoints';
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
  return target.expr;
}
