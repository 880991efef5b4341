// Where a function recovers or verifies a signer, which message hash it checks, how that hash was built, and
// whether a recovered address can be zero where it is trusted: the shared ground of the ecrecover,
// malleability and replay rules.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, ModifierDefinition, TypeName } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { ContractInfo } from '../project/projectModel';
import { LocalDataFlow } from './localDataFlow';
import { FunctionScope } from './scope';
import { runSteps, type Step } from './stackSafe';
import { stateVariableOf, stateWrites, storagePointers, type StateVariableRef } from './stateAccess';
import { contractsSharingState } from './stateVariableUsage';

export type RecoveryKind = 'ecrecover' | 'library';

export interface SignatureRecovery {
  call: FunctionCall;
  kind: RecoveryKind;
  /** The message hash expression passed to the recovery. */
  hash: Expression;
}

/** Library calls that recover or check a signer: OpenZeppelin ECDSA / SignatureChecker, solady, solmate. */
const LIBRARY_RECOVERY = new Set(['recover', 'tryRecover', 'recoverCalldata', 'tryRecoverCalldata', 'isValidSignatureNow', 'isValidSignatureNowCalldata', 'isValidERC1271SignatureNow']);

export function isEcrecover(node: ASTNode): node is FunctionCall {
  return node.type === 'FunctionCall' && node.expression.type === 'Identifier' && node.expression.name === 'ecrecover' && node.arguments.length === 4;
}

/** Every signature recovery in a callable's body, with the hash argument. */
export function signatureRecoveries(callable: FunctionDefinition | ModifierDefinition): SignatureRecovery[] {
  if (!callable.body) return [];
  const out: SignatureRecovery[] = [];
  for (const node of findAll(callable.body, (n): n is FunctionCall => n.type === 'FunctionCall')) {
    if (node.expression.type === 'Identifier' && node.expression.name === 'ecrecover' && node.arguments.length === 4) {
      out.push({ call: node, kind: 'ecrecover', hash: node.arguments[0] });
      continue;
    }
    const callee = node.expression;
    if (callee.type !== 'MemberAccess' || !LIBRARY_RECOVERY.has(callee.memberName) || node.arguments.length === 0) continue;
    const library = callee.expression.type === 'Identifier' && /^[A-Z]/.test(callee.expression.name);
    if (library) {
      // `ECDSA.recover(hash, sig)`; `SignatureChecker.isValidSignatureNow(signer, hash, sig)` takes the signer first.
      const hashIndex = callee.memberName.startsWith('isValid') ? 1 : 0;
      const hash = node.arguments[hashIndex];
      if (hash) out.push({ call: node, kind: 'library', hash });
    } else if (callee.memberName === 'recover' || callee.memberName === 'tryRecover') {
      // `hash.recover(sig)` through `using ECDSA for bytes32`.
      out.push({ call: node, kind: 'library', hash: callee.expression });
    }
  }
  return out;
}

/**
 * The expressions that build a hash: the hash expression itself and, transitively, the values of the locals
 * it reads. Empty when the hash is a parameter (built by the caller, out of sight).
 */
export function hashConstruction(hash: Expression, callable: FunctionDefinition | ModifierDefinition): ASTNode[] {
  const flow = LocalDataFlow.of(callable);
  const parts: ASTNode[] = [];
  const seen = new Set<string>();
  // A step for runSteps, not a recursive call: a chain of locals each built from the last has no length limit.
  function* visit(expr: ASTNode): Step<void> {
    parts.push(expr);
    for (const id of findAll(expr, (n) => n.type === 'Identifier')) {
      if (id.type !== 'Identifier' || seen.has(id.name) || !flow.declaration(id.name) || flow.isParameter(id.name)) continue;
      seen.add(id.name);
      for (const value of flow.definitionsOf(id.name)) yield visit(value);
    }
  }
  if (hash.type === 'Identifier' && flow.isParameter(hash.name)) return [];
  runSteps(visit(hash));
  // Built here means hashed here (`keccak256(...)`) or by an internal helper (`getMessageHash(to, amount)`);
  // a wrapper around a parameter (`hash.toEthSignedMessageHash()`) still signs what the caller built.
  const builds = parts.some((p) => findAll(p, isHashingCall).length > 0);
  if (!builds || hashesOnlyOpaqueInput(parts, flow)) return [];
  return parts;
}

/** Builtins that compute rather than hash: `mulmod` in an ecrecover-as-multiplication trick builds no message. */
const NOT_HASHING = /^(require|assert|revert|address|payable|string|bytes\d*|u?int\d*|addmod|mulmod|ecrecover|blockhash|blobhash|gasleft|type|toEthSignedMessageHash|_hashTypedDataV4)$/;

function isHashingCall(node: ASTNode): boolean {
  if (node.type !== 'FunctionCall' || node.expression.type !== 'Identifier') return false;
  const name = node.expression.name;
  return name === 'keccak256' || name === 'sha256' || !NOT_HASHING.test(name);
}

/** Global names a message may be assembled with that carry no content of their own. */
const ASSEMBLY_GLOBALS = new Set(['abi', 'keccak256', 'sha256']);

/**
 * True when the message is only the caller's opaque bytes, hashed or prefixed here: `keccak256(abi.encodePacked(
 * "\x19Ethereum Signed Message:\n32", dataHash))`, or an OCR-style `keccak256(abi.encodePacked(keccak256(report),
 * reportContext))`. Every value in it is a `bytes`/`bytesN` parameter (or array of them) or a literal, so its
 * fields, and whatever nonce, epoch or config digest they carry, are laid out and checked by code this hash
 * does not show, just as for a hash passed in whole.
 */
function hashesOnlyOpaqueInput(parts: ASTNode[], flow: LocalDataFlow): boolean {
  const callees = new Set<ASTNode>();
  for (const part of parts) for (const call of findAll(part, (n) => n.type === 'FunctionCall')) if (call.type === 'FunctionCall') callees.add(call.expression);
  for (const part of parts) {
    for (const node of findAll(part, (n) => n.type === 'Identifier')) {
      if (node.type !== 'Identifier' || callees.has(node)) continue;
      if (ASSEMBLY_GLOBALS.has(node.name)) continue;
      const declaration = flow.declaration(node.name);
      if (!declaration) return false;
      // Locals are followed to their values, which are in `parts` and checked there.
      if (!flow.isParameter(node.name)) continue;
      if (!isOpaqueBytes(declaration.typeName)) return false;
    }
    // A call of an internal helper (`getMessage(a, b)`) lays out fields of its own.
    for (const call of findAll(part, (n) => n.type === 'FunctionCall')) {
      if (call.type !== 'FunctionCall' || call.expression.type !== 'Identifier') continue;
      if (isHashingCall(call) && !ASSEMBLY_GLOBALS.has(call.expression.name)) return false;
    }
  }
  return true;
}

function isOpaqueBytes(type: TypeName | null | undefined): boolean {
  if (!type) return false;
  if (type.type === 'ArrayTypeName') return isOpaqueBytes(type.baseTypeName);
  return type.type === 'ElementaryTypeName' && /^bytes\d*$/.test(type.name);
}

/** `address(0)`, `0`, or a constant declared as one (`ZERO_ADDRESS`). */
export function isZeroAddress(expr: ASTNode, scope?: FunctionScope): boolean {
  if (expr.type === 'NumberLiteral') return Number(expr.number) === 0;
  if (expr.type === 'Identifier' && scope) {
    const state = scope.stateVariable(expr.name, expr);
    return !!state?.node.isDeclaredConst && !!state.node.expression && isZeroAddress(state.node.expression);
  }
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return false;
  const callee = expr.expression;
  const isAddress = (callee.type === 'ElementaryTypeName' || callee.type === 'Identifier') && callee.name === 'address';
  return isAddress && expr.arguments[0].type === 'NumberLiteral' && Number(expr.arguments[0].number) === 0;
}

/** Texts (whitespace removed) of the expressions a callable compares with zero: `x == address(0)`, `0 != y`. */
export function zeroCheckedTexts(body: ASTNode, scope: FunctionScope, textOf: (node: ASTNode) => string): Set<string> {
  const out = new Set<string>();
  for (const n of findAll(body, (node) => node.type === 'BinaryOperation' && (node.operator === '==' || node.operator === '!='))) {
    if (n.type !== 'BinaryOperation') continue;
    if (isZeroAddress(n.right, scope)) out.add(textOf(n.left));
    if (isZeroAddress(n.left, scope)) out.add(textOf(n.right));
  }
  return out;
}

/**
 * Whether a state mapping used as a signer set (`signers[recovered]`) can never hold an entry for `address(0)`:
 * every assignment into it, in every contract that shares the storage, is keyed by an address the writing
 * function compared with zero (directly, or through the local it came from). Then looking up the `address(0)`
 * an invalid signature recovers finds nothing, and the lookup is the zero check.
 */
export function signerSetExcludesZero(lookupBase: ASTNode, scope: FunctionScope): boolean {
  const set = stateVariableOf(lookupBase, scope, storagePointers(scope));
  if (!set || !scope.contract) return false;
  const setName = lastName(lookupBase);
  let writes = 0;
  const owners = new Set<ContractInfo>();
  for (const base of scope.contract.linearization) for (const derived of contractsSharingState(scope.project, base)) owners.add(derived);
  for (const owner of owners) {
    for (const fn of owner.ownFunctions()) {
      if (!fn.body) continue;
      const fnScope = new FunctionScope(scope.project, owner.file, owner, fn);
      const textOf = (node: ASTNode): string => owner.file.text.slice(node.range?.[0] ?? 0, (node.range?.[1] ?? -1) + 1).replace(/\s+/g, '');
      let checked: Set<string> | undefined;
      const flow = LocalDataFlow.of(fn);
      for (const write of stateWrites(fn.body, fnScope)) {
        const node = write.node;
        if (node.type !== 'BinaryOperation' || node.operator !== '=' || node.left.type !== 'IndexAccess') continue;
        if (lastName(node.left.base) !== setName || !sameState(write.variable, set)) continue;
        // Clearing an entry (`= false`, `= 0`) removes a signer; only additions matter.
        if ((node.right.type === 'BooleanLiteral' && !node.right.value) || (node.right.type === 'NumberLiteral' && Number(node.right.number) === 0)) continue;
        writes++;
        checked ??= zeroCheckedTexts(fn.body, fnScope, textOf);
        const key = node.left.index;
        if (!key) return false;
        const keyTexts = [textOf(key), ...(key.type === 'Identifier' ? flow.definitionsOf(key.name).map(textOf) : [])];
        if (!keyTexts.some((t) => checked?.has(t))) return false;
      }
    }
  }
  return writes > 0;
}

function lastName(expr: ASTNode): string | undefined {
  if (expr.type === 'Identifier') return expr.name;
  if (expr.type === 'MemberAccess') return expr.memberName;
  return undefined;
}

function sameState(a: StateVariableRef, b: StateVariableRef): boolean {
  return a.declaration ? a.declaration === b.declaration : a.name === b.name;
}
