// reentrancy-eth: state the function read before an ETH-sending external call is written after it.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { relatedEvent, snippet } from '../analysis/entryPoints';
import { alsoFromRelated, nonReentrantFix, reportableCandidates, variableNames } from '../analysis/reentrancy';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'reentrancy-eth',
    title: 'Reentrancy: state written after sending ETH',
    severity: 'high',
    confidence: 'medium',
    category: 'reentrancy',
    scope: 'contract',
    swc: ['SWC-107'],
    description:
      'The function reads a state variable, sends ETH with an external call (which hands control to the receiver with all remaining gas), and only then writes that variable. The receiver can call back in while the old value is still stored.',
    exploitScenario:
      '`withdraw()` checks `balances[msg.sender]`, sends the balance with `msg.sender.call{value: amount}("")` and zeroes the balance afterwards. The attacker\'s `receive()` calls `withdraw()` again; the balance is still unchanged, so the vault pays out repeatedly until it is empty.',
    recommendation:
      'Follow checks-effects-interactions: update state before the call. Add a reentrancy guard (`nonReentrant`) to every function that shares the state.',
    references: ['https://swcregistry.io/docs/SWC-107', 'https://github.com/crytic/slither/wiki/Detector-Documentation#reentrancy-vulnerabilities'],
    messages: {
      default: '`{{vars}}` is written after the ETH-sending call `{{call}}`; a re-entrant call sees the old value.',
    },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        const found = reportableCandidates(fn, contract, context.project, (c) => c.call.sendsEth && c.staleWrites.length > 0);
        // Guarded functions are not reported, so `fn` carries no guard-named modifier yet.
        const fix = contract && found.length > 0 ? nonReentrantFix(context.file.text, fn, contract, context.project) : undefined;
        for (const { candidate, anchor, alsoFrom } of found) {
          context.report({
            node: anchor,
            messageId: 'default',
            data: { vars: variableNames(candidate.staleWrites).join('`, `'), call: snippet(candidate.call.node, candidate.call.file) },
            // A call to an address the contract stores, from a restricted function, is harder to exploit.
            confidence: candidate.targetOrigin === 'state' || candidate.accessControlled ? 'low' : undefined,
            fix,
            related: [relatedEvent(candidate.call, 'external call sending ETH'), ...candidate.staleWrites.slice(0, 3).map((w) => relatedEvent(w, 'state written after the call')), ...alsoFromRelated(alsoFrom)],
          });
        }
      },
    };
  },
});
