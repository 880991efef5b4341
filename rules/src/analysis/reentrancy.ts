// Reentrancy candidates of one function, shared by the reentrancy-* rules: each external call that can
// re-enter, with the state written and events emitted after it on the same path.

import type { AssemblyAssignment, ASTNode, BinaryOperation, Expression, FunctionDefinition, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import type { FixDescriptor } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { isReentrancyGuarded, isAccessControlled } from './accessControl';
import { addModifierFix } from './addModifierFix';
import { areExclusive, callTarget, executionEvents, mayHappenAfter, traceOutward, type ExecutionEvent, type ViaStep } from './effects';
import { anchorOf, isAnalysedContract, isSelfReference, isStateChangingEntryPoint } from './entryPoints';
import { isMsgSender } from './astQueries';
import { FunctionScope } from './scope';
import { stateVariableOf, storagePointers } from './stateAccess';
import { FunctionTaint } from './taint';

/** One external call of a function that can re-enter, with what happens after it. */
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
  /** A reentrancy guard protects the function (only `allReentrancyCandidates` returns these). */
  guarded: boolean;
  /** The call hands control to a token recipient's hook (`onERC721Received`, a safe transfer, ERC-777). */
  callback: boolean;
  /** State written after the call and not before it, read before or not (cross-function and read-only reentrancy). */
  laterWrites: ExecutionEvent[];
}

/** Token calls that make the token call the recipient back, and where the recipient sits among the arguments. */
const SAFE_TRANSFER_RECIPIENT: Record<string, number> = { safeTransferFrom: 1, safeBatchTransferFrom: 1, safeMint: 0, operatorSend: 1 };
/** Helpers whose external calls are recipient hooks: OpenZeppelin's acceptance checks, `_safeMint`, `_safeTransfer`. */
const HOOK_HELPER = /^_?(safeMint|safeTransfer|checkOnERC721Received|checkOnERC1155Received|checkOnERC1155BatchReceived|doSafeTransferAcceptanceCheck|doSafeBatchTransferAcceptanceCheck|updateWithAcceptanceCheck|callTokensReceived|callTokensToSend)$/;
const HOOK_CALL = /^(onERC721Received|onERC1155Received|onERC1155BatchReceived|tokensReceived|tokensToSend)$/;

/** The recipient a callback-making call hands control to, or undefined when the call is not one. */
function callbackRecipient(event: ExecutionEvent): ASTNode | undefined | 'hook' {
  const call = event.call;
  if (event.via.some((v) => v.callee.type === 'FunctionDefinition' && HOOK_HELPER.test(v.callee.name ?? ''))) return 'hook';
  if (!call || call.kind !== 'external' || !call.name) return undefined;
  if (HOOK_CALL.test(call.name)) return 'hook';
  const index = SAFE_TRANSFER_RECIPIENT[call.name];
  return index === undefined ? undefined : call.args[index];
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
function originOf(call: ExecutionEvent, raw: ASTNode | undefined, fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): { origin: ReentrancyCandidate['targetOrigin']; expr: ASTNode | undefined } {
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
  if (new FunctionTaint(scope, { parameters: true, msgSender: true }).isTainted(root)) return result('input');
  return result(isTrustedLocal(fn, name, scope) ? 'state' : 'unknown');
}

/**
 * A local that holds stored state (`address _token0 = token0;`) or a contract this function just created
 * (`new Pair()`, `create2` in assembly): as trusted as the state itself.
 */
function isTrustedLocal(fn: FunctionDefinition, name: string, scope: FunctionScope): boolean {
  if (!fn.body) return false;
  const values: ASTNode[] = [];
  for (const statement of findAll(fn.body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement')) {
    if (statement.initialValue && statement.variables.length === 1 && (statement.variables[0] as VariableDeclaration | null)?.name === name) values.push(statement.initialValue);
  }
  for (const assignment of findAll(fn.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && n.operator === '=' && n.left.type === 'Identifier' && n.left.name === name)) values.push(assignment.right);
  for (const assignment of findAll(fn.body, (n): n is AssemblyAssignment => n.type === 'AssemblyAssignment' && n.names.some((id) => (id as { name?: string }).name === name))) {
    if (assignment.expression.type === 'AssemblyCall' && /^create2?$/.test(assignment.expression.functionName)) return true;
  }
  return values.length > 0 && values.every((value) => isCreation(value) || !!stateVariableOf(value, scope, storagePointers(scope)));
}

function isCreation(expr: ASTNode): boolean {
  if (expr.type === 'FunctionCall' && expr.arguments.length === 1 && expr.expression.type !== 'NewExpression') return isCreation(expr.arguments[0]);
  return expr.type === 'FunctionCall' && (expr.expression.type === 'NewExpression' || (expr.expression.type === 'NameValueExpression' && expr.expression.expression.type === 'NewExpression'));
}

/** Reentrancy candidates of `fn`; empty when a reentrancy guard protects it. */
export function reentrancyCandidates(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): ReentrancyCandidate[] {
  return allReentrancyCandidates(fn, contract, project).filter((c) => !c.guarded);
}

/**
 * The unguarded candidates of a state-changing entry point of an analysed contract that pass `keep`, one per
 * call site the rule reports on (`anchor`): the skeleton every reentrancy-* rule shares.
 */
export function reportableCandidates(
  fn: FunctionDefinition,
  contract: ContractInfo | undefined,
  project: ProjectModel,
  keep: (candidate: ReentrancyCandidate) => boolean,
): { candidate: ReentrancyCandidate; anchor: ASTNode }[] {
  if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return [];
  const out: { candidate: ReentrancyCandidate; anchor: ASTNode }[] = [];
  const anchors = new Set<ASTNode>();
  for (const candidate of reentrancyCandidates(fn, contract, project)) {
    if (!keep(candidate)) continue;
    const anchor = anchorOf(candidate.call);
    if (anchors.has(anchor)) continue;
    anchors.add(anchor);
    out.push({ candidate, anchor });
  }
  return out;
}

/**
 * The fix adding `nonReentrant` to a reported function when the contract has that modifier and the guard is the
 * whole remedy. Not when a scalar is written after a call the caller can steer: the guard would leave it stale
 * for view functions during the call (read-only reentrancy), and the remedy is to move the write.
 */
export function nonReentrantFix(text: string, fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): FixDescriptor | undefined {
  const staleScalar = reentrancyCandidates(fn, contract, project).some(
    (c) => c.targetOrigin !== 'state' && c.laterWrites.some((w) => w.variable?.declaration && w.variable.declaration.typeName?.type !== 'Mapping'),
  );
  return staleScalar ? undefined : addModifierFix(text, fn, contract, 'nonReentrant');
}

/** Reentrancy candidates of `fn`, guarded ones included (for read-only reentrancy, where the guard does not help). */
export function allReentrancyCandidates(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): ReentrancyCandidate[] {
  return memoize(project, `reentrancy:${contract.file.path}:${contract.name}`, fn, () => compute(fn, contract, project));
}

function compute(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): ReentrancyCandidate[] {
  const guarded = isReentrancyGuarded(fn, contract, project);
  const events = executionEvents(fn, contract, project);
  const out: ReentrancyCandidate[] = [];
  let accessControlled: boolean | undefined;
  for (const call of events) {
    if (call.kind !== 'external-call' || !canReenter(call)) continue;
    const target = originOf(call, callTarget(call), fn, contract, project);
    // Skip calls to the contract itself: that is not control handed to someone else.
    if (target.expr && isSelfReference(target.expr as Expression)) continue;
    // For token calls that call the recipient back, the recipient is who re-enters.
    const recipient = callbackRecipient(call);
    const callback = recipient !== undefined;
    const reenterer = recipient && recipient !== 'hook' ? originOf(call, recipient, fn, contract, project) : target;
    const targetOrigin = reenterer.origin;
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
    const laterWrites = writesAfter.filter((w) => !writtenBefore.has(w.variable?.name));
    const staleWrites = laterWrites.filter((w) => readBefore.has(w.variable?.name));
    const emitsAfter = events.filter((e) => e.kind === 'emit' && mayHappenAfter(e, call));
    if (laterWrites.length === 0 && emitsAfter.length === 0) continue;
    accessControlled ??= isAccessControlled(fn, contract, project);
    // Skip privileged executors (timelocks, governors' relays, multisigs): a restricted caller picks the target on
    // purpose. Paying the caller itself after a check of who it is (`depositor[id] == msg.sender`) is not that.
    if (accessControlled && targetOrigin === 'input' && !(reenterer.expr && isMsgSender(reenterer.expr))) continue;
    out.push({ call, staleWrites, emitsAfter, targetOrigin, accessControlled, guarded, callback, laterWrites });
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
