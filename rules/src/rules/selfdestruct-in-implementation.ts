// selfdestruct-in-implementation: an upgradeable implementation contains selfdestruct, which can destroy the
// code every proxy delegates to.

import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { calleeName } from '../analysis/astQueries';
import { looksUpgradeable } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'selfdestruct-in-implementation',
    title: 'selfdestruct in an upgradeable implementation',
    severity: 'medium',
    confidence: 'medium',
    category: 'upgradeability',
    scope: 'function',
    swc: ['SWC-106'],
    description:
      'Proxies delegate to one implementation contract. If anyone can make the implementation itself execute `selfdestruct` (directly, or through a delegatecall it is tricked into), every proxy is left pointing at empty code; on chains without EIP-6780 the code really disappears.',
    exploitScenario:
      'The attacker initialises the uninitialised implementation, becomes its owner and calls the owner-only `destroy()` on the implementation (not the proxy). All proxies now delegate to an empty account and their funds are frozen, as with the Parity multisig library.',
    recommendation: 'Remove `selfdestruct` from implementation contracts; it is deprecated (EIP-6049) and neutered by EIP-6780 anyway.',
    references: ['https://eips.ethereum.org/EIPS/eip-6780', 'https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable#potentially-unsafe-operations'],
    messages: { default: '`{{name}}` in upgradeable `{{contract}}` can destroy the implementation behind every proxy.' },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        const name = calleeName(node);
        if (name !== 'selfdestruct' && name !== 'suicide') return;
        const contract = context.contract();
        if (!contract || !looksUpgradeable(contract)) return;
        context.report({ node, messageId: 'default', data: { name, contract: contract.name } });
      },
    };
  },
});
