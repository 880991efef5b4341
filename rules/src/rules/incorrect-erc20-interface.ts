// incorrect-erc20-interface: a contract implementing ERC-20 declares a standard function with a missing or
// different return type, so callers that decode the standard return value revert.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { signatureOf } from '../analysis/functionSignatures';
import { functionNameNode } from '../analysis/rangeNode';
import { looksLikeErc20, ERC20_RETURNS, wrongReturns } from '../analysis/tokenStandards';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'incorrect-erc20-interface',
    title: 'ERC-20 function with the wrong return type',
    severity: 'medium',
    confidence: 'high',
    category: 'tokens',
    scope: 'function',
    swc: [],
    description:
      'The contract implements ERC-20 but a standard function does not return what the standard says (for example `transfer` returns nothing instead of `bool`). Contracts compiled with Solidity 0.4.22 or later that call it through the standard `IERC20` interface check the size of the returned data and revert.',
    exploitScenario:
      'The token\'s `transfer` returns nothing, like USDT. A lending pool calls `IERC20(token).transfer(user, amount)`; the call succeeds inside the token, but the pool reverts while decoding the missing `bool`, so every withdrawal of this token fails and deposits are stuck.',
    recommendation:
      'Declare the exact ERC-20 signatures (`transfer`, `transferFrom` and `approve` return `bool`; `balanceOf`, `allowance` and `totalSupply` return `uint256`), or inherit OpenZeppelin ERC20. Interfaces are not reported: a USDT-style interface is a deliberate way to call such tokens.',
    references: [
      'https://eips.ethereum.org/EIPS/eip-20',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#incorrect-erc20-interface',
      'https://medium.com/coinmonks/missing-return-value-bug-at-least-130-tokens-affected-d67bf08521ca',
    ],
    messages: { default: '`{{signature}}` returns ({{actual}}); ERC-20 callers expect ({{expected}}).' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        // Skip interfaces: declaring a non-standard token's real signature is how callers talk to it.
        if (!contract || contract.kind === 'interface' || contract.kind === 'library' || !looksLikeErc20(contract)) return;
        for (const fn of contract.ownFunctions()) {
          const mismatch = wrongReturns(fn, ERC20_RETURNS);
          if (!mismatch) continue;
          context.report({
            node: functionNameNode(context.file.text, fn),
            messageId: 'default',
            data: { signature: signatureOf(fn), actual: mismatch.actual.join(', ') || 'nothing', expected: mismatch.expected.join(', ') },
          });
        }
      },
    };
  },
});
