// Classifies a FunctionCall: low-level call, ETH transfer, high-level external call, library or internal
// call (resolved to its definition), builtin, conversion or event, with the call target and ETH value.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, MemberAccess } from '@solidity-parser/parser/dist/src/ast-types';
import type { ContractInfo, Member } from '../project/projectModel';
import { memoize } from './analysisCache';
import { contractOfType, isAddressType, isElementaryTypeName, type FunctionScope, type TypeRef } from './scope';

/** What a call does: hands control elsewhere (low-level, send, transfer, external), runs our code (internal, library), or neither. */
export type CallKind =
  | 'low-level-call'
  | 'delegatecall'
  | 'staticcall'
  | 'callcode'
  | 'send'
  | 'eth-transfer'
  | 'external'
  | 'library'
  | 'internal'
  | 'creation'
  | 'builtin'
  | 'event'
  | 'unknown';

/** A classified call with its target, ETH value and resolved definition. */
export interface CallInfo {
  kind: CallKind;
  node: FunctionCall;
  /** The called function or member name (`transfer`, `call`, `_mint`, `keccak256`). */
  name: string | undefined;
  /** The receiver: the address or contract expression for external and low-level calls, the library value for using-for calls. */
  target: Expression | undefined;
  /** The `{value: x}` option or old `.value(x)` argument. */
  value: Expression | undefined;
  /** The call arguments, without the using-for receiver. */
  args: Expression[];
  /** Whether the call can move ETH out of the contract (a value option, `send`, one-argument `transfer`). */
  sendsEth: boolean;
  /** The definition an internal or library call dispatches to, when found. */
  resolved: Member<FunctionDefinition> | undefined;
  /** For external calls: the interface or contract of the receiver, when known. */
  receiverContract: ContractInfo | undefined;
  /** For library calls through `using L for T`: the receiver bound to the first parameter. */
  boundReceiver: Expression | undefined;
}

const EXTERNAL_KINDS = new Set<CallKind>(['low-level-call', 'delegatecall', 'staticcall', 'callcode', 'send', 'eth-transfer', 'external']);

/** Calls that hand control to code outside this contract (reentrancy points, DoS points). */
export function isExternalCall(call: CallInfo): boolean {
  return EXTERNAL_KINDS.has(call.kind);
}

/** Low-level calls: `call`, `delegatecall`, `staticcall`, `callcode`. */
export function isLowLevelCall(call: CallInfo): boolean {
  return call.kind === 'low-level-call' || call.kind === 'delegatecall' || call.kind === 'staticcall' || call.kind === 'callcode';
}

const BUILTIN_FUNCTIONS = new Set([
  'require',
  'assert',
  'revert',
  'keccak256',
  'sha256',
  'sha3',
  'ripemd160',
  'ecrecover',
  'addmod',
  'mulmod',
  'selfdestruct',
  'suicide',
  'gasleft',
  'blockhash',
  'blobhash',
  'type',
  'payable',
  'this',
]);

const BUILTIN_RECEIVERS = new Set(['abi', 'msg', 'block', 'tx', 'bytes', 'string', 'super']);
const LOW_LEVEL: Record<string, CallKind> = { call: 'low-level-call', delegatecall: 'delegatecall', staticcall: 'staticcall', callcode: 'callcode' };

interface Callee {
  callee: Expression;
  value: Expression | undefined;
}

/** Strips call options: `{value: v, gas: g}` and the pre-0.7 `.value(v)` / `.gas(g)` calls. */
function peelOptions(expression: Expression): Callee {
  let current: Expression = expression;
  let value: Expression | undefined;
  for (;;) {
    if (current.type === 'NameValueExpression') {
      const index = current.arguments.names.indexOf('value');
      if (index >= 0) value = current.arguments.arguments[index];
      current = current.expression;
    } else if (
      current.type === 'FunctionCall' &&
      current.expression.type === 'MemberAccess' &&
      (current.expression.memberName === 'value' || current.expression.memberName === 'gas') &&
      current.arguments.length === 1 &&
      isCallableMember(current.expression.expression)
    ) {
      if (current.expression.memberName === 'value') value = current.arguments[0];
      current = current.expression.expression;
    } else {
      return { callee: current, value };
    }
  }
}

/** `x.call`, `c.f`: the thing before `.value(...)` in old syntax is itself a member function. */
function isCallableMember(expr: Expression): boolean {
  return expr.type === 'MemberAccess' || expr.type === 'Identifier';
}

function isZeroLiteral(expr: Expression | undefined): boolean {
  return !!expr && expr.type === 'NumberLiteral' && /^0+$/.test(expr.number);
}

/**
 * The name `classifyCall` records for a call made by name (`f(…)`, `x.f(…)`, options peeled off), without
 * resolving anything: an internal or library call resolves to a function of this name.
 */
export function calleeName(node: FunctionCall): string | undefined {
  const { callee } = peelOptions(node.expression);
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberAccess' ? callee.memberName : undefined;
}

/**
 * Classifies one call in the given scope, once per scope: most rules and analyses ask about the same calls, and
 * resolving names and types again for each of them was a fifth of the analysis time. Callers must not change
 * the result.
 */
export function classifyCall(node: FunctionCall, scope: FunctionScope): CallInfo {
  const known = memoize(scope.project, 'classifyCall', scope, () => new Map<FunctionCall, CallInfo>());
  let info = known.get(node);
  if (!info) {
    info = classifyUncached(node, scope);
    known.set(node, info);
  }
  return info;
}

function classifyUncached(node: FunctionCall, scope: FunctionScope): CallInfo {
  const { callee, value } = peelOptions(node.expression);
  const info: CallInfo = {
    kind: 'unknown',
    node,
    name: undefined,
    target: undefined,
    value,
    args: node.arguments,
    sendsEth: !!value && !isZeroLiteral(value),
    resolved: undefined,
    receiverContract: undefined,
    boundReceiver: undefined,
  };
  // `x.call.value(1)` alone (the inner part of old-style options) is not a call of its own.
  if (node.expression.type === 'MemberAccess' && (node.expression.memberName === 'value' || node.expression.memberName === 'gas') && isLowLevelMember(node.expression.expression)) {
    info.kind = 'builtin';
    info.name = node.expression.memberName;
    info.sendsEth = false;
    info.value = undefined;
    return info;
  }
  if (callee.type === 'NewExpression') {
    info.kind = 'creation';
    return info;
  }
  if (callee.type === 'ElementaryTypeName') {
    info.kind = 'builtin';
    info.name = callee.name;
    return info;
  }
  if (callee.type === 'Identifier') return classifyPlainCall(info, callee.name, scope);
  if (callee.type === 'MemberAccess') return classifyMemberCall(info, callee, scope);
  return info;
}

function isLowLevelMember(expr: Expression): boolean {
  return expr.type === 'MemberAccess' && expr.memberName in LOW_LEVEL;
}

function classifyPlainCall(info: CallInfo, name: string, scope: FunctionScope): CallInfo {
  info.name = name;
  if (BUILTIN_FUNCTIONS.has(name) || isElementaryTypeName(name)) {
    info.kind = 'builtin';
    return info;
  }
  const contract = scope.contract;
  const fn = contract?.resolveFunction(name, info.args.length) ?? contract?.resolveFunction(name);
  if (fn) {
    info.kind = 'internal';
    info.resolved = fn;
    return info;
  }
  if (contract?.events().some((e) => e.node.name === name) || fileLevel(scope, 'EventDefinition', name)) {
    info.kind = 'event';
    return info;
  }
  // Conversions `IERC20(x)`, struct construction `Pos(a, b)` and custom errors are not calls.
  if (scope.contractNamed(name) || scope.structNamed(name) || contract?.linearization.some((c) => c.ownMembers<{ name: string }>('CustomErrorDefinition').some((e) => e.name === name))) {
    info.kind = 'builtin';
    return info;
  }
  if (fileLevel(scope, 'CustomErrorDefinition', name) || fileLevel(scope, 'TypeDefinition', name)) {
    info.kind = 'builtin';
    return info;
  }
  const free = fileLevel(scope, 'FunctionDefinition', name) as FunctionDefinition | undefined;
  if (free && contract) {
    info.kind = 'internal';
    info.resolved = { node: free, owner: contract };
  }
  return info;
}

/** A file-level definition of `type` named `name`, visible from the scope's file. */
function fileLevel(scope: FunctionScope, type: string, name: string): ASTNode | undefined {
  for (const filePath of [scope.file.path, ...scope.project.transitiveImports(scope.file.path)]) {
    const found = scope.project.file(filePath)?.ast?.children.find((c) => c.type === type && (c as { name?: string }).name === name);
    if (found) return found;
  }
  return undefined;
}

function classifyMemberCall(info: CallInfo, callee: MemberAccess, scope: FunctionScope): CallInfo {
  const member = callee.memberName;
  const receiver = callee.expression;
  info.name = member;
  info.target = receiver;
  const contract = scope.contract;

  if (receiver.type === 'Identifier') {
    if (receiver.name === 'super' && contract) {
      info.kind = 'internal';
      info.resolved = resolveSuper(contract, scope, member, info.args.length);
      return info;
    }
    if (BUILTIN_RECEIVERS.has(receiver.name) && !scope.resolve(receiver.name, receiver)) {
      info.kind = 'builtin';
      return info;
    }
    if (!scope.resolve(receiver.name, receiver) && receiver.name !== 'this') {
      const named = scope.contractNamed(receiver.name);
      if (named) {
        // `Lib.f(x)` is a library call; `Base.f(x)` on a base of this contract is an internal call.
        const fn = named.resolveFunction(member, info.args.length) ?? named.resolveFunction(member);
        if (named.kind === 'library') info.kind = 'library';
        else if (contract?.linearization.includes(named)) info.kind = 'internal';
        else info.kind = 'builtin';
        info.resolved = fn;
        info.target = undefined;
        return info;
      }
      // Any other undeclared name before a dot is a type: `Delay.wrap(x)`, `Status.Active`, `Lib.Struct(...)`.
      info.kind = 'builtin';
      info.target = undefined;
      return info;
    }
  }

  // `bytes.concat(a, b)`, `string.concat(a, b)`: members of a type name are builtins, never calls elsewhere.
  if (receiver.type === 'ElementaryTypeName') {
    info.kind = 'builtin';
    info.target = undefined;
    return info;
  }

  const receiverType = scope.typeOf(receiver);
  const receiverContract = contractOfType(receiverType, scope.project);
  const receiverIsAddress = isAddressType(receiverType) || isAddressConversion(receiver);

  if (member in LOW_LEVEL && !receiverContract?.functions().some((f) => f.node.name === member)) {
    info.kind = LOW_LEVEL[member];
    if (info.kind === 'staticcall') info.sendsEth = false;
    return info;
  }
  if (member === 'send' && info.args.length === 1 && !receiverContract) {
    info.kind = 'send';
    info.value = info.args[0];
    info.sendsEth = !isZeroLiteral(info.value);
    return info;
  }
  if (member === 'transfer' && info.args.length === 1 && !receiverContract && (receiverIsAddress || !receiverType)) {
    info.kind = 'eth-transfer';
    info.value = info.args[0];
    info.sendsEth = !isZeroLiteral(info.value);
    return info;
  }
  // `using L for T`: a library function whose first parameter binds the receiver. It wins over an interface
  // member of the same name unless that member takes these arguments (`using Hooks for IHooks`:
  // `hooks.beforeSwap(key, params, data)` is the library wrapper, `IHooks.beforeSwap` takes the sender too).
  const library = usingForFunction(scope, member, info.args.length + 1, receiverType);
  const receiverHasMember = !!receiverContract?.functions().some((f) => f.node.name === member && f.node.parameters.length === info.args.length);
  if (library && !receiverHasMember) {
    info.kind = 'library';
    info.resolved = library;
    info.boundReceiver = receiver;
    return info;
  }
  if (receiverContract && receiverContract.kind !== 'library') {
    info.kind = 'external';
    info.receiverContract = receiverContract;
    return info;
  }
  if (receiverIsAddress) {
    // Members of `address` that are not calls on their own (`balance`, `code`) never reach here as calls.
    info.kind = 'external';
    return info;
  }
  if (receiverType && (receiverType.node.type === 'ArrayTypeName' || receiverType.node.type === 'ElementaryTypeName')) {
    // `arr.push(x)`, `arr.pop()`, `bytes.concat`: storage or value operations, not calls.
    info.kind = 'builtin';
    return info;
  }
  if (receiver.type === 'FunctionCall' && receiver.expression.type === 'Identifier' && receiver.expression.name === 'type') {
    info.kind = 'builtin';
    return info;
  }
  // An unresolved receiver type (a struct field of unknown type, an alias): most likely a contract.
  info.kind = receiverType ? 'unknown' : 'external';
  return info;
}

function simpleName(namePath: string): string {
  return namePath.slice(namePath.lastIndexOf('.') + 1);
}

function isAddressConversion(expr: Expression): boolean {
  if (expr.type !== 'FunctionCall') return false;
  const callee = expr.expression;
  if (callee.type === 'ElementaryTypeName') return callee.name === 'address';
  return callee.type === 'Identifier' && (callee.name === 'address' || callee.name === 'payable');
}

/** `super.f()` from the function being analysed: the next definition after its owner in the linearization. */
function resolveSuper(contract: ContractInfo, scope: FunctionScope, name: string, argumentCount: number): Member<FunctionDefinition> | undefined {
  const owner = ownerOf(contract, scope);
  const order = contract.linearization;
  const start = owner ? order.indexOf(owner) + 1 : 1;
  for (const candidate of order.slice(start)) {
    const fn = candidate.ownFunctions().find((f) => f.name === name && f.body !== null && f.parameters.length === argumentCount);
    if (fn) return { node: fn, owner: candidate };
  }
  return undefined;
}

function ownerOf(contract: ContractInfo, scope: FunctionScope): ContractInfo | undefined {
  const callable = scope.callable;
  if (!callable) return contract;
  return contract.linearization.find((c) => c.node.subNodes.includes(callable));
}

/**
 * A library function attached with `using L for ...` in the hierarchy, at file level, or with `global` next to the
 * receiver's type in an imported file (`using Slot0Library for Slot0 global`), by name and arity.
 */
function usingForFunction(scope: FunctionScope, name: string, arity: number, receiverType: TypeRef | undefined): Member<FunctionDefinition> | undefined {
  const directives = [...(scope.contract?.usingFor() ?? []).map((m) => ({ node: m.node, fromFile: m.owner.file.path }))];
  for (const child of scope.file.ast?.children ?? []) {
    if (child.type === 'UsingForDeclaration') directives.push({ node: child, fromFile: scope.file.path });
  }
  const receiverTypeName = receiverType?.node.type === 'UserDefinedTypeName' ? simpleName(receiverType.node.namePath) : undefined;
  for (const filePath of scope.project.transitiveImports(scope.file.path)) {
    for (const child of scope.project.file(filePath)?.ast?.children ?? []) {
      if (child.type !== 'UsingForDeclaration' || !child.isGlobal) continue;
      // A global directive applies to its own (user-defined) type only; an unknown receiver type is matched by name and arity.
      const forType = child.typeName?.type === 'UserDefinedTypeName' ? simpleName(child.typeName.namePath) : undefined;
      if (receiverType === undefined || forType === receiverTypeName) directives.push({ node: child, fromFile: filePath });
    }
  }
  for (const { node, fromFile } of directives) {
    if (node.libraryName) {
      const library = scope.project.resolveContractName(node.libraryName, fromFile);
      const fn = library?.ownFunctions().find((f) => f.name === name && f.parameters.length === arity) ?? library?.ownFunctions().find((f) => f.name === name);
      if (library && fn) return { node: fn, owner: library };
    }
    for (const path of node.functions) {
      const dot = path.lastIndexOf('.');
      if (path.slice(dot + 1) !== name || dot < 0) continue;
      const library = scope.project.resolveContractName(path.slice(0, dot), fromFile);
      const fn = library?.ownFunctions().find((f) => f.name === name);
      if (library && fn) return { node: fn, owner: library };
    }
  }
  return undefined;
}
