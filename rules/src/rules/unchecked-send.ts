// unchecked-send: the boolean returned by `address.send(amount)` is ignored.

import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { baseIdentifier } from '../analysis/astQueries';
import { callResultUse } from '../analysis/callResultUse';
import { classifyCall } from '../analysis/calls';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'unchecked-send',
    title: 'Unchecked send',
    severity: 'medium',
    confidence: 'high',
    category: 'external-calls',
    scope: 'function',
    swc: ['SWC-104'],
    description:
      '`send` does not revert when the transfer fails (recipient reverts, needs more than the 2300 gas stipend, or the call depth is exhausted): it returns `false`. Ignoring that value means the contract records a payment that never happened.',
    exploitScenario:
      'An auction refunds the previous bidder with `previous.send(amount)` and then stores the new highest bid. The previous bidder is a contract whose receive function needs more than 2300 gas, so every refund fails silently; the bidder\'s ETH stays locked in the auction while the state says it was returned.',
    recommendation:
      'Check the result (`require(to.send(amount), "send failed")`), or better send with `call{value: amount}("")` and check its flag, or let recipients withdraw (pull payments).',
    references: [
      'https://swcregistry.io/docs/SWC-104',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#unchecked-send',
      'https://docs.soliditylang.org/en/latest/security-considerations.html#sending-and-receiving-ether',
    ],
    messages: {
      discarded: 'The return value of `send` is ignored; a failed transfer goes unnoticed.',
      unread: 'The result `{{name}}` of `send` is never read; a failed transfer goes unnoticed.',
    },
    fixable: true,
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        const scope = scopeOf(context);
        const call = classifyCall(node, scope);
        if (call.kind !== 'send') return;
        const use = callResultUse(node, context.ancestors(), context.callable());
        if (use.kind === 'unread') {
          context.report({ node, messageId: 'unread', data: { name: use.name } });
          return;
        }
        if (use.kind !== 'discarded') return;
        // No automatic fix for a payment to one stored address (`king.send(refund)`): requiring it lets that
        // address block the function for everyone (push-payment-dos, King of the Ether); pull payments are the fix.
        const target = call.target;
        const storedRecipient = target !== undefined && findAll(target, (n) => n.type === 'IndexAccess').length === 0 && !!scope.stateVariable(baseIdentifier(target) ?? '', target);
        context.report({
          node,
          messageId: 'discarded',
          fix: storedRecipient ? undefined : { description: 'Wrap the send in require', edits: (fixer) => fixer.replace(node, `require(${context.text(node)}, "send failed")`) },
        });
      },
    };
  },
});
