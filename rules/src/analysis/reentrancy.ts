// Reentrancy candidates of one function, shared by the reentrancy-* rules: each external call that can
// re-enter, with the state written and events emitted after it on the same path.

import type { ASTNode, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { isReentrancyGuarded, isAccessControlled } from './accessControl';
import { areExclusive, callTarget, executionEvents, mayHappenAfter, traceOutward, type ExecutionEvent, type ViaStep } from './effects';
import { isSelfReference } from './entryPoints';
import { FunctionScope } from './scope';
import { FunctionTaint } from './taint';

export interface ReentrancyCandidate {
  call: ExecutionEvent;
  /** State written after the call that the function read before it (the stale value a re-entry sees). */
  staleWrites: ExecutionEvent[];
  /** Events emitted after the call. */
  emitsAfter: ExecutionEvent[];
  /** Where the call target comes from in the analysed function. */
  targetOrigin: 'state' | 'input' | 'unknown';
  /** The function also restricts its caller. */
  accessControlled: boolean;
}

/** Calls that cannot re-enter with enough gas, or cannot change state: `send`, `transfer`, `staticcall`, `delegatecall`. */
function canReenter(event: ExecutionEvent): boolean {
  const call = event.call;
  if (!call) {
    const name = event.node.type === 'AssemblyCall' ? event.node.functionName : '';
    return name === 'call' || name === 'callcode';
  }
  if (call.kind === 'send' || call.kind === 'eth-transfer' || call.kind === 'staticcall' || call.kind === 'delegatecall') return false;
  // A call to a view or pure function of a known interface is a STATICCALL.
  const declared = call.receiverContract?.functions().find((f) => f.node.name === call.name && f.node.parameters.length === call.args.length);
  if (declared && (declared.node.stateMutability === 'view' || declared.node.stateMutability === 'pure')) return false;
  return true;
}

/** Whether the call target is stored state, something the caller passes in, or unknown. */
function originOf(call: ExecutionEvent, fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): { origin: ReentrancyCandidate['targetOrigin']; expr: ASTNode | undefined } {
  const raw = callTarget(call);
  if (!raw) return { origin: 'unknown', expr: undefined };
  const traced = traceOutward(call, raw);
  let root: ASTNode = traced.expr;
  for (;;) {
    if (root.type === 'FunctionCall' && root.arguments.length === 1) root = root.arguments[0];
    else if (root.type === 'MemberAccess' && !(root.expression.type === 'Identifier' && root.expression.name === 'msg')) root = root.expression;
    else break;
  }
  const result = (origin: ReentrancyCandidate['targetOrigin']) => ({ origin, expr: traced.expr });
  if (root.type === 'MemberAccess' || root.type === 'IndexAccess') return result('input');
  // `IERC20(asset())`: a getter without arguments returns stored state.
  if (root.type === 'FunctionCall' && root.arguments.length === 0 && root.expression.type === 'Identifier') return result('state');
  const name = root.type === 'Identifier' ? root.name : root.type === 'AssemblyCall' && root.arguments.length === 0 ? root.functionName : undefined;
  if (name === undefined) return result('unknown');
  const holder = traced.via[traced.via.length - 1];
  const scope = holder
    ? new FunctionScope(project, holder.file, project.contractsIn(holder.file.path).find((c) => c.kind === 'library' && c.node.subNodes.includes(holder.callee)) ?? contract, holder.callee)
    : new FunctionScope(project, contract.file, contract, fn);
  const decl = scope.resolve(name, root);
  if (!decl) return result('unknown');
  if (decl.kind === 'state') return result('state');
  // A local made inside a callee, or a root local not derived from the caller's input, is not the caller's choice.
  if (holder) return result('unknown');
  return result(new FunctionTaint(scope, { parameters: true, msgSender: true }).isTainted(root) ? 'input' : 'unknown');
}

/** Reentrancy candidates of `fn`; empty when a reentrancy guard protects it. */
export function reentrancyCandidates(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): ReentrancyCandidate[] {
  return memoize(project, `reentrancy:${contract.file.path}:${contract.name}`, fn, () => compute(fn, contract, project));
}

function compute(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): ReentrancyCandidate[] {
  if (isReentrancyGuarded(fn, contract, project)) return [];
  const events = executionEvents(fn, contract, project);
  const out: ReentrancyCandidate[] = [];
  let accessControlled: boolean | undefined;
  for (const call of events) {
    if (call.kind !== 'external-call' || !canReenter(call)) continue;
    const { origin: targetOrigin, expr: target } = originOf(call, fn, contract, project);
    // Skip calls to the contract itself: that is not control handed to someone else.
    if (target && isSelfReference(target as Expression)) continue;
    const writesAfter = events.filter((e) => e.kind === 'state-write' && mayHappenAfter(e, call));
    // Skip reads inside library code: a data structure reading its own storage while it pushes is
    // bookkeeping, not a decision that a re-entrant call could invalidate.
    const readBefore = new Set(
      events
        .filter((e) => e.kind === 'state-read' && e.order < call.order && !areExclusive(e, call) && !e.via.some((v) => isLibraryCode(v, project)))
        .map((e) => e.variable?.name),
    );
    // Skip variables also written before the call: the effect is already applied when control leaves, and
    // the later write restores or finishes it (`_executionId` save/restore, a queue cleared after use).
    const writtenBefore = new Set(events.filter((e) => e.kind === 'state-write' && e.order < call.order && !areExclusive(e, call)).map((e) => e.variable?.name));
    const staleWrites = writesAfter.filter((w) => readBefore.has(w.variable?.name) && !writtenBefore.has(w.variable?.name));
    const emitsAfter = events.filter((e) => e.kind === 'emit' && mayHappenAfter(e, call));
    if (staleWrites.length === 0 && emitsAfter.length === 0) continue;
    accessControlled ??= isAccessControlled(fn, contract, project);
    // Skip privileged executors (timelocks, governors' relays, multisigs): a restricted caller picks the target on purpose.
    if (accessControlled && targetOrigin === 'input') continue;
    out.push({ call, staleWrites, emitsAfter, targetOrigin, accessControlled });
  }
  return out;
}

function isLibraryCode(step: ViaStep, project: ProjectModel): boolean {
  return project.contractsIn(step.file.path).some((c) => c.kind === 'library' && c.node.subNodes.includes(step.callee));
}

/** The distinct variable names of some events, in order, for messages. */
export function variableNames(events: readonly ExecutionEvent[]): string[] {
  return [...new Set(events.map((e) => e.variable?.name ?? '?'))];
}
