// Where a function recovers or verifies a signer, which message hash it checks, and how that hash was built:
// the shared ground of the ecrecover, malleability and replay rules.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import { LocalDataFlow } from './localDataFlow';

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
  const visit = (expr: ASTNode): void => {
    parts.push(expr);
    for (const id of findAll(expr, (n) => n.type === 'Identifier')) {
      if (id.type !== 'Identifier' || seen.has(id.name) || !flow.declaration(id.name) || flow.isParameter(id.name)) continue;
      seen.add(id.name);
      for (const value of flow.definitionsOf(id.name)) visit(value);
    }
  };
  if (hash.type === 'Identifier' && flow.isParameter(hash.name)) return [];
  visit(hash);
  // Built here means hashed here (`keccak256(...)`) or by an internal helper (`getMessageHash(to, amount)`);
  // a wrapper around a parameter (`hash.toEthSignedMessageHash()`) still signs what the caller built.
  const builds = parts.some((p) => findAll(p, isHashingCall).length > 0);
  return builds ? parts : [];
}

function isHashingCall(node: ASTNode): boolean {
  if (node.type !== 'FunctionCall' || node.expression.type !== 'Identifier') return false;
  const name = node.expression.name;
  return name === 'keccak256' || name === 'sha256' || !/^(require|assert|revert|address|payable|bytes\d*|u?int\d*|toEthSignedMessageHash|_hashTypedDataV4)$/.test(name);
}
