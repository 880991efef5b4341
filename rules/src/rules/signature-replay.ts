// signature-replay: a signature checked over a message hash built here without a nonce (or a used-message
// mark), or without the chain id and this contract's address; and EIP-712 domains missing chainId or
// verifyingContract. A hash passed in as a parameter is not judged: its builder is out of sight.

import type { ASTNode, FunctionDefinition, IndexAccess, ModifierDefinition, StringLiteral } from '@solidity-parser/parser/dist/src/ast-types';
import { hashConstruction, signatureRecoveries } from '../analysis/signatureRecovery';
import { defineRule } from '../engine/ruleApi';
import type { ContractInfo } from '../project/projectModel';
import { findAll } from '../engine/walk';

/** EIP-712 helpers whose domain separator already binds the chain and the verifying contract. */
const EIP712_DIGEST = /_hashTypedDataV4|hashTypedData|toTypedDataHash|DOMAIN_SEPARATOR|domainSeparator|_domainSeparatorV4|_DOMAIN_SEPARATOR/;
const NONCE_NAME = /nonce|_useNonce|_useCheckedNonce/i;
// Bridge messages name their chains by domain or endpoint id (CCTP `sourceDomain`, LayerZero `srcEid`).
const CHAIN_ID = /block\.chainid|chainid\(\)|chainId|getChainId|CHAIN_ID|\b(src|dst|source|destination|origin)(Eid|Domain|ChainId)\b/i;
const THIS_CONTRACT = /address\(this\)|\bthis\b/;

export default defineRule({
  meta: {
    id: 'signature-replay',
    title: 'Signed message can be replayed',
    severity: 'high',
    confidence: 'medium',
    category: 'signatures',
    scope: 'reachable',
    swc: ['SWC-121'],
    description:
      'A signature authorises exactly the bytes that were signed. If the signed message carries no nonce (and the contract does not mark it used), the same signature works again; without the chain id it works on every chain the contract is deployed to; without the contract address it works on every contract that checks the same message format.',
    exploitScenario:
      'A relayer contract verifies `ecrecover(keccak256(abi.encodePacked(to, amount)), v, r, s) == owner` and pays out. The attacker copies a past payout\'s calldata from the chain and submits it again and again, draining the contract; or replays it on the same contract deployed on another chain.',
    recommendation:
      'Sign EIP-712 typed data (OpenZeppelin `EIP712` + `_hashTypedDataV4`), whose domain binds `block.chainid` and `address(this)`, and include a per-signer nonce consumed on use (OpenZeppelin `Nonces._useNonce`).',
    references: ['https://swcregistry.io/docs/SWC-121', 'https://eips.ethereum.org/EIPS/eip-712', 'https://docs.openzeppelin.com/contracts/5.x/api/utils#EIP712'],
    messages: {
      message: 'The signed message has no {{missing}}: the signature can be replayed {{where}}.',
      domain: 'The EIP-712 domain type omits {{missing}}: signatures are valid {{where}}.',
    },
  },
  create(context) {
    const check = (callable: FunctionDefinition | ModifierDefinition): void => {
      if (!callable.body) return;
      const body = callable.body;
      for (const recovery of signatureRecoveries(callable)) {
        const parts = hashConstruction(recovery.hash, callable);
        if (parts.length === 0) continue;
        // Helpers that build the message (`getMessageHash(to, amount)`) may add the nonce or chain id themselves.
        const helperTexts = helperBodies(parts, context.contract()).map((body) => body.file.text.slice(body.node.range?.[0] ?? 0, (body.node.range?.[1] ?? 0) + 1));
        const text = [...parts.map((p) => context.text(p)), ...helperTexts].join('\n');
        const missing: string[] = [];
        const where: string[] = [];
        if (!NONCE_NAME.test(text) && !marksUsed(body, recovery.hash, parts, context.text)) {
          missing.push('nonce');
          where.push('as often as wanted');
        }
        if (!EIP712_DIGEST.test(text)) {
          if (!CHAIN_ID.test(text)) {
            missing.push('chain id');
            where.push('on other chains');
          }
          if (!THIS_CONTRACT.test(text)) {
            missing.push('contract address');
            where.push('on other contracts');
          }
        }
        if (missing.length === 0) continue;
        const repeatable = missing.includes('nonce');
        context.report({
          node: recovery.call,
          messageId: 'message',
          data: { missing: joinWords(missing), where: joinWords(where) },
          // Cross-chain or cross-contract replay alone needs a second deployment trusting the same signer: less
          // certain to matter, and a contract address alone (the chain is bound) matters least.
          confidence: repeatable ? undefined : 'low',
          severity: repeatable ? undefined : missing.includes('chain id') ? 'medium' : 'low',
        });
      }
    };
    return {
      FunctionDefinition: check,
      ModifierDefinition: check,
      StringLiteral(node: StringLiteral) {
        // Only a whole type string: ERC-5267 helpers assemble the type from fragments such as `"EIP712Domain("`.
        if (!node.value.startsWith('EIP712Domain(') || !node.value.endsWith(')')) return;
        const missing: string[] = [];
        const where: string[] = [];
        if (!/\buint256 chainId\b/.test(node.value)) {
          missing.push('`chainId`');
          where.push('on every chain');
        }
        if (!/\baddress verifyingContract\b/.test(node.value)) {
          missing.push('`verifyingContract`');
          where.push('on every contract with the same name and version');
        }
        // Without `verifyingContract` but with `chainId`, replay needs another contract of the same name and version.
        if (missing.length > 0) context.report({ node, messageId: 'domain', data: { missing: joinWords(missing), where: joinWords(where) }, severity: missing.length === 1 && missing[0] === '`verifyingContract`' ? 'medium' : undefined });
      },
    };
  },
});

const USED_MAP_NAME = /used|executed|claimed|processed|consumed|spent|redeemed|invalidated|cancel/i;

/**
 * Whether the function marks the message as used: `used[digest] = true`, `claimed[orderId] = true` for a value
 * inside the message, any `executed[...] = true`-style flag, or a set insert of a value inside the message
 * (`allowed.add(recipient)`), so the same signed message cannot pass twice or passes to no new effect.
 */
function marksUsed(body: ASTNode, hash: ASTNode, parts: ASTNode[], textOf: (node: ASTNode) => string): boolean {
  const hashTexts = new Set([textOf(hash), ...parts.map((p) => textOf(p))]);
  const messageNames = new Set<string>();
  for (const part of parts) for (const id of findAll(part, (n) => n.type === 'Identifier')) if (id.type === 'Identifier') messageNames.add(id.name);
  // `allowed.add(recipient)` for a value inside the message: an idempotent grant, so a replay changes nothing.
  const grants = findAll(body, (n) => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && n.expression.memberName === 'add' && n.arguments.length === 1);
  if (grants.some((n) => n.type === 'FunctionCall' && n.arguments[0].type === 'Identifier' && messageNames.has(n.arguments[0].name))) return true;
  return findAll(body, (n) => n.type === 'BinaryOperation' && n.operator === '=' && n.left.type === 'IndexAccess').some((node) => {
    if (node.type !== 'BinaryOperation') return false;
    const target = node.left as IndexAccess;
    const index = textOf(target.index);
    if (hashTexts.has(index)) return true;
    const flagged = node.right.type === 'BooleanLiteral' && node.right.value;
    if (flagged && (messageNames.has(index) || [...hashTexts].some((t) => t.includes(index)))) return true;
    const mapName = target.base.type === 'Identifier' ? target.base.name : target.base.type === 'MemberAccess' ? target.base.memberName : '';
    return flagged && USED_MAP_NAME.test(mapName);
  });
}

/** Bodies of the contract's functions called while building the message, followed through their own calls. */
function helperBodies(parts: ASTNode[], contract: ContractInfo | undefined): { node: ASTNode; file: ContractInfo['file'] }[] {
  if (!contract) return [];
  const out: { node: ASTNode; file: ContractInfo['file'] }[] = [];
  const seen = new Set<string>();
  const pending = [...parts];
  while (pending.length > 0) {
    const part = pending.pop() as ASTNode;
    for (const call of findAll(part, (n) => n.type === 'FunctionCall' && n.expression.type === 'Identifier')) {
      if (call.type !== 'FunctionCall' || call.expression.type !== 'Identifier' || seen.has(call.expression.name)) continue;
      seen.add(call.expression.name);
      const helper = contract.resolveFunction(call.expression.name, call.arguments.length);
      if (!helper?.node.body) continue;
      out.push({ node: helper.node.body, file: helper.owner.file });
      pending.push(helper.node.body);
    }
  }
  return out;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
