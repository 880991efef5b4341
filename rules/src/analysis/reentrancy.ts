// Reentrancy candidates of one function, shared by the reentrancy-* rules: each external call that can
// re-enter, with the state written and events emitted after it on the same path.

import type { AssemblyAssignment, ASTNode, BinaryOperation, Expression, FunctionCall, FunctionDefinition, IfStatement, IndexAccess, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import type { FixDescriptor, RelatedDescriptor } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { classifyCall } from './calls';
import { hasSignatureCheck, isInitializer, isReentrancyGuarded, privilegedModifier, senderCheck } from './accessControl';
import { addModifierFix } from './addModifierFix';
import { alwaysTerminates, areExclusive, callTarget, executionEvents, mayHappenAfter, traceOutward, traceToRoot, type ExecutionEvent, type ViaStep } from './effects';
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
  /** The function also restricts its caller (or runs once, as an initializer, for its deployer). */
  accessControlled: boolean;
  /** The account that can re-enter is the caller itself (`msg.sender.call{value: x}("")`), which passes any check on who calls. */
  callerReenters: boolean;
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

/** ERC-777 moves that call the recipient's `tokensReceived` hook, and where the recipient sits among the arguments. */
const ERC777_RECIPIENT: Record<string, number> = { send: 0, transfer: 0, transferFrom: 1, operatorSend: 1 };

/**
 * A hook helper on the way to the call: OpenZeppelin's `_safeMint` or acceptance checks. Not a library's
 * `safeTransfer(token, to, amount)` (SafeERC20, Solady's SafeTransferLib): that wraps an ERC-20 transfer, where
 * the token itself is the code that runs.
 */
function isHookHelper(step: ViaStep, project: ProjectModel): boolean {
  if (step.callee.type !== 'FunctionDefinition' || !HOOK_HELPER.test(step.callee.name ?? '')) return false;
  return !(/^_?safeTransfer(From)?$/.test(step.callee.name ?? '') && isLibraryCode(step, project));
}

/**
 * An ERC-777 token (`IERC777`, or an interface with ERC-777's `send(address,uint256,bytes)`): its transfers call
 * the recipient's `tokensReceived` hook whoever deployed the token.
 */
function isErc777(contract: ContractInfo | undefined): boolean {
  if (!contract) return false;
  return /ERC777/.test(contract.name) || contract.functions().some((f) => f.node.name === 'send' && f.node.parameters.length === 3 && f.node.parameters[2].typeName?.type === 'ElementaryTypeName' && /^bytes$/.test((f.node.parameters[2].typeName as { name: string }).name));
}

/** The recipient a callback-making call hands control to, or undefined when the call is not one. */
function callbackRecipient(event: ExecutionEvent, project: ProjectModel): ASTNode | undefined | 'hook' {
  const call = event.call;
  if (event.via.some((v) => isHookHelper(v, project))) return 'hook';
  if (!call || call.kind !== 'external' || !call.name) return undefined;
  if (HOOK_CALL.test(call.name)) return 'hook';
  if (isErc777(call.receiverContract) && ERC777_RECIPIENT[call.name] !== undefined) {
    const recipient = call.args[ERC777_RECIPIENT[call.name]];
    // Pulling tokens in (`transferFrom(holder, address(this), …)`) runs the holder's `tokensToSend` hook instead.
    return ERC777_RECIPIENT[call.name] === 1 && isSelfReference(recipient) ? call.args[0] : recipient;
  }
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
    if (root.type === 'FunctionCall' && root.arguments.length === 1 && !isStoredStateGetter(root, traced.via, fn, contract, project)) root = root.arguments[0];
    else if (root.type === 'MemberAccess' && !(root.expression.type === 'Identifier' && root.expression.name === 'msg')) root = root.expression;
    else break;
  }
  const result = (origin: ReentrancyCandidate['targetOrigin']) => ({ origin, expr: traced.expr });
  if (root.type === 'MemberAccess' || root.type === 'IndexAccess') return result('input');
  // `IERC20(asset())`, `getContractById(id)`: a getter returns stored state; the caller picks among entries at most.
  if (isStoredStateGetter(root, traced.via, fn, contract, project)) return result('state');
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
  // A value whose hash must equal a stored commitment (`keccak256(abi.encode(request)) == commitments[id]`) is the
  // one recorded earlier, not a fresh choice of the caller.
  if (isBoundToStoredHash(fn, name, scope)) return result('state');
  if (new FunctionTaint(scope, { parameters: true, msgSender: true }).isTainted(root)) return result('input');
  return result(isTrustedLocal(fn, name, scope, contract, project) ? 'state' : 'unknown');
}

/**
 * `asset()`, `_getOracle()`, `getContractById(id)`: a call of a view function of this contract (or a public
 * getter) without a body of pure computation returns what the contract stores, such as an address set by the
 * owner or at deployment. Unknown and external calls are not assumed to be getters.
 */
function isStoredStateGetter(expr: ASTNode, via: ViaStep[], fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  if (expr.type !== 'FunctionCall' || expr.expression.type !== 'Identifier') return false;
  if (expr.arguments.length === 0) return true;
  const holder = via[via.length - 1];
  const scope = holder ? new FunctionScope(project, holder.file, contract, holder.callee) : new FunctionScope(project, contract.file, contract, fn);
  const call = classifyCall(expr, scope);
  return call.kind === 'internal' && call.resolved?.node.stateMutability === 'view';
}

/** Whether a hash of the local or parameter `name` is compared with stored state in the function body. */
function isBoundToStoredHash(fn: FunctionDefinition, name: string, scope: FunctionScope): boolean {
  if (!fn.body) return false;
  const mentions = (node: ASTNode): boolean => findAll(node, (n) => n.type === 'Identifier' && n.name === name).length > 0;
  const isHashOf = (node: ASTNode): boolean =>
    findAll(node, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === 'keccak256').some(mentions);
  const isStored = (node: ASTNode): boolean => !!stateVariableOf(node, scope, storagePointers(scope));
  return findAll(fn.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=')).some(
    (cmp) => (isHashOf(cmp.left) && isStored(cmp.right)) || (isHashOf(cmp.right) && isStored(cmp.left)),
  );
}

/**
 * A local that holds stored state (`address _token0 = token0;`) or a contract this function just created
 * (`new Pair()`, `create2` in assembly): as trusted as the state itself.
 */
function isTrustedLocal(fn: FunctionDefinition, name: string, scope: FunctionScope, contract: ContractInfo, project: ProjectModel): boolean {
  if (!fn.body) return false;
  const values: ASTNode[] = [];
  for (const statement of findAll(fn.body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement')) {
    if (statement.initialValue && statement.variables.length === 1 && (statement.variables[0] as VariableDeclaration | null)?.name === name) values.push(statement.initialValue);
  }
  for (const assignment of findAll(fn.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && n.operator === '=' && n.left.type === 'Identifier' && n.left.name === name)) values.push(assignment.right);
  for (const assignment of findAll(fn.body, (n): n is AssemblyAssignment => n.type === 'AssemblyAssignment' && n.names.some((id) => (id as { name?: string }).name === name))) {
    if (assignment.expression.type === 'AssemblyCall' && /^create2?$/.test(assignment.expression.functionName)) return true;
  }
  return values.length > 0 && values.every((value) => isCreation(value) || !!stateVariableOf(value, scope, storagePointers(scope)) || isStoredStateGetter(unwrapConversions(value, scope), [], fn, contract, project));
}

/** `IOracle(x)`, `address(x)`, `payable(x)` → `x`: a conversion does not change where the value comes from. */
function unwrapConversions(expr: ASTNode, scope: FunctionScope): ASTNode {
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return expr;
  const callee = expr.expression;
  const converts = callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && (callee.name === 'address' || callee.name === 'payable' || !!scope.contractNamed(callee.name)));
  return converts ? unwrapConversions(expr.arguments[0], scope) : expr;
}

function isCreation(expr: ASTNode): boolean {
  if (expr.type === 'FunctionCall' && expr.arguments.length === 1 && expr.expression.type !== 'NewExpression') return isCreation(expr.arguments[0]);
  return expr.type === 'FunctionCall' && (expr.expression.type === 'NewExpression' || (expr.expression.type === 'NameValueExpression' && expr.expression.expression.type === 'NewExpression'));
}

/** Reentrancy candidates of `fn`; empty when a reentrancy guard protects it. */
export function reentrancyCandidates(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): ReentrancyCandidate[] {
  return allReentrancyCandidates(fn, contract, project).filter((c) => !c.guarded);
}

/** A reportable candidate, with the other entry points of the contract that reach the same call and writes. */
export interface ReportableCandidate {
  candidate: ReentrancyCandidate;
  anchor: ASTNode;
  /** Later entry points of the same contract with the same call/write pair: listed, not reported again. */
  alsoFrom: FunctionDefinition[];
}

/**
 * The unguarded candidates of a state-changing entry point of an analysed contract that pass `keep`, one per
 * call site the rule reports on (`anchor`): the skeleton every reentrancy-* rule shares. Skips same-function
 * re-entry that cannot happen (a caller check the re-entering contract cannot pass), and reports a call/write
 * pair that several entry points share once, on the first of them.
 */
export function reportableCandidates(
  fn: FunctionDefinition,
  contract: ContractInfo | undefined,
  project: ProjectModel,
  keep: (candidate: ReentrancyCandidate) => boolean,
): ReportableCandidate[] {
  if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return [];
  const kept = (f: FunctionDefinition): ReentrancyCandidate[] =>
    // Re-entering a function that checks its caller takes passing that check: only the paid caller itself can.
    reentrancyCandidates(f, contract, project).filter((c) => keep(c) && (!c.accessControlled || c.callerReenters));
  const out: ReportableCandidate[] = [];
  const anchors = new Set<ASTNode>();
  for (const { item: candidate, alsoFrom } of onceAcrossEntryPoints(fn, contract, kept, (c) => pairKey(c))) {
    const anchor = anchorOf(candidate.call);
    if (anchors.has(anchor)) continue;
    anchors.add(anchor);
    out.push({ candidate, anchor, alsoFrom });
  }
  return out;
}

/** Related locations naming the other entry points that reach a reported call/write pair. */
export function alsoFromRelated(alsoFrom: readonly FunctionDefinition[]): RelatedDescriptor[] {
  return alsoFrom.map((f) => ({ node: f, message: `\`${f.name ?? 'fallback'}\` reaches the same call and writes` }));
}

/** A re-entrant call between two readings of the contract's own token balance, and a deposit it can re-enter. */
export interface BalanceDeltaCandidate {
  candidate: ReentrancyCandidate;
  before: ExecutionEvent;
  after: ExecutionEvent;
  /** An unguarded entry point that pulls tokens in and credits state: what a re-entrant call uses (maybe `fn` itself). */
  deposit: FunctionDefinition;
}

/** `token.balanceOf(address(this))`: the contract measuring its own holdings. */
function isOwnBalanceReading(event: ExecutionEvent): boolean {
  return event.kind === 'external-call' && event.call?.name === 'balanceOf' && event.call.args.length === 1 && isSelfReference(event.call.args[0]);
}

/** Whether an entry point pulls tokens into the contract (`transferFrom(…, address(this), …)`) and then writes state. */
function pullsTokensAndCredits(events: readonly ExecutionEvent[]): boolean {
  const pull = events.find((e) => e.kind === 'external-call' && [e.node, ...e.via.map((v) => v.site)].some(pullsIntoSelf));
  return !!pull && events.some((e) => e.kind === 'state-write' && mayHappenAfter(e, pull));
}

/** `token.transferFrom(from, address(this), x)`, `token.safeTransferFrom(from, address(this), x)`, `SafeERC20.safeTransferFrom(token, from, address(this), x)`. */
function pullsIntoSelf(node: ASTNode): boolean {
  if (node.type !== 'FunctionCall') return false;
  const callee = node.expression.type === 'NameValueExpression' ? node.expression.expression : node.expression;
  const name = callee.type === 'MemberAccess' ? callee.memberName : callee.type === 'Identifier' ? callee.name : undefined;
  if (!/^_?(safeT|t)ransferFrom$/.test(name ?? '')) return false;
  return isSelfReference(node.arguments[node.arguments.length === 4 ? 2 : 1]);
}

/**
 * Balance inflation: the function reads the contract's own token balance before and after a call that a caller
 * chooses (a caller-named token, a flash-loan receiver, an ERC-777 holder's hook), and acts on the difference
 * (credits it, or requires the loan back). During the call the callee can re-enter a deposit, which raises the
 * balance the second reading sees: the same tokens are counted as the deposit and as the repayment or the
 * outer deposit. Guarded functions and restricted callers are left out, like every reentrancy candidate.
 */
export function balanceDeltaCandidates(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): BalanceDeltaCandidate[] {
  const events = executionEvents(fn, contract, project);
  const readings = events.filter(isOwnBalanceReading);
  if (readings.length < 2) return [];
  const out: BalanceDeltaCandidate[] = [];
  for (const candidate of reentrancyCandidates(fn, contract, project)) {
    if (candidate.targetOrigin !== 'input' || (candidate.accessControlled && !candidate.callerReenters)) continue;
    const call = candidate.call;
    const before = readings.find((r) => r.order < call.order && !areExclusive(r, call));
    const after = readings.find((r) => mayHappenAfter(r, call) && (!before || sameReceiver(r, before)));
    if (!before || !after) continue;
    // The difference must matter: state written after the second reading, or a revert that depends on it.
    const acts = events.some((e) => e.kind === 'state-write' && mayHappenAfter(e, after)) || isRequired(after, fn);
    if (!acts) continue;
    const deposit = [fn, ...contract.functions().map((m) => m.node).filter((f) => f !== fn)].find(
      (f) => isStateChangingEntryPoint(f) && !isReentrancyGuarded(f, contract, project) && !privilegedModifier(f, contract, project) && pullsTokensAndCredits(executionEvents(f, contract, project)),
    );
    if (deposit) out.push({ candidate, before, after, deposit });
  }
  return out;
}

/** The two readings ask the same token (same receiver text), so their difference is one balance's change. */
function sameReceiver(a: ExecutionEvent, b: ExecutionEvent): boolean {
  const text = (e: ExecutionEvent) => {
    const target = traceToRoot(e, e.call?.target);
    return target && target.range ? e.file.text.slice(target.range[0], target.range[1] + 1) : undefined;
  };
  const left = text(a);
  return left !== undefined && left === text(b);
}

/** A reading inside a `require(...)` / `assert(...)` condition, or in the condition of an `if` that reverts. */
function isRequired(reading: ExecutionEvent, fn: FunctionDefinition): boolean {
  const body = reading.via.length > 0 ? reading.via[reading.via.length - 1].callee.body : fn.body;
  if (!body) return false;
  const inside = (n: ASTNode) => !!n.range && !!reading.node.range && n.range[0] <= reading.node.range[0] && reading.node.range[1] <= n.range[1];
  return (
    findAll(body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && /^(require|assert)$/.test(n.expression.name)).some(inside) ||
    findAll(body, (n): n is IfStatement => n.type === 'IfStatement' && inside(n.condition) && alwaysTerminates(n.trueBody)).length > 0
  );
}

/** Identifies a call and the writes after it, wherever they are reached from. */
export function pairKey(candidate: ReentrancyCandidate, writes: readonly ExecutionEvent[] = candidate.staleWrites): string {
  const at = (e: ExecutionEvent) => `${e.file.path}:${e.node.range?.[0] ?? -1}`;
  return [at(candidate.call), ...writes.map(at).sort()].join('|');
}

/**
 * The items `itemsOf(fn)` finds that no earlier state-changing entry point of the contract also finds (same
 * `keyOf`), each with the later entry points that do: one finding per shared call/write pair, not one per
 * `deposit`/`depositFor`/`depositWithPermit` wrapper. Every entry point is judged as a member of `contract`.
 */
export function onceAcrossEntryPoints<T>(fn: FunctionDefinition, contract: ContractInfo, itemsOf: (f: FunctionDefinition) => T[], keyOf: (item: T) => string): { item: T; alsoFrom: FunctionDefinition[] }[] {
  const own = itemsOf(fn);
  if (own.length === 0) return [];
  const siblings = contract.ownFunctions().filter((f) => isStateChangingEntryPoint(f));
  const index = siblings.indexOf(fn);
  const keysOf = siblings.map((f, i) => (i === index ? undefined : new Set(itemsOf(f).map(keyOf))));
  return own
    .map((item) => ({ item, key: keyOf(item) }))
    .filter(({ key }) => !keysOf.some((keys, i) => i < index && keys?.has(key)))
    .map(({ item, key }) => ({ item, alsoFrom: siblings.filter((_, i) => i > index && keysOf[i]?.has(key)) }));
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
    const recipient = callbackRecipient(call, project);
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
    // A reading of the contract's own balance after the call keeps the candidate for balance inflation.
    if (laterWrites.length === 0 && emitsAfter.length === 0 && !events.some((e) => isOwnBalanceReading(e) && mayHappenAfter(e, call))) continue;
    // An initializer runs once, for the deployer, who picks what it calls: as privileged as an owner-only function.
    accessControlled ??= restrictsCaller(fn, contract, project, events) || isInitializer(fn, contract, project);
    const callerReenters = !!reenterer.expr && isMsgSender(reenterer.expr);
    // Skip privileged executors (timelocks, governors' relays, multisigs): a restricted caller picks the target on
    // purpose. Paying the caller itself after a check of who it is (`depositor[id] == msg.sender`) is not that.
    if (accessControlled && targetOrigin === 'input' && !callerReenters) continue;
    // A guard on an internal function the call is made from (`_joinOrExit(...) private nonReentrant`) holds the
    // lock during the call just as one on the entry point does.
    const lockedDuringCall = guarded || call.via.some((step) => step.callee.type === 'FunctionDefinition' && isReentrancyGuarded(step.callee, contract, project));
    out.push({ call, staleWrites, emitsAfter, targetOrigin, accessControlled, callerReenters, guarded: lockedDuringCall, callback, laterWrites });
  }
  return out;
}

/**
 * Whether `fn` restricts who may call it. A check of the caller's own entry that the function itself updates
 * (`require(!claimed[msg.sender])` … `claimed[msg.sender] = true`, a per-wallet mint counter) is bookkeeping that
 * every account passes once, not a restriction on who calls.
 */
function restrictsCaller(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel, events: readonly ExecutionEvent[]): boolean {
  if (hasSignatureCheck(fn, contract, project)) return true;
  const evidence = senderCheck(fn, contract, project, { skipZeroArgumentPaths: true });
  if (!evidence) return false;
  const entries = findAll(evidence.node, (n): n is IndexAccess => n.type === 'IndexAccess' && isMsgSender(n.index));
  const comparesCaller = findAll(evidence.node, (n) => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=') && (isMsgSender(n.left) || isMsgSender(n.right))).length > 0;
  if (entries.length === 0 || comparesCaller || evidence.node.type === 'ModifierInvocation') return true;
  const written = new Set(events.filter((e) => e.kind === 'state-write').map((e) => e.variable?.name));
  return !entries.every((entry) => entry.base.type === 'Identifier' && written.has(entry.base.name));
}

function isLibraryCode(step: ViaStep, project: ProjectModel): boolean {
  return project.contractsIn(step.file.path).some((c) => c.kind === 'library' && c.node.subNodes.includes(step.callee));
}

/** The distinct variable names of some events, in order, for messages. */
export function variableNames(events: readonly ExecutionEvent[]): string[] {
  return [...new Set(events.map((e) => e.variable?.name ?? '?'))];
}
