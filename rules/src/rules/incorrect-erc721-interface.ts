// incorrect-erc721-interface: a contract implementing ERC-721 declares a standard function with a missing or
// different return type, so callers that decode the standard return value revert.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { signatureOf } from '../analysis/functionSignatures';
import { functionNameNode } from '../analysis/rangeNode';
import { looksLikeErc721, ERC721_RETURNS, wrongReturns } from '../analysis/tokenStandards';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'incorrect-erc721-interface',
    title: 'ERC-721 function with the wrong return type',
    severity: 'medium',
    confidence: 'high',
    category: 'tokens',
    scope: 'function',
    swc: [],
    description:
      'The contract implements ERC-721 but a standard view function does not return what the standard says (for example `ownerOf` returns nothing or a `uint256`). Marketplaces and wallets that call it through `IERC721` revert while decoding the result, or read garbage.',
    exploitScenario:
      '`supportsInterface` is declared without a return value. A marketplace checks `IERC165(nft).supportsInterface(0x80ac58cd)` before listing; the call reverts while decoding, so the collection can never be listed or transferred through the marketplace.',
    recommendation:
      'Declare the exact ERC-721 signatures (`balanceOf` returns `uint256`; `ownerOf` and `getApproved` return `address`; `isApprovedForAll` and `supportsInterface` return `bool`), or inherit OpenZeppelin ERC721.',
    references: [
      'https://eips.ethereum.org/EIPS/eip-721',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#incorrect-erc721-interface',
    ],
    messages: { default: '`{{signature}}` returns ({{actual}}); ERC-721 callers expect ({{expected}}).' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || contract.kind === 'interface' || contract.kind === 'library' || !looksLikeErc721(contract)) return;
        for (const fn of contract.ownFunctions()) {
          const mismatch = wrongReturns(fn, ERC721_RETURNS);
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
