// Which of a function's parameters a signature it checks actually binds, and which parameters decide where value
// goes (amounts, recipients, token ids, the token itself): the ground of signature-unbound-parameters.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, TypeName } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { memoize } from './analysisCache';
import { classifyCall } from './calls';
import { LocalDataFlow } from './localDataFlow';
import { FunctionScope } from './scope';
import { hashConstruction, signatureRecoveries } from './signatureRecovery';
import { runSteps, type Step } from './stackSafe';

const HELPER_DEPTH = 2;

/** A signature check reached from a function: the call in its body that leads to it, and what the signed message holds. */
export interface SignedMessage {
  /** The recovery call, or the call of the internal helper that recovers. */
  site: FunctionCall;
  /** The function's own expressions the message is built from. */
  parts: ASTNode[];
  /** Whether the message binds the caller (`msg.sender`, `_msgSender()`), here or in a helper that builds it. */
  bindsCaller: boolean;
  /** The parameter paths the message is made of, followed back through locals (`order`, `order.amount`, `to`). */
  boundPaths: Set<string>;
}

const CALLER = /msg\.sender|_msgSender\(\)/;

function textOf(node: ASTNode, file: { text: string }): string {
  return node.range ? file.text.slice(node.range[0], node.range[1] + 1) : '';
}

interface InternalCall {
  node: FunctionCall;
  callee: FunctionDefinition;
  owner: ContractInfo;
}

/**
 * Internal functions a body calls, resolved against `contract`, once per function and contract: every entry point
 * asks again for the helpers it reaches, at every depth.
 */
function internalCalls(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): InternalCall[] {
  const byContract = memoize(project, 'signedBindings.internalCalls', fn, () => new Map<ContractInfo, InternalCall[]>());
  let calls = byContract.get(contract);
  if (!calls) {
    calls = resolveInternalCalls(fn, contract, project);
    byContract.set(contract, calls);
  }
  return calls;
}

function resolveInternalCalls(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): InternalCall[] {
  if (!fn.body) return [];
  const owner = contract.linearization.find((c) => c.node.subNodes.includes(fn)) ?? contract;
  const scope = new FunctionScope(project, owner.file, contract, fn);
  const out: InternalCall[] = [];
  for (const node of findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall')) {
    const call = classifyCall(node, scope);
    if (call.kind === 'internal' && call.resolved?.node.body && call.resolved.node !== fn) out.push({ node, callee: call.resolved.node, owner: call.resolved.owner });
  }
  return out;
}

/**
 * Where `fn` checks a signature, directly or through internal helpers, and the expressions of `fn` the signed
 * message is made of: the hash built here, the hash argument handed to a helper that recovers it, or, for a helper
 * that builds and recovers the message itself (`_verify(to, amount, sig)`), the arguments it is handed. A hash
 * `fn` only receives (built by its caller) is left out: what it binds is out of sight.
 */
export function signedMessages(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): SignedMessage[] {
  const out: SignedMessage[] = [];
  const file = (contract.linearization.find((c) => c.node.subNodes.includes(fn)) ?? contract).file;
  const params = new Map((fn.parameters ?? []).filter((p) => p.name).map((p) => [p.name as string, p]));
  const flow = LocalDataFlow.of(fn);
  // Index keys count here: `nonces[to]` in a message ties it to `to`'s entry.
  const boundOf = (parts: ASTNode[]) => new Set(parts.flatMap((p) => parameterPaths(p, params, flow, new Set(), true)));
  const fromHash = (site: FunctionCall, hash: Expression): void => {
    const parts = hashConstruction(hash, fn);
    if (parts.length === 0) return;
    const helperTexts = parts.flatMap((p) => internalCallTexts(p, contract));
    out.push({ site, parts, bindsCaller: [...parts.map((p) => textOf(p, file)), ...helperTexts].some((t) => CALLER.test(t)), boundPaths: boundOf(parts) });
  };
  for (const recovery of signatureRecoveries(fn)) fromHash(recovery.call, recovery.hash);
  for (const { node, callee } of internalCalls(fn, contract, project)) {
    const hashIndexes = recoveredParameterIndexes(callee, contract, project, 1);
    if (hashIndexes === undefined) continue;
    if (hashIndexes.length === 0) {
      // The helper builds the message from what it is handed.
      const bodyText = callee.body ? textOf(callee.body, contractFileOf(callee, contract).file) : '';
      out.push({ site: node, parts: node.arguments, bindsCaller: CALLER.test(bodyText) || node.arguments.some((a) => CALLER.test(textOf(a, file))), boundPaths: boundOf(node.arguments) });
      continue;
    }
    for (const index of hashIndexes) if (node.arguments[index]) fromHash(node, node.arguments[index]);
  }
  return out;
}

function contractFileOf(fn: FunctionDefinition, contract: ContractInfo): ContractInfo {
  return contract.linearization.find((c) => c.node.subNodes.includes(fn)) ?? contract;
}

/** Bodies of the contract's internal functions called inside `part` (message-building helpers), as text. */
function internalCallTexts(part: ASTNode, contract: ContractInfo): string[] {
  const out: string[] = [];
  for (const call of findAll(part, (n) => n.type === 'FunctionCall' && n.expression.type === 'Identifier')) {
    if (call.type !== 'FunctionCall' || call.expression.type !== 'Identifier') continue;
    const helper = contract.resolveFunction(call.expression.name, call.arguments.length);
    if (helper?.node.body) out.push(textOf(helper.node.body, helper.owner.file));
  }
  return out;
}

/**
 * For a helper that checks a signature: the indexes of its parameters the recovered hash is (directly or through
 * a further helper), empty when it builds the hash itself; undefined when it checks no signature.
 */
function recoveredParameterIndexes(helper: FunctionDefinition, contract: ContractInfo, project: ProjectModel, depth: number): number[] | undefined {
  // Once per helper, contract and depth: each entry point reaching a helper asked again, down the whole call tree.
  const byContract = memoize(project, 'signedBindings.recoveredParameterIndexes', helper, () => new Map<ContractInfo, Map<number, number[] | undefined>>());
  const byDepth = byContract.get(contract) ?? new Map<number, number[] | undefined>();
  byContract.set(contract, byDepth);
  if (!byDepth.has(depth)) byDepth.set(depth, findRecoveredParameterIndexes(helper, contract, project, depth));
  return byDepth.get(depth);
}

function findRecoveredParameterIndexes(helper: FunctionDefinition, contract: ContractInfo, project: ProjectModel, depth: number): number[] | undefined {
  if (!helper.body || depth > HELPER_DEPTH) return undefined;
  const params = helper.parameters ?? [];
  const byName = new Map(params.filter((p) => p.name).map((p) => [p.name as string, p]));
  const flow = LocalDataFlow.of(helper);
  // The helper's parameters a hash expression is made of only when it hashes nothing itself
  // (`hash.toEthSignedMessageHash()` wraps the hash it was handed); else it builds the message.
  const passedOn = (expr: Expression): number[] => {
    if (hashConstruction(expr, helper).length > 0) return [];
    return parameterPaths(expr, byName, flow, new Set(), true).map((name) => params.findIndex((p) => p.name === name.split('.')[0]));
  };
  let found = false;
  const indexes = new Set<number>();
  for (const recovery of signatureRecoveries(helper)) {
    found = true;
    for (const index of passedOn(recovery.hash)) if (index >= 0) indexes.add(index);
  }
  for (const { node, callee } of internalCalls(helper, contract, project)) {
    const nested = recoveredParameterIndexes(callee, contract, project, depth + 1);
    if (nested === undefined) continue;
    found = true;
    for (const i of nested) {
      const arg = node.arguments[i];
      for (const index of arg ? passedOn(arg) : []) if (index >= 0) indexes.add(index);
    }
  }
  return found ? [...indexes] : undefined;
}

/** Calls that move value: token transfers and mints, ETH sends. */
const VALUE_CALLS = new Set(['transfer', 'transferFrom', 'safeTransfer', 'safeTransferFrom', '_transfer', '_mint', 'mint', '_safeMint', 'safeMint', 'sendValue', 'send']);

/** A parameter path (`amount`, `order.amount`) that decides where value goes, at the call in `fn` that uses it. */
export interface ValueUse {
  path: string;
  /** The statement-level call (or state write) in `fn` that moves the value, or leads to a helper that does. */
  at: ASTNode;
  /** Whether it only names where the value goes (a recipient), rather than how much, which token or which id. */
  recipient: boolean;
}

/**
 * The parameter paths of `fn` that reach value transfers: arguments and `{value: …}` of transfer, mint and send
 * calls, the token a transfer is made on, credits to state (`credit[to] += amount`), and the same through internal
 * helpers that pass their parameters on to such calls.
 */
export function valueMovingUses(fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel, depth = 0): ValueUse[] {
  if (!fn.body) return [];
  const owner = contractFileOf(fn, contract);
  const scope = new FunctionScope(project, owner.file, contract, fn);
  const flow = LocalDataFlow.of(fn);
  const params = new Map((fn.parameters ?? []).filter((p) => p.name).map((p) => [p.name as string, p]));
  const out: ValueUse[] = [];
  const seen = new Set<string>();
  // `notRecipient`: the value decides how much, which token or which id, whatever its type.
  const add = (expr: Expression | undefined, at: ASTNode, notRecipient: boolean): void => {
    if (!expr) return;
    for (const path of parameterPaths(expr, params, flow)) {
      const declared = params.get(path.split('.')[0]);
      // Amounts, ids, tokens and recipients are numbers and addresses, or fields of a struct; opaque bytes
      // (payloads, proofs, calldata for elsewhere) are judged by whoever decodes them.
      if (!isValueType(declared?.typeName, path.includes('.'))) continue;
      const isAddress = declared?.typeName?.type === 'ElementaryTypeName' && declared.typeName.name.startsWith('address');
      const key = `${path}@${at.range?.[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ path, at, recipient: !notRecipient && (isAddress || /\b(to|recipient|receiver|beneficiary|account)\b/i.test(path)) });
    }
  };
  for (const node of findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall')) {
    const call = classifyCall(node, scope);
    if (call.kind === 'internal' && call.resolved?.node.body) {
      // One level deeper than this function: helpers that call each other (`pay` ↔ `payHalves`) recursed forever.
      for (const { index, recipient } of helperValueParameters(call.resolved.node, contract, project, depth + 1)) add(node.arguments[index], node, !recipient);
      continue;
    }
    if (call.kind !== 'external' && call.kind !== 'library' && call.kind !== 'eth-transfer' && call.kind !== 'send' && call.kind !== 'low-level-call' && call.kind !== 'unknown') continue;
    const ethRecipient = call.kind === 'eth-transfer' || call.kind === 'send' || call.kind === 'low-level-call';
    // Any call sending ETH moves its value to its target; its other arguments are that call's business.
    if (call.sendsEth && call.value) {
      add(call.value, node, true);
      if (call.target) add(call.target, node, false);
    }
    if (!VALUE_CALLS.has(call.name ?? '')) continue;
    if (call.target) add(call.target, node, !ethRecipient);
    if (call.boundReceiver) add(call.boundReceiver, node, true);
    for (const arg of call.args) if (arg !== call.value) add(arg, node, false);
  }
  for (const node of findAll(fn.body, (n) => n.type === 'BinaryOperation' && n.operator === '+=' && n.left.type === 'IndexAccess')) {
    if (node.type !== 'BinaryOperation') continue;
    const base = rootIdentifier(node.left);
    if (!base || !scope.stateVariable(base, node)) continue;
    add(node.right, node, true);
  }
  return out;
}

function isValueType(type: TypeName | null | undefined, field: boolean): boolean {
  if (!type) return false;
  if (type.type === 'ArrayTypeName') return isValueType(type.baseTypeName, field);
  if (type.type === 'UserDefinedTypeName') return true;
  return type.type === 'ElementaryTypeName' && /^(address|u?int\d*)/.test(type.name);
}

function rootIdentifier(expr: ASTNode): string | undefined {
  let current = expr;
  while (current.type === 'IndexAccess' || current.type === 'MemberAccess') current = current.type === 'IndexAccess' ? current.base : current.expression;
  return current.type === 'Identifier' ? current.name : undefined;
}

/** For a helper: which parameter indexes reach value-moving calls, and whether as a recipient only. */
function helperValueParameters(helper: FunctionDefinition, contract: ContractInfo, project: ProjectModel, depth: number): { index: number; recipient: boolean }[] {
  if (depth > HELPER_DEPTH) return [];
  const names = (helper.parameters ?? []).map((p) => p.name);
  const uses = valueMovingUses(helper, contract, project, depth);
  const out: { index: number; recipient: boolean }[] = [];
  names.forEach((name, index) => {
    const type = helper.parameters?.[index]?.typeName;
    // Only numbers and addresses map back cleanly: a struct handed down carries fields the helper may not move.
    if (!name || type?.type !== 'ElementaryTypeName') return;
    const mine = uses.filter((u) => u.path.split('.')[0] === name);
    if (mine.length > 0) out.push({ index, recipient: mine.every((u) => u.recipient) });
  });
  return out;
}

/**
 * The parameter paths an expression's value comes from: `amount`, `claim.amount` for a struct field, followed
 * back through locals. Index keys are left out: `amounts[id]` reads a stored value the key only selects.
 */
function parameterPaths(expr: ASTNode | undefined, params: Map<string, unknown>, flow: LocalDataFlow, seen = new Set<string>(), includeKeys = false): string[] {
  if (!expr) return [];
  const out: string[] = [];
  // A step for runSteps, not a recursive closure: operator, member and call chains, and chains of locals, have
  // no length limit (issue 12).
  function* visit(node: ASTNode): Step<void> {
    switch (node.type) {
      case 'Identifier':
        if (params.has(node.name)) out.push(node.name);
        else if (flow.declaration(node.name) && !seen.has(node.name)) {
          seen.add(node.name);
          for (const value of flow.definitionsOf(node.name)) yield visit(value);
        }
        return;
      case 'MemberAccess':
        if (node.expression.type === 'Identifier' && params.has(node.expression.name)) out.push(`${node.expression.name}.${node.memberName}`);
        else yield visit(node.expression);
        return;
      case 'IndexAccess':
        // A parameter array indexed by the loop (`amounts[i]`) is the caller's value; a state mapping is not.
        yield visit(node.base);
        if (includeKeys && node.index) yield visit(node.index);
        return;
      case 'FunctionCall':
        for (const arg of node.arguments) yield visit(arg);
        // `relayData.depositor.toAddress()`: the receiver of a bound library call is part of the value.
        if (node.expression.type === 'MemberAccess') yield visit(node.expression.expression);
        return;
      case 'BinaryOperation':
        yield visit(node.left);
        yield visit(node.right);
        return;
      case 'TupleExpression':
        for (const c of node.components) if (c) yield visit(c as ASTNode);
        return;
      case 'Conditional':
        yield visit(node.trueExpression);
        yield visit(node.falseExpression);
        return;
      case 'UnaryOperation':
        yield visit(node.subExpression);
        return;
      default:
        return;
    }
  }
  runSteps(visit(expr));
  return out;
}

/** Whether the signed message holds `path` (a whole struct parameter holds its fields). */
export function isBound(path: string, message: SignedMessage, file: { text: string }): boolean {
  if (message.boundPaths.has(path) || message.boundPaths.has(path.split('.')[0])) return true;
  const text = message.parts.map((p) => textOf(p, file)).join('\n');
  const [root, field] = path.split('.');
  if (field && new RegExp(`(^|[^\\w.])${root}\\s*\\.\\s*${field}(?!\\w)`).test(text)) return true;
  // The whole parameter, not one of its fields: `abi.encode(order)` binds every field.
  return new RegExp(`(^|[^\\w.])${root}(?!\\w)(?!\\s*\\.)`).test(text);
}
