// reentrancy-no-eth: state the function read before an external call (without ETH) is written after it, or the
// contract's own balance is measured around a call that can re-enter a deposit (balance inflation).

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { anchorOf, isAnalysedContract, isStateChangingEntryPoint, relatedEvent, snippet } from '../analysis/entryPoints';
import { alsoFromRelated, balanceDeltaCandidates, nonReentrantFix, reportableCandidates, variableNames } from '../analysis/reentrancy';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'reentrancy-no-eth',
    title: 'Reentrancy: state written after an external call',
    severity: 'medium',
    confidence: 'medium',
    category: 'reentrancy',
    scope: 'contract',
    swc: ['SWC-107'],
    description:
      'The function reads a state variable, makes an external call (which hands control to the callee), and only then writes that variable. A malicious callee, token hook or callback can call back in while the old value is still stored.',
    exploitScenario:
      '`withdraw()` checks `shares[msg.sender]`, calls `token.transfer(msg.sender, amount)` on a token with transfer hooks (ERC-777) and reduces the shares afterwards. The attacker\'s hook calls `withdraw()` again while the shares are unchanged and drains the pool.',
    recommendation:
      'Follow checks-effects-interactions: update state before the call. Add a reentrancy guard (`nonReentrant`) to every function that shares the state.',
    references: ['https://swcregistry.io/docs/SWC-107', 'https://github.com/crytic/slither/wiki/Detector-Documentation#reentrancy-vulnerabilities'],
    messages: {
      default: '`{{vars}}` is written after the external call `{{call}}`; a re-entrant call sees the old value.',
      balanceDelta:
        'The balance is measured before and after `{{call}}`, which can re-enter `{{deposit}}`: tokens deposited during the call are counted twice (balance inflation).',
    },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        const found = reportableCandidates(fn, contract, context.project, (c) =>
          // Recipient hooks of safe transfers are reported by reentrancy-callback. Calls to a contract the
          // deployer stored (the vault's asset, a router) are trusted code that does not call back:
          // user-supplied targets are the re-entry risk.
          !c.call.sendsEth && !c.callback && c.staleWrites.length > 0 && c.targetOrigin !== 'state',
        );
        // Guarded functions are not reported, so `fn` carries no guard-named modifier yet.
        const fix = contract && found.length > 0 ? nonReentrantFix(context.file.text, fn, contract, context.project) : undefined;
        for (const { candidate, anchor, alsoFrom } of found) {
          context.report({
            node: anchor,
            messageId: 'default',
            data: { vars: variableNames(candidate.staleWrites).join('`, `'), call: snippet(anchor, context.file) },
            // A restricted caller is harder to turn into an attacker.
            confidence: candidate.accessControlled ? 'low' : undefined,
            fix,
            related: [relatedEvent(candidate.call, 'external call'), ...candidate.staleWrites.slice(0, 3).map((w) => relatedEvent(w, 'state written after the call')), ...alsoFromRelated(alsoFrom)],
          });
        }
        if (!contract || !isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        const reported = new Set(found.map((f) => f.anchor));
        for (const { candidate, before, after, deposit } of balanceDeltaCandidates(fn, contract, context.project)) {
          const anchor = anchorOf(candidate.call);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({
            node: anchor,
            messageId: 'balanceDelta',
            data: { call: snippet(anchor, context.file), deposit: deposit.name ?? 'fallback' },
            related: [relatedEvent(before, 'balance read before the call'), relatedEvent(candidate.call, 'external call'), relatedEvent(after, 'balance read after the call'), { node: deposit, message: 'credits tokens pulled in during the call' }],
          });
        }
      },
    };
  },
});
