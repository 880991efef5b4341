// Recognises contracts meant to sit behind a proxy, whose storage layout must not change between versions
// (turning a variable into a constant or immutable, or deleting it, would shift every slot after it), and
// proxies: where their fallback delegates, and whether the delegate's storage layout agrees with theirs.

import type { AssemblyCall, AssemblyIf, ASTNode, BinaryOperation, FunctionCall, FunctionDefinition, Identifier, ReturnStatement, StateVariableDeclarationVariable, TypeName } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { isInitializerGuarded } from './accessControl';
import { alwaysTerminates, callTarget, executionEvents, traceOutward, type ExecutionEvent } from './effects';
import { isEntryPoint, isSelfReference } from './entryPoints';
import { LocalDataFlow } from './localDataFlow';
import type { Callable } from './scope';

const UPGRADEABLE_BASES = new Set(['Initializable', 'UUPSUpgradeable']);

/** Upgradeable by structure: an `Initializable`/`…Upgradeable` base (resolved or not), or `initializer` guards. */
function hasUpgradeableStructure(contract: ContractInfo): boolean {
  if (contract.linearization.some((c) => UPGRADEABLE_BASES.has(c.name) || c.name.endsWith('Upgradeable'))) return true;
  // Unresolved bases (a dependency not on disk) still name their intent.
  if (contract.unresolvedBases.some((name) => UPGRADEABLE_BASES.has(name) || name.endsWith('Upgradeable'))) return true;
  return contract.functions().some((m) => m.node.modifiers.some((mod) => mod.name === 'initializer'));
}

/** Possibly upgradeable, for layout advice: the structural signs, or any function named `initialize`. */
export function isUpgradeableContract(contract: ContractInfo): boolean {
  return hasUpgradeableStructure(contract) || contract.functions().some((m) => m.node.name === 'initialize');
}

/**
 * Upgradeable-looking for security rules: the structural signs, or a hand-rolled `initialized` flag. A function
 * named `initialize` alone is no sign: pools and markets initialise a price or a market with it (Uniswap).
 */
export function looksUpgradeable(contract: ContractInfo): boolean {
  return hasUpgradeableStructure(contract) || contract.stateVariables().some((v) => /^_?initiali[sz]ed$/i.test(v.node.name ?? ''));
}

/** Whether a base of this name is in the hierarchy (resolved or not). */
export function inheritsNamed(contract: ContractInfo, name: string): boolean {
  return contract.linearization.some((c) => c !== contract && c.name === name) || contract.unresolvedBases.some((b) => b === name || b.endsWith(`.${name}`));
}

/** Functions that run as initializers: `initializer` or `reinitializer(n)` modifiers, in the whole hierarchy. */
export function initializerFunctions(contract: ContractInfo): FunctionDefinition[] {
  return contract.functions().filter((m) => m.node.modifiers.some((mod) => mod.name === 'initializer' || mod.name === 'reinitializer')).map((m) => m.node);
}

/** Constructors in the hierarchy: they all run when the contract is deployed. */
export function constructors(contract: ContractInfo): FunctionDefinition[] {
  return contract.linearization.flatMap((c) => c.ownFunctions().filter((f) => f.isConstructor));
}

/** A state variable that takes a storage slot, with the contract that declares it. */
export interface SlotVariable {
  variable: StateVariableDeclarationVariable;
  owner: ContractInfo;
}

/** Variables that take a storage slot: not constants, immutables or transient variables. */
export function occupiesSlot(variable: StateVariableDeclarationVariable): boolean {
  return !variable.isDeclaredConst && !variable.isImmutable && !variable.isTransient;
}

/** The slot-taking variables of a contract in storage order: the most basic contract's first. */
export function storageLayout(contract: ContractInfo): SlotVariable[] {
  return [...contract.linearization].reverse().flatMap((owner) => owner.ownStateVariables().filter(occupiesSlot).map((variable) => ({ variable, owner })));
}

/** A type spelled the same way in two files compares equal: `IERC20 token` and `IERC20 token`. */
function typeKey(type: TypeName | null | undefined): string {
  if (!type) return '?';
  switch (type.type) {
    case 'ElementaryTypeName':
      return type.name;
    case 'UserDefinedTypeName':
      return type.namePath.slice(type.namePath.lastIndexOf('.') + 1);
    case 'Mapping':
      return `mapping(${typeKey(type.keyType)}=>${typeKey(type.valueType)})`;
    case 'ArrayTypeName':
      return `${typeKey(type.baseTypeName)}[${type.length?.type === 'NumberLiteral' ? type.length.number : type.length ? 'n' : ''}]`;
    default:
      return type.type;
  }
}

function sameSlotVariable(a: SlotVariable, b: SlotVariable): boolean {
  return a.variable === b.variable || (a.variable.name === b.variable.name && typeKey(a.variable.typeName) === typeKey(b.variable.typeName));
}

/** Whether two layouts agree on every slot both declare: the shorter is a prefix of the longer. */
export function layoutsAgree(a: readonly SlotVariable[], b: readonly SlotVariable[]): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (!sameSlotVariable(a[i], b[i])) return false;
  return true;
}

function isDelegatecallEvent(event: ExecutionEvent): boolean {
  if (event.kind !== 'external-call') return false;
  if (event.call) return event.call.kind === 'delegatecall';
  return event.node.type === 'AssemblyCall' && event.node.functionName === 'delegatecall';
}

/** The contract's fallback (own or inherited) and its delegatecalls; undefined when it forwards nothing. */
export function delegatingFallback(contract: ContractInfo, project: ProjectModel): { fallback: FunctionDefinition; delegatecalls: ExecutionEvent[] } | undefined {
  const fallback = contract.functions().find((m) => m.node.isFallback && m.node.body);
  if (!fallback) return undefined;
  const delegatecalls = executionEvents(fallback.node, contract, project).filter(isDelegatecallEvent);
  return delegatecalls.length > 0 ? { fallback: fallback.node, delegatecalls } : undefined;
}

/** Where a proxy's fallback sends its delegatecalls. */
export interface DelegateTarget {
  /**
   * The target is fixed at deployment: every delegatecall's target is read from immutables or constants. Such a
   * proxy and its delegate are one system built together (a code-size split), not a proxy whose implementation a
   * later upgrade replaces.
   */
  fixed: boolean;
  /** The delegate's contract, when the deployment names it (`impl = address(new Logic())`, a `Logic logic` parameter). */
  implementation?: ContractInfo;
}

/** `address(x)`, `payable(x)`, `ILogic(x)` → `x`. */
function unwrapConversion(expr: ASTNode): ASTNode {
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1 || expr.expression.type === 'NewExpression') return expr;
  const callee = expr.expression;
  const converts = callee.type === 'ElementaryTypeName' || (callee.type === 'Identifier' && /^(address|payable|[A-Z]\w*)$/.test(callee.name));
  return converts ? unwrapConversion(expr.arguments[0]) : expr;
}

/** The contract whose code `expr` holds: a `new Logic(...)`, or a constructor parameter typed as a contract. */
function contractOfValue(expr: ASTNode, ctor: FunctionDefinition | undefined, file: string, project: ProjectModel): ContractInfo | undefined {
  const value = unwrapConversion(expr);
  let typeName: string | undefined;
  if (value.type === 'FunctionCall' && value.expression.type === 'NewExpression' && value.expression.typeName.type === 'UserDefinedTypeName') typeName = value.expression.typeName.namePath;
  if (value.type === 'Identifier' && ctor) {
    const param = ctor.parameters.find((p) => p.name === value.name);
    if (param?.typeName?.type === 'UserDefinedTypeName') typeName = param.typeName.namePath;
  }
  const found = typeName ? project.resolveContractName(typeName, file) : undefined;
  return found && (found.kind === 'contract' || found.kind === 'abstract') ? found : undefined;
}

/** The contract a fixed target variable is set to in its declaration or in a constructor of the hierarchy. */
function implementationOf(variable: StateVariableDeclarationVariable, contract: ContractInfo, project: ProjectModel): ContractInfo | undefined {
  const declaringContract = contract.linearization.find((c) => c.ownStateVariables().includes(variable));
  if (variable.expression && declaringContract) return contractOfValue(variable.expression, undefined, declaringContract.file.path, project);
  for (const owner of contract.linearization) {
    for (const ctor of owner.ownFunctions().filter((f) => f.isConstructor && f.body)) {
      for (const assignment of findAll(ctor.body!, (n): n is BinaryOperation => n.type === 'BinaryOperation' && n.operator === '=')) {
        if (assignment.left.type !== 'Identifier' || assignment.left.name !== variable.name) continue;
        const found = contractOfValue(assignment.right, ctor, owner.file.path, project);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * The state variables a delegatecall's target is read from: followed through conversions, locals (also the
 * Solidity locals an assembly block names), parameters of the internal calls on the way, and argument-less
 * internal getters (`_implementation()`). Undefined when some source is not a state variable (an `sload`).
 */
function targetVariables(event: ExecutionEvent, fallback: FunctionDefinition, contract: ContractInfo): StateVariableDeclarationVariable[] | undefined {
  const raw = callTarget(event);
  if (!raw) return undefined;
  const traced = traceOutward(event, raw);
  const callable = traced.via.length > 0 ? traced.via[traced.via.length - 1].callee : fallback;
  const found: StateVariableDeclarationVariable[] = [];
  const resolve = (expr: ASTNode, within: Callable, depth: number): boolean => {
    if (depth > 4) return false;
    const value = unwrapConversion(expr);
    const name = value.type === 'Identifier' ? value.name : value.type === 'AssemblyCall' && value.arguments.length === 0 ? value.functionName : undefined;
    if (name !== undefined) {
      const flow = LocalDataFlow.of(within);
      if (flow.declaration(name)) {
        const definitions = flow.definitionsOf(name);
        return definitions.length > 0 && definitions.every((d) => resolve(d, within, depth + 1));
      }
      const state = contract.stateVariable(name);
      if (state) found.push(state.node);
      return !!state;
    }
    if (value.type === 'FunctionCall' && value.arguments.length === 0 && value.expression.type === 'Identifier') {
      const getter = contract.resolveFunction(value.expression.name, 0)?.node;
      const returned = getter?.body ? findAll(getter.body, (n): n is ReturnStatement => n.type === 'ReturnStatement') : [];
      return returned.length > 0 && returned.every((r) => !!r.expression && resolve(r.expression, getter!, depth + 1));
    }
    return false;
  };
  return resolve(traced.expr, callable, 0) ? found : undefined;
}

/** Whether the delegate target of a proxy is fixed at deployment, and which contract it is when the code says. */
export function delegateTarget(contract: ContractInfo, project: ProjectModel, forwarding: { fallback: FunctionDefinition; delegatecalls: ExecutionEvent[] }): DelegateTarget {
  const variables: StateVariableDeclarationVariable[] = [];
  for (const event of forwarding.delegatecalls) {
    const read = targetVariables(event, forwarding.fallback, contract);
    // A target read from ordinary storage, or from somewhere the analysis cannot follow, can change.
    if (!read || read.length === 0 || read.some(occupiesSlot)) return { fixed: false };
    variables.push(...read);
  }
  const implementations = new Set(variables.map((v) => implementationOf(v, contract, project)));
  const [only] = [...implementations];
  return { fixed: true, implementation: implementations.size === 1 ? only : undefined };
}

/**
 * A deployable contract of the project, other than the proxy, its bases and the contracts built on it, that
 * declares the proxy's slot variables first, in the same order (a shared storage base, or a layout mirrored by
 * hand such as a singleton's `address singleton` in slot 0): the delegate the layout was written for.
 */
export function layoutMirror(contract: ContractInfo, project: ProjectModel, layout: readonly SlotVariable[]): ContractInfo | undefined {
  for (const file of project.files()) {
    for (const candidate of project.contractsIn(file.path)) {
      if (candidate.kind !== 'contract' || candidate === contract || contract.linearization.includes(candidate) || candidate.linearization.includes(contract)) continue;
      const candidateLayout = storageLayout(candidate);
      if (candidateLayout.length < layout.length || !layoutsAgree(layout, candidateLayout)) continue;
      // Another bare proxy of the same shape is no evidence; a contract with functions of its own to run is. Only
      // declarations are read: what a body does must not decide a finding on an unrelated contract.
      if (!candidate.functions().some(({ node }) => isEntryPoint(node) && !node.isFallback && !node.isReceiveEther)) continue;
      return candidate;
    }
  }
  return undefined;
}

/** `address(this) != self` (or `==` for the reverting form) where `self` is an immutable of the contract. */
function comparesSelfWithImmutable(expr: ASTNode, operator: '!=' | '==', contract: ContractInfo): boolean {
  if (expr.type !== 'BinaryOperation' || expr.operator !== operator) return false;
  const isImmutable = (side: ASTNode): boolean => side.type === 'Identifier' && !!contract.stateVariable(side.name)?.node.isImmutable;
  return (isSelfReference(expr.left) && isImmutable(expr.right)) || (isSelfReference(expr.right) && isImmutable(expr.left));
}

/** A `require` condition that fails on a direct call: the `!=` comparison, alone or as one conjunct. */
function requiresDelegation(expr: ASTNode, contract: ContractInfo): boolean {
  return operandsOf(expr, '&&').some((operand) => comparesSelfWithImmutable(operand, '!=', contract));
}

/** An `if (…) revert` condition that holds on a direct call: the `==` comparison, alone or as one disjunct. */
function revertsOnDirectCall(expr: ASTNode, contract: ContractInfo): boolean {
  return operandsOf(expr, '||').some((operand) => comparesSelfWithImmutable(operand, '==', contract));
}

/** `a && b && c` → a, b, c, left to right; a loop, since such a chain can be thousands of operands long. */
function operandsOf(expr: ASTNode, operator: string): ASTNode[] {
  const operands: ASTNode[] = [];
  const pending = [expr];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'BinaryOperation' && next.operator === operator) pending.push(next.right, next.left);
    else operands.push(next);
  }
  return operands;
}

function callableRequiresDelegation(callable: Callable, contract: ContractInfo, depth: number, seen: Set<Callable>): boolean {
  if (!callable.body || depth > 3 || seen.has(callable)) return false;
  seen.add(callable);
  for (const node of findAll(callable.body, (n) => n.type === 'IfStatement' || n.type === 'FunctionCall')) {
    if (node.type === 'IfStatement' && revertsOnDirectCall(node.condition, contract) && alwaysTerminates(node.trueBody)) return true;
    if (node.type !== 'FunctionCall' || node.expression.type !== 'Identifier') continue;
    const name = node.expression.name;
    if ((name === 'require' || name === 'assert') && node.arguments[0] && requiresDelegation(node.arguments[0], contract)) return true;
    const callee = contract.resolveFunction(name, node.arguments.length)?.node;
    if (callee && callableRequiresDelegation(callee, contract, depth + 1, seen)) return true;
  }
  return false;
}

/**
 * Whether `fn` refuses to run unless reached through delegatecall: its modifiers, body or the internal functions
 * they call check that `address(this)` differs from an immutable holding the contract's own address
 * (OpenZeppelin's `onlyProxy`, Arbitrum's `onlyDelegated`, Safe's `onlyDelegateCall`). Called directly it reverts;
 * reached through delegatecall it runs in the storage of the contract that chose to delegate to it.
 */
export function runsOnlyThroughDelegatecall(fn: FunctionDefinition, contract: ContractInfo): boolean {
  const seen = new Set<Callable>();
  const modifiers = fn.modifiers.map((m) => contract.resolveModifier(m.name)?.node).filter((m): m is NonNullable<typeof m> => !!m);
  return [...modifiers, fn].some((callable) => callableRequiresDelegation(callable, contract, 0, seen));
}

/** Whether any function of the hierarchy can run other code in this contract's context or destroy it: `delegatecall`, `callcode`, `selfdestruct`. */
export function runsForeignCode(contract: ContractInfo): boolean {
  return contract.linearization.some((c) =>
    c.ownFunctions().some((f) =>
      !!f.body &&
      findAll(f.body, (n) =>
        (n.type === 'MemberAccess' && (n.memberName === 'delegatecall' || n.memberName === 'callcode')) ||
        (n.type === 'AssemblyCall' && (n.functionName === 'delegatecall' || n.functionName === 'callcode' || n.functionName === 'selfdestruct')) ||
        (n.type === 'Identifier' && (n.name === 'selfdestruct' || n.name === 'suicide')) ||
        (n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && /^functionDelegateCall$/.test(n.expression.memberName)),
      ).length > 0,
    ),
  );
}

/** The name of an assembly slot operand: an identifier (`s`, `ownerSlot`) or a literal slot number. */
function slotKey(node: ASTNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'AssemblyCall' && node.arguments.length === 0) return node.functionName;
  if (node.type === 'DecimalNumber' || node.type === 'HexNumber') return node.value;
  return undefined;
}

/** Assembly that reverts when a slot is already set and then sets it: `if sload(s) { revert(…) }` … `sstore(s, v)`. */
function assemblyOneShot(body: ASTNode): boolean {
  const checked = new Set<string>();
  for (const check of findAll(body, (n): n is AssemblyIf => n.type === 'AssemblyIf')) {
    const condition = check.condition;
    // `if iszero(sload(s))` reverts when the slot is unset: that is the opposite check.
    if (condition.type === 'AssemblyCall' && condition.functionName === 'iszero') continue;
    const reverts = findAll(check.body, (n) => n.type === 'AssemblyCall' && n.functionName === 'revert').length > 0;
    if (!reverts) continue;
    for (const load of findAll(condition, (n): n is AssemblyCall => n.type === 'AssemblyCall' && n.functionName === 'sload')) {
      const key = slotKey(load.arguments[0]);
      if (key) checked.add(key);
    }
  }
  if (checked.size === 0) return false;
  return findAll(body, (n): n is AssemblyCall => n.type === 'AssemblyCall' && n.functionName === 'sstore').some((store) => checked.has(slotKey(store.arguments[0]) ?? ''));
}

/**
 * Whether `fn` can succeed only once: an initializer guard (modifier, or a flag checked and set in its body),
 * or the same check-then-set in the internal functions its body calls (Safe's `setupOwners` refusing a second
 * threshold) or in assembly (`if sload(slot) { revert }` then `sstore(slot, …)`, Solady's `_initializeOwner`).
 * Calls in modifiers are not followed: a reentrancy lock there is checked and set too, but released again.
 */
export function runsOnlyOnce(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): boolean {
  if (isInitializerGuarded(fn, contract, project)) return true;
  const seen = new Set<FunctionDefinition>();
  const visit = (callable: FunctionDefinition, depth: number): boolean => {
    if (!callable.body || depth > 3 || seen.has(callable)) return false;
    seen.add(callable);
    if (assemblyOneShot(callable.body)) return true;
    if (depth > 0 && isInitializerGuarded(callable, contract, project)) return true;
    for (const call of findAll(callable.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier')) {
      const callee = contract.resolveFunction((call.expression as { name: string }).name, call.arguments.length)?.node;
      if (callee && !callee.isConstructor && visit(callee, depth + 1)) return true;
    }
    return false;
  };
  return visit(fn, 0);
}

/**
 * State variables that lock initialisation: named `initialized`, or read in a condition of the hierarchy's
 * `initializer` modifier. A constructor that sets one locks the implementation, as `_disableInitializers()` does.
 */
export function initializerLocks(contract: ContractInfo): Set<string> {
  const locks = new Set(contract.stateVariables().map((v) => v.node.name ?? '').filter((name) => /^_?initiali[sz]ed$/i.test(name)));
  const modifier = contract.resolveModifier('initializer')?.node;
  if (!modifier?.body) return locks;
  for (const node of findAll(modifier.body, (n) => n.type === 'IfStatement' || (n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === 'require'))) {
    const condition = node.type === 'IfStatement' ? node.condition : node.type === 'FunctionCall' ? node.arguments[0] : undefined;
    if (!condition) continue;
    for (const id of findAll(condition, (n): n is Identifier => n.type === 'Identifier')) if (contract.stateVariable(id.name)) locks.add(id.name);
  }
  return locks;
}
