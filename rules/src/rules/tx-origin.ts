// tx-origin: `tx.origin` compared against an address for authorisation.

import type { BinaryOperation } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf, isMsgSender } from '../analysis/astQueries';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'tx-origin',
    title: 'tx.origin used for authorisation',
    severity: 'medium',
    confidence: 'high',
    category: 'access-control',
    scope: 'function',
    swc: ['SWC-115'],
    description:
      '`tx.origin` is the externally owned account that started the transaction, not the immediate caller. A check such as `require(tx.origin == owner)` passes for any contract the owner happens to call.',
    exploitScenario:
      'The attacker gets the owner to call a harmless-looking contract (an airdrop claim, a game). That contract calls `wallet.withdrawAll(attacker)`; inside the wallet `tx.origin == owner` holds, so the funds leave.',
    recommendation: 'Authorise with `msg.sender`. `tx.origin == msg.sender` alone is fine: it only checks that the caller is an EOA.',
    references: ['https://swcregistry.io/docs/SWC-115', 'https://github.com/crytic/slither/wiki/Detector-Documentation#dangerous-usage-of-txorigin'],
    messages: { default: '`tx.origin` is compared for authorisation; use `msg.sender`.' },
    fixable: true,
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (node.operator !== '==' && node.operator !== '!=') return;
        const sides = [node.left, node.right];
        const origin = sides.find((side) => isMemberOf(side, 'tx', 'origin'));
        if (!origin) return;
        const other = origin === node.left ? node.right : node.left;
        // Skip `tx.origin == msg.sender`: that is an EOA check, not authorisation.
        if (isMsgSender(other)) return;
        context.report({
          node: origin,
          messageId: 'default',
          fix: { description: 'Replace `tx.origin` with `msg.sender`', edits: (fixer) => fixer.replace(origin, 'msg.sender') },
        });
      },
    };
  },
});
