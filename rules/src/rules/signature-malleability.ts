// signature-malleability: raw `ecrecover` without the EIP-2 check that `s` is in the lower half of the curve
// order, so `(v, r, s)` and `(v', r, n - s)` both verify. OpenZeppelin ECDSA does the check and stays silent.

import type { ASTNode, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isEcrecover } from '../analysis/signatureRecovery';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** secp256k1n / 2: the largest `s` EIP-2 allows. */
const HALF_CURVE_ORDER = '0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0';
const COMPARISONS = new Set(['<', '<=', '>', '>=']);

export default defineRule({
  meta: {
    id: 'signature-malleability',
    title: 'ecrecover accepts malleable signatures',
    severity: 'low',
    confidence: 'medium',
    category: 'signatures',
    scope: 'function',
    swc: ['SWC-117'],
    description:
      'For every valid signature `(v, r, s)` there is a second one, `(v ^ 1, r, n - s)`, for the same message and signer. Raw `ecrecover` accepts both. That is harmless when replay is prevented by a nonce, but any logic that treats the signature bytes as unique (a "used signatures" mapping, a signature hash as an id) can be bypassed.',
    exploitScenario:
      'A claim contract stores `usedSignatures[keccak256(signature)] = true` to stop replay. The attacker takes a claim signature from the mempool or a past transaction, flips `s` to `n - s` and `v`, and claims a second time with the "new" signature.',
    recommendation:
      'Use OpenZeppelin `ECDSA.recover`, which rejects high-`s` signatures, or require `uint256(s) <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0`. Prevent replay with nonces rather than by remembering signatures.',
    references: ['https://swcregistry.io/docs/SWC-117', 'https://eips.ethereum.org/EIPS/eip-2', 'https://docs.openzeppelin.com/contracts/5.x/api/utils#ECDSA'],
    messages: {
      default: '`ecrecover` is called without rejecting high-`s` signatures; a second valid signature exists for the same message.',
      usedAsKey: '`ecrecover` is called without rejecting high-`s` signatures, and the signature is used as a replay key: a flipped `s` replays it.',
    },
  },
  create(context) {
    const check = (callable: FunctionDefinition | ModifierDefinition): void => {
      if (!callable.body) return;
      const body = callable.body;
      const textOf = (node: ASTNode): string => context.text(node).replace(/\s+/g, '');
      for (const call of findAll(body, isEcrecover)) {
        const s = textOf(call.arguments[3]);
        if (checksUpperHalf(body, s, textOf)) continue;
        context.report({ node: call, messageId: signatureUsedAsKey(body, callable, textOf) ? 'usedAsKey' : 'default' });
      }
    };
    return { FunctionDefinition: check, ModifierDefinition: check };
  },
});

/** The EIP-2 constant in the function, or any ordering comparison on the `s` argument (`uint256(s) > HALF_N`). */
function checksUpperHalf(body: ASTNode, s: string, textOf: (node: ASTNode) => string): boolean {
  if (textOf(body).toLowerCase().includes(HALF_CURVE_ORDER)) return true;
  return findAll(body, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator)).some(
    (cmp) => cmp.type === 'BinaryOperation' && [textOf(cmp.left), textOf(cmp.right)].some((side) => side === s || side === `uint256(${s})`),
  );
}

/** A `bytes` signature parameter hashed or used as a mapping key in the function. */
function signatureUsedAsKey(body: ASTNode, callable: FunctionDefinition | ModifierDefinition, textOf: (node: ASTNode) => string): boolean {
  const signatureParams = (callable.parameters ?? [])
    .filter((p) => p.name && p.typeName?.type === 'ElementaryTypeName' && p.typeName.name === 'bytes')
    .map((p) => p.name as string);
  if (signatureParams.length === 0) return false;
  return findAll(body, (n) => n.type === 'IndexAccess' || (n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === 'keccak256')).some(
    (n) => {
      const inner = n.type === 'IndexAccess' ? n.index : n.type === 'FunctionCall' ? n.arguments[0] : undefined;
      const text = inner ? textOf(inner) : '';
      return signatureParams.some((name) => text === name || text.includes(`(${name})`) || text.includes(`${name})`));
    },
  );
}
