// eip712-missing-chainid: an EIP-712 domain separator built without the live `block.chainid` (omitted or
// hard-coded), or computed once at deployment and never recomputed, so signatures stay valid on a fork.
// A domain *type string* without chainId is signature-replay's finding.

import type { ASTNode, ContractDefinition, Expression, FunctionCall, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo } from '../project/projectModel';

const DOMAIN_TYPEHASH_NAME = /DOMAIN_?TYPE_?HASH|EIP712_?DOMAIN|^_?TYPE_HASH$/i;
const CHAIN_ID_NAME = /chain_?id/i;

export default defineRule({
  meta: {
    id: 'eip712-missing-chainid',
    title: 'EIP-712 domain separator not bound to the current chain',
    severity: 'medium',
    confidence: 'medium',
    category: 'signatures',
    scope: 'contract',
    readsComments: true,
    swc: ['SWC-121'],
    description:
      'The EIP-712 domain separator is what makes a signature valid on one chain only. Built without `block.chainid`, or with a hard-coded chain id, the same signature verifies on every chain where the contract is deployed. Computed once in the constructor and cached, it keeps the old chain id after a fork, so signatures replay across both forks.',
    exploitScenario:
      'A token with `permit` caches `DOMAIN_SEPARATOR` in its constructor with chain id 1. After a contentious fork, an attacker takes every permit signature users make on one fork and submits it on the other, spending their allowances there too.',
    recommendation:
      'Use OpenZeppelin `EIP712`, which caches the separator together with the chain id and rebuilds it when `block.chainid` changes, or compute the separator on every use with `block.chainid`.',
    references: ['https://eips.ethereum.org/EIPS/eip-712#definition-of-domainseparator', 'https://docs.openzeppelin.com/contracts/5.x/api/utils#EIP712'],
    messages: {
      missing: 'The domain separator is built without `block.chainid`: signatures are valid on every chain.',
      cached: 'The domain separator is computed once, at deployment, and never rebuilt: after a fork signatures replay on both chains.',
    },
  },
  create(context) {
    // A separator is built by a `keccak256` call in the contract's own functions, so in this file's text: a file
    // that never spells it needs no walk through every function body.
    const fileHashes = context.file.text.includes('keccak256');
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || !fileHashes) return;
        const builds = contract.ownFunctions().flatMap((fn) => domainSeparatorBuilds(fn, contract).map((call) => ({ fn, call })));
        for (const { fn, call } of builds) {
          const flow = LocalDataFlow.of(fn);
          const args = (call.arguments[0] as FunctionCall).arguments.slice(1);
          const hasLiveChainId = args.some((arg) => flow.dependsOn(arg, isLiveChainId));
          if (!hasLiveChainId) {
            context.report({ node: call, messageId: 'missing' });
            continue;
          }
          // Built only in the constructor, and nothing compares the chain id later: a cache with no refresh.
          const onlyAtDeployment = builds.every((b) => b.fn.isConstructor);
          if (fn.isConstructor && onlyAtDeployment && !comparesChainId(contract)) {
            // A separator that holds the deployment chain's id replays only after a chain fork: a Low note, below
            // one that carries no chain id at all.
            context.report({ node: call, messageId: 'cached', severity: 'low' });
          }
        }
      },
    };
  },
});

/** `keccak256(abi.encode(DOMAIN_TYPEHASH, ...))` calls in a function. */
function domainSeparatorBuilds(fn: FunctionDefinition, contract: ContractInfo): FunctionCall[] {
  if (!fn.body) return [];
  return findAll(fn.body, (n): n is FunctionCall => {
    if (n.type !== 'FunctionCall' || n.expression.type !== 'Identifier' || n.expression.name !== 'keccak256' || n.arguments.length !== 1) return false;
    const encoded = n.arguments[0];
    if (encoded.type !== 'FunctionCall' || !isMemberOf(encoded.expression, 'abi', 'encode') || encoded.arguments.length < 2) return false;
    return isDomainTypehash(encoded.arguments[0], contract);
  });
}

function isDomainTypehash(expr: Expression, contract: ContractInfo): boolean {
  if (expr.type === 'FunctionCall' && expr.expression.type === 'Identifier' && expr.expression.name === 'keccak256') {
    const literal = expr.arguments[0];
    return literal?.type === 'StringLiteral' && literal.value.startsWith('EIP712Domain(');
  }
  if (expr.type !== 'Identifier') return false;
  const state = contract.stateVariable(expr.name);
  const initial = state?.node.expression;
  if (initial) return findAll(initial, (n) => n.type === 'StringLiteral' && n.value.startsWith('EIP712Domain(')).length > 0;
  return DOMAIN_TYPEHASH_NAME.test(expr.name);
}

/** `block.chainid`, the `chainid()` builtin, or a variable named for it (often filled in assembly). */
function isLiveChainId(node: ASTNode): boolean {
  if (isMemberOf(node, 'block', 'chainid')) return true;
  if (node.type === 'FunctionCall' && node.expression.type === 'Identifier' && /^(chainid|getChainId|_getChainId|_chainId)$/.test(node.expression.name)) return true;
  return node.type === 'Identifier' && CHAIN_ID_NAME.test(node.name) && !/^[A-Z_0-9]+$/.test(node.name);
}

function comparesChainId(contract: ContractInfo): boolean {
  return contract.linearization.some((c) =>
    findAll(c.node, (n) => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=')).some(
      (cmp) => cmp.type === 'BinaryOperation' && (findAll(cmp.left, isLiveChainId).length > 0 || findAll(cmp.right, isLiveChainId).length > 0),
    ),
  );
}
