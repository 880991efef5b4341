// Guards on a function: a `msg.sender` check (in a modifier resolved through inheritance, in the body, or in
// a checking function it calls), a reentrancy guard, and an initializer guard.

import type { ASTNode, FunctionCall, FunctionDefinition, IfStatement, ModifierDefinition, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { isMemberOf, isMsgSender } from './astQueries';
import { classifyCall } from './calls';
import { alwaysTerminates, modifierEvents } from './effects';
import { FunctionScope, type Callable } from './scope';

/** Why a function counts as guarded, for messages and related locations. */
export interface GuardEvidence {
  /** What guards the function: a modifier name, `require(msg.sender …)`, or a checking function name. */
  description: string;
  node: ASTNode;
}

/** Unresolved modifiers named like these are taken as access control (their source is not loaded). */
const ACCESS_MODIFIER_NAME = /^(only|auth|requiresAuth|restricted|isAuthorized|whenAuthorized|ownerOnly|adminOnly|governance|isOwner|isAdmin)/i;
/** Calls whose name says they check the caller: OpenZeppelin `_checkOwner`, `_checkRole`, `hasRole`, solmate `isAuthorized`. */
const CHECKING_FUNCTION_NAME = /^_?(check(Owner|Role|Roles|Auth\w*|Sender\w*|Caller\w*|CanCall|Admin\w*|Permission\w*)|hasRole|hasAnyRole|isAuthorized|isAuthorised|onlyOwner|onlyRole|requireOwner|requireAuth\w*|requireCaller\w*|requireRole|authorize\w*)$/;
/** Internal hooks that judge the caller they are given: `_checkTokenBridge(caller)`, `_requireMinter(sender)`. */
const CALLER_CHECK_HOOK_NAME = /^_?(check|require|only|authorize|authorise|validate|verify|ensure|assert)[A-Z]\w*$/;
/** Token acceptance checks that call the recipient's hook (`checkOnERC721Received`): they judge the recipient, not the caller. */
const RECEIVER_ACCEPTANCE_CHECK_NAME = /^_?(checkOn\w*Received|doSafe\w*AcceptanceCheck)$/;
/** Argument-less hooks named for the account they admit: `_requireAdminSender()`, `_checkOwner()`, `_onlyGovernance()`. */
const ABSTRACT_CALLER_HOOK_NAME = /^_?(check|require|only)\w*(Admin|Owner|Sender|Caller|Role|Governance|Governor|Operator|Auth)\w*$/;
/** External questions about a caller that decide access: `canCall`, `isAdmin`, `hasRole`, `checkPermission`. */
const AUTHORITY_QUERY_NAME = /^(can[A-Z]\w*|is[A-Z]\w*|has[A-Z]\w*|check\w*|auth\w*|validate\w*|verify\w*)$/;
/** Token and ETH movements that take the caller as an argument without judging them: `transferFrom(msg.sender, …)`. */
const VALUE_MOVING_CALL = /^(safe)?(transfer|transferFrom|send|sendValue|approve|increaseAllowance|permit|mint|burn|burnFrom|deposit|withdraw)$/i;
const REENTRANCY_MODIFIER_NAME = /nonReentrant|noReentran|reentrancyGuard|nonreentrant|noReenter|^lock$|^mutex$|^locked$/i;
const INITIALIZER_MODIFIER_NAME = /^(initializer|reinitializer|onlyInitializing|initializes|whenNotInitialized)$/;

const CHECK_DEPTH = 4;

/** `msg.sender`, `_msgSender()`, `tx.origin`, a conversion of one, or a local holding one (`address sender = _msgSender()`). */
function isCaller(node: ASTNode | null | undefined, callerLocals: ReadonlySet<string>): boolean {
  if (!node) return false;
  if (isMsgSender(node) || isMemberOf(node, 'tx', 'origin')) return true;
  if (node.type === 'Identifier') return callerLocals.has(node.name);
  // `address(msg.sender)`, `payable(_msgSender())`.
  return node.type === 'FunctionCall' && node.arguments.length === 1 && isCaller(node.arguments[0], callerLocals);
}

/** Names of locals initialised from the caller in a body. */
function callerLocalsOf(body: ASTNode): Set<string> {
  const out = new Set<string>();
  for (const statement of findAll(body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement')) {
    const decl = statement.variables[0] as VariableDeclaration | null;
    if (statement.variables.length === 1 && decl?.name && isCaller(statement.initialValue, out)) out.add(decl.name);
  }
  return out;
}

function mentionsCaller(node: ASTNode | null | undefined): boolean {
  if (!node) return false;
  return findAll(node, (n) => isMsgSender(n) || isMemberOf(n, 'tx', 'origin')).length > 0;
}

/**
 * Whether a condition decides on who the caller is: `msg.sender == owner`, `admins[msg.sender]`,
 * `hasRole(r, msg.sender)`. A balance check such as `balances[msg.sender] >= amount` is not one.
 */
function checksCaller(node: ASTNode | null | undefined, callerLocals: ReadonlySet<string>): boolean {
  // A worklist, not recursion: `a && b && …`, `!!…` and member or index chains can be thousands long (issue 12).
  const pending: (ASTNode | null | undefined)[] = [node];
  while (pending.length > 0) {
    if (decidesOnCaller(pending.pop(), callerLocals, pending)) return true;
  }
  return false;
}

/** Whether `node` itself compares or looks up the caller; the parts that may do so are added to `pending`. */
function decidesOnCaller(node: ASTNode | null | undefined, callerLocals: ReadonlySet<string>, pending: (ASTNode | null | undefined)[]): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'BinaryOperation':
      if (node.operator === '==' || node.operator === '!=') return isCaller(node.left, callerLocals) || isCaller(node.right, callerLocals);
      if (node.operator === '&&' || node.operator === '||') pending.push(node.left, node.right);
      return false;
    case 'UnaryOperation':
      if (node.operator === '!') pending.push(node.subExpression);
      return false;
    case 'TupleExpression':
      if (node.components.length === 1) pending.push(node.components[0] as ASTNode);
      return false;
    case 'IndexAccess':
      if (isCaller(node.index, callerLocals)) return true;
      pending.push(node.base);
      return false;
    case 'MemberAccess':
      pending.push(node.expression);
      return false;
    case 'FunctionCall':
      // `require(token.transferFrom(msg.sender, …))` moves the caller's tokens; it asks nothing about who they are.
      if (node.expression.type === 'MemberAccess' && VALUE_MOVING_CALL.test(node.expression.memberName)) return false;
      return node.arguments.some((a) => isCaller(a, callerLocals));
    default:
      return false;
  }
}

/**
 * `if (msg.sender == address(hook)) return;` or `if (msg.sender != address(hook)) { callHook(); }`: the code runs
 * for every caller but one, which restricts nobody (Uniswap v4 skips a hook's own calls this way).
 */
function turnsOneCallerAway(node: IfStatement, callerLocals: ReadonlySet<string>): boolean {
  const condition = node.condition;
  if (condition.type !== 'BinaryOperation' || !(isCaller(condition.left, callerLocals) || isCaller(condition.right, callerLocals))) return false;
  // With an else arm, `if (msg.sender != self) {…} else {…}` admits only `self` to the else arm: still a check.
  return endsTheCall(node.trueBody) ? condition.operator === '==' : condition.operator === '!=' && !node.falseBody;
}

/**
 * An arm that ends the call: it returns or reverts, or is one call to a reverting helper named for it
 * (`_revert(code)`, Uniswap's `InvalidCaller.selector.revertWith()`).
 */
function endsTheCall(node: ASTNode | null | undefined): boolean {
  if (!node) return false;
  if (alwaysTerminates(node) || containsRevert(node)) return true;
  const statement = node.type === 'Block' && node.statements.length === 1 ? (node.statements[0] as ASTNode) : node;
  return isSingleCall(node) && statement.type === 'ExpressionStatement' && !!statement.expression && /^_?revert/i.test(calledName(statement.expression) ?? '');
}

/** `caller()` compared in an assembly condition: `eq(caller(), owner)`, `iszero(eq(sload(slot), caller()))`. */
function comparesAssemblyCaller(condition: ASTNode): boolean {
  return findAll(condition, (n) => n.type === 'AssemblyCall' && n.functionName === 'eq' && n.arguments.some((a) => a.type === 'AssemblyCall' && a.functionName === 'caller')).length > 0;
}

/** Whether any statement below `node` reverts: a `revert`, a failing `require`, or assembly `revert(…)`. */
function containsRevert(node: ASTNode): boolean {
  return (
    findAll(node, (n) => n.type === 'RevertStatement' || n.type === 'ThrowStatement' || (n.type === 'AssemblyCall' && n.functionName === 'revert') || (n.type === 'FunctionCall' && calledName(n) === 'revert')).length > 0
  );
}

/** `f(x);` or `{ f(x); }`: an arm that is one plain call. */
function isSingleCall(node: ASTNode): boolean {
  const statement = node.type === 'Block' && node.statements.length === 1 ? (node.statements[0] as ASTNode) : node;
  return statement.type === 'ExpressionStatement' && statement.expression?.type === 'FunctionCall';
}

/**
 * A helper that reverts unless its first argument, a `bool`, holds: `function _require(bool ok, uint256 code)
 * { if (!ok) _revert(code); }` or a wrapper around `require(ok, …)`.
 */
function isRequireHelper(fn: FunctionDefinition): boolean {
  const first = fn.parameters?.[0];
  if (!fn.body || !first?.name || first.typeName?.type !== 'ElementaryTypeName' || first.typeName.name !== 'bool') return false;
  const flag = first.name;
  const isFlag = (n: ASTNode | null | undefined): boolean => n?.type === 'Identifier' && n.name === flag;
  return (
    findAll(fn.body, (n) => {
      if (n.type === 'FunctionCall' && (calledName(n) === 'require' || calledName(n) === 'assert')) return isFlag(n.arguments[0]);
      if (n.type !== 'IfStatement' || n.condition.type !== 'UnaryOperation' || n.condition.operator !== '!' || !isFlag(n.condition.subExpression)) return false;
      // The failing arm reverts itself, or is one call to a helper that does (`_revert(code)` ends in assembly `revert`).
      return alwaysTerminates(n.trueBody) || containsRevert(n.trueBody) || isSingleCall(n.trueBody);
    }).length > 0
  );
}

/** Whether the hierarchy declares `name` only without a body: a hook the deployable contract implements. */
function isAbstractHook(dispatch: ContractInfo, name: string): boolean {
  const declared = dispatch.functions().filter((m) => m.node.name === name);
  return declared.length > 0 && declared.every((m) => !m.node.body);
}

/** `p != address(0)` or `address(0) != p` for a parameter `p` in `names`. */
function isNonZeroTestOf(condition: ASTNode, names: ReadonlySet<string>): boolean {
  if (names.size === 0 || condition.type !== 'BinaryOperation' || condition.operator !== '!=') return false;
  const named = (n: ASTNode) => n.type === 'Identifier' && names.has(n.name);
  return (named(condition.left) && isZeroAddress(condition.right)) || (named(condition.right) && isZeroAddress(condition.left));
}

/** `address(0)`, `0`. */
function isZeroAddress(expr: ASTNode): boolean {
  if (expr.type === 'NumberLiteral') return /^0+$/.test(expr.number);
  const callee = expr.type === 'FunctionCall' ? expr.expression : undefined;
  const toAddress = (callee?.type === 'ElementaryTypeName' || callee?.type === 'Identifier') && callee.name === 'address';
  return expr.type === 'FunctionCall' && expr.arguments.length === 1 && toAddress && isZeroAddress(expr.arguments[0]);
}

/** The parameters of `fn` that a call site passes the zero address for. */
function zeroArgumentParams(fn: FunctionDefinition, args: readonly ASTNode[]): Set<string> {
  const out = new Set<string>();
  fn.parameters.forEach((p, i) => {
    if (p.name && args[i] && isZeroAddress(args[i])) out.add(p.name);
  });
  return out;
}

/** Whether a callable's code checks the caller: `require(msg.sender …)`, `if (msg.sender …) revert`, or a checking call. */
function callableChecksSender(
  callable: Callable,
  dispatch: ContractInfo,
  project: ProjectModel,
  depth: number,
  seen: Set<Callable>,
  maxDepth = CHECK_DEPTH,
  zeroParams?: ReadonlySet<string>,
): ASTNode | undefined {
  if (!callable.body || seen.has(callable) || depth > maxDepth) return undefined;
  seen.add(callable);
  // Skip checks under `if (auth != address(0))` when the caller passes `address(0)` for `auth`: ERC-721's
  // `_update(to, id, address(0))` from `_mint` checks no one, so minting is not restricted by it.
  const unreachable = zeroParams ? findAll(callable.body, (n): n is IfStatement => n.type === 'IfStatement' && isNonZeroTestOf(n.condition, zeroParams)).map((n) => n.trueBody.range) : [];
  const reachable = (n: ASTNode): boolean => !unreachable.some((r) => !!r && !!n.range && n.range[0] >= r[0] && n.range[1] <= r[1]);
  const owner = dispatch.linearization.find((c) => c.node.subNodes.includes(callable)) ?? dispatch;
  const scope = new FunctionScope(project, owner.file, dispatch, callable);
  // A helper's own modifiers guard it as much as its body does: `_joinOrExit(…) private authenticateFor(sender)`.
  if (depth > 0 && callable.type === 'FunctionDefinition') {
    for (const invocation of callable.modifiers) {
      const modifier = dispatch.resolveModifier(invocation.name);
      if (modifier && callableChecksSender(modifier.node, dispatch, project, depth + 1, seen, maxDepth)) return invocation;
    }
  }
  const callerLocals = callerLocalsOf(callable.body);
  for (const node of findAll(callable.body, reachable)) {
    if (node.type === 'IfStatement' && checksCaller(node.condition, callerLocals) && !turnsOneCallerAway(node, callerLocals)) return node;
    // Inline assembly: `if iszero(eq(caller(), sload(0))) { revert(0, 0) }`.
    if (node.type === 'AssemblyIf' && comparesAssemblyCaller(node.condition)) return node;
    if (node.type !== 'FunctionCall') continue;
    const callee = node.expression;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberAccess' ? callee.memberName : undefined;
    if ((name === 'require' || name === 'assert') && checksCaller(node.arguments[0], callerLocals)) return node;
    if (name && CHECKING_FUNCTION_NAME.test(name)) return node;
    // `_checkTokenBridge(_msgSender())`: a checking hook handed the caller, even when it is abstract here.
    // Not a token's acceptance check (`checkOnERC721Received(_msgSender(), …)`): it is handed the operator to tell the
    // recipient who moved the token, and restricts no one.
    if (name && CALLER_CHECK_HOOK_NAME.test(name) && !RECEIVER_ACCEPTANCE_CHECK_NAME.test(name) && node.arguments.some((a) => isCaller(a, callerLocals))) return node;
    // `_requireAdminSender()` declared without a body here: every deployable contract must implement the check
    // (each chain's own cross-domain admin), so the base's modifier is a caller check by contract.
    if (callee.type === 'Identifier' && ABSTRACT_CALLER_HOOK_NAME.test(callee.name) && isAbstractHook(dispatch, callee.name)) return node;
    const call = classifyCall(node, scope);
    // A require-like helper of any name (Balancer's `_require(cond, code)`) judged by the condition it is handed.
    if (call.resolved && isRequireHelper(call.resolved.node) && checksCaller(node.arguments[0], callerLocals)) return node;
    if ((call.kind === 'internal' || call.kind === 'library') && call.resolved) {
      const nestedDispatch = call.resolved.owner.kind === 'library' ? call.resolved.owner : dispatch;
      if (callableChecksSender(call.resolved.node, nestedDispatch, project, depth + 1, seen, maxDepth, zeroParams && zeroArgumentParams(call.resolved.node, call.boundReceiver ? [call.boundReceiver, ...call.args] : call.args))) return node;
    }
    // An external authority asked about the caller: `authority.canCall(msg.sender, …)`, `acl.isAdmin(_msgSender())`.
    if (call.kind === 'external' && AUTHORITY_QUERY_NAME.test(call.name ?? '') && node.arguments.some((a) => mentionsCaller(a))) return node;
  }
  return undefined;
}

/** Options for `senderCheck`. */
export interface SenderCheckOptions {
  /**
   * Follow the body's internal calls into their own checks (default). Off, only modifiers and the body itself
   * count: a check deep inside a helper (ERC-721 `_update` checking `auth` only when one is passed) is not a
   * restriction on who may call.
   */
  followCalls?: boolean;
  /** Only the function's modifiers count, not checks in its body. */
  modifiersOnly?: boolean;
  /**
   * Skip a helper's check under `if (auth != address(0))` when the call passes `address(0)` for `auth`
   * (ERC-721 `_update` from `_mint`): that path cannot run, so the helper restricts no one.
   */
  skipZeroArgumentPaths?: boolean;
}

/**
 * Evidence that `fn` (as a member of `contract`) restricts its caller, or undefined when nothing does. Remembered
 * per function, contract and options: many rules ask it of the same functions, and each search follows modifiers
 * and helpers several calls deep.
 */
export function senderCheck(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel, options: SenderCheckOptions = {}): GuardEvidence | undefined {
  const byContract = memoize(project, 'accessControl.senderCheck', fn, () => new Map<ContractInfo, Map<string, GuardEvidence | undefined>>());
  const byOptions = byContract.get(contract) ?? new Map<string, GuardEvidence | undefined>();
  byContract.set(contract, byOptions);
  const key = `${options.followCalls !== false}:${options.modifiersOnly === true}:${options.skipZeroArgumentPaths === true}`;
  if (!byOptions.has(key)) byOptions.set(key, searchSenderCheck(fn, contract, project, options));
  return byOptions.get(key);
}

function searchSenderCheck(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel, options: SenderCheckOptions): GuardEvidence | undefined {
  for (const invocation of fn.modifiers) {
    const modifier = contract.resolveModifier(invocation.name);
    if (!modifier) {
      // Skip base-constructor calls in the modifier list; an unknown `onlyX` modifier is taken at its word.
      if (ACCESS_MODIFIER_NAME.test(invocation.name)) return { description: `modifier \`${invocation.name}\``, node: invocation };
      continue;
    }
    if (callableChecksSender(modifier.node, contract, project, 0, new Set())) return { description: `modifier \`${invocation.name}\``, node: invocation };
    if (!modifier.node.body && ACCESS_MODIFIER_NAME.test(invocation.name)) return { description: `modifier \`${invocation.name}\``, node: invocation };
  }
  if (options.modifiersOnly) return undefined;
  const inBody = callableChecksSender(fn, contract, project, 0, new Set(), options.followCalls === false ? 0 : CHECK_DEPTH, options.skipZeroArgumentPaths ? new Set() : undefined);
  return inBody ? { description: 'a caller check in the body', node: inBody } : undefined;
}

const SIGNATURE_CHECK_NAME = /^(ecrecover|recover|tryRecover|isValidSignatureNow|isValidERC1271SignatureNow|isValidSignature|_verify\w*|verify\w*|_validateSignature|_rawSignatureValidation)$/;

/**
 * Signature-based authorisation (`ecrecover`, `ECDSA.recover`, `SignatureChecker`) in the body or an internal call,
 * remembered per function and contract as `senderCheck` is.
 */
export function hasSignatureCheck(fn: Callable, contract: ContractInfo, project: ProjectModel): boolean {
  const byContract = memoize(project, 'accessControl.hasSignatureCheck', fn, () => new Map<ContractInfo, boolean>());
  let found = byContract.get(contract);
  if (found === undefined) {
    found = searchSignatureCheck(fn, contract, project, 0, new Set());
    byContract.set(contract, found);
  }
  return found;
}

function searchSignatureCheck(fn: Callable, contract: ContractInfo, project: ProjectModel, depth: number, seen: Set<Callable>): boolean {
  if (!fn.body || seen.has(fn) || depth > CHECK_DEPTH) return false;
  seen.add(fn);
  const owner = contract.linearization.find((c) => c.node.subNodes.includes(fn)) ?? contract;
  const scope = new FunctionScope(project, owner.file, contract, fn);
  for (const node of findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall')) {
    if (SIGNATURE_CHECK_NAME.test(calledName(node) ?? '')) return true;
    const call = classifyCall(node, scope);
    if (call.kind === 'internal' && call.resolved && searchSignatureCheck(call.resolved.node, contract, project, depth + 1, seen)) return true;
  }
  return false;
}

function calledName(node: ASTNode): string | undefined {
  if (node.type !== 'FunctionCall') return undefined;
  const callee = node.expression;
  return callee.type === 'Identifier' ? callee.name : callee.type === 'MemberAccess' ? callee.memberName : undefined;
}

/**
 * A modifier that checks the caller (`onlyOwner`, `onlyRole(R)`, `auth`): the function is for a privileged
 * account, which a contract called along the way cannot pass as. Checks in the body are left out: they are
 * often per-account (`depositor[id] == msg.sender`), which anyone passes for their own entries.
 */
export function privilegedModifier(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): GuardEvidence | undefined {
  return senderCheck(fn, contract, project, { modifiersOnly: true });
}

/** Caller check or signature check: someone specific must authorise the call. */
export function isAccessControlled(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  return !!senderCheck(fn, contract, project) || hasSignatureCheck(fn, contract, project);
}

/** A modifier that is a mutex: reads and writes one state variable before `_` and writes it again after. */
export function isMutexModifier(modifier: ModifierDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  if (!modifier.body) return false;
  const { events, placeholderOrder } = modifierEvents(modifier, contract, project);
  if (placeholderOrder < 0) return false;
  const before = events.filter((e) => e.order < placeholderOrder);
  const after = events.filter((e) => e.order > placeholderOrder);
  return before.some(
    (w) =>
      w.kind === 'state-write' &&
      before.some((r) => r.kind === 'state-read' && r.variable?.name === w.variable?.name) &&
      after.some((a) => a.kind === 'state-write' && a.variable?.name === w.variable?.name),
  );
}

/** Whether a reentrancy guard modifier (by name, or a mutex by shape) protects `fn`. */
export function reentrancyGuard(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): GuardEvidence | undefined {
  for (const invocation of fn.modifiers) {
    // `initializer` has a mutex's shape (`_initializing` set around `_`), but it locks nothing after deployment.
    if (INITIALIZER_MODIFIER_NAME.test(invocation.name)) continue;
    const modifier = contract.resolveModifier(invocation.name);
    if (REENTRANCY_MODIFIER_NAME.test(invocation.name)) return { description: `modifier \`${invocation.name}\``, node: invocation };
    if (modifier && isMutexModifier(modifier.node, contract, project)) return { description: `modifier \`${invocation.name}\``, node: invocation };
  }
  return undefined;
}

/** Boolean form of `reentrancyGuard`. */
export function isReentrancyGuarded(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  return !!reentrancyGuard(fn, contract, project);
}

/** Whether `fn` can run only once: an `initializer`-style modifier or a flag checked and set in the body. */
export function isInitializerGuarded(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  if (fn.modifiers.some((m) => INITIALIZER_MODIFIER_NAME.test(m.name))) return true;
  if (!fn.body) return false;
  const scope = new FunctionScope(project, contract.file, contract, fn);
  // A hand-written guard: `require(!initialized)` / `if (initialized) revert` on a state variable the body also sets.
  const conditions = findAll(fn.body, (n) => n.type === 'IfStatement' || (n.type === 'FunctionCall' && (calledName(n) === 'require' || calledName(n) === 'assert')));
  const checked = new Set<string>();
  for (const node of conditions) {
    const condition = node.type === 'IfStatement' ? node.condition : node.type === 'FunctionCall' ? node.arguments[0] : undefined;
    if (!condition) continue;
    for (const id of findAll(condition, (n) => n.type === 'Identifier')) {
      const name = (id as { name: string }).name;
      if (scope.stateVariable(name, id)) checked.add(name);
    }
  }
  return findAll(fn.body, (n) => n.type === 'BinaryOperation' && n.operator === '=' && n.left.type === 'Identifier' && checked.has(n.left.name)).length > 0;
}

/**
 * Whether `fn` is an initializer: an `initializer`-style modifier, or an `init…` function with a once-only flag.
 * (`isInitializerGuarded` alone also accepts any state both checked and set, such as a price that rises.)
 */
export function isInitializer(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  if (fn.modifiers.some((m) => INITIALIZER_MODIFIER_NAME.test(m.name))) return true;
  return /^_?init/i.test(fn.name ?? '') && isInitializerGuarded(fn, contract, project);
}

/**
 * Whether a parameter is bound to a prior commitment: hashed (`keccak256(abi.encode(p, …))`, `hashOperation(p, …)`,
 * `getProposalId(p, …)`) in the body, so the caller can only replay what a proposal or signature approved.
 */
export function isCommittedParameter(fn: FunctionDefinition, name: string): boolean {
  if (!fn.body) return false;
  return findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall').some((call) => {
    const called = calledName(call) ?? '';
    if (!/^(keccak256|encode|encodePacked|_?hash\w*|\w*Hash|\w*Id)$/.test(called) || /^_?(msgSender|msgData)$/.test(called)) return false;
    return call.arguments.some((a) => findAll(a, (n) => n.type === 'Identifier' && n.name === name).length > 0);
  });
}
