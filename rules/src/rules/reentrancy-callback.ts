// reentrancy-callback: state read before a safe transfer or mint is written after it, while the recipient's
// hook (`onERC721Received`, `onERC1155Received`, ERC-777 `tokensReceived`) can call back in.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { relatedEvent, snippet } from '../analysis/entryPoints';
import { alsoFromRelated, nonReentrantFix, reportableCandidates, variableNames } from '../analysis/reentrancy';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'reentrancy-callback',
    title: 'Reentrancy through a token receiver hook',
    severity: 'high',
    confidence: 'medium',
    category: 'reentrancy',
    scope: 'contract',
    swc: ['SWC-107'],
    description:
      '`_safeMint`, `safeTransferFrom` (ERC-721/1155) and ERC-777 transfers call a hook on the recipient. State the function read before that call and writes after it is stale while the hook runs, so the recipient can re-enter and act on the old value.',
    exploitScenario:
      '`mint()` checks `minted[msg.sender] < MAX`, calls `_safeMint(msg.sender, id)` and increments `minted[msg.sender]` afterwards. The attacker\'s `onERC721Received` calls `mint()` again before the counter moves and mints far past the limit (the HypeBears and Omni exploits).',
    recommendation: 'Update state before the safe transfer or mint (checks-effects-interactions), or add `nonReentrant`.',
    references: ['https://swcregistry.io/docs/SWC-107', 'https://blog.openzeppelin.com/reentrancy-after-istanbul'],
    messages: { default: '`{{vars}}` is written after `{{call}}`, whose receiver hook can re-enter and see the old value.' },
    fixable: true,
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        // Only hooks of recipients the caller chooses (msg.sender, an argument).
        const contract = context.contract();
        const found = reportableCandidates(fn, contract, context.project, (c) => c.callback && c.staleWrites.length > 0 && c.targetOrigin === 'input');
        // Guarded functions are not reported, so `fn` carries no guard-named modifier yet.
        const fix = contract && found.length > 0 ? nonReentrantFix(context.file.text, fn, contract, context.project) : undefined;
        for (const { candidate, anchor, alsoFrom } of found) {
          context.report({
            node: anchor,
            messageId: 'default',
            data: { vars: variableNames(candidate.staleWrites).join('`, `'), call: snippet(anchor, context.file) },
            confidence: candidate.accessControlled ? 'low' : undefined,
            fix,
            related: [relatedEvent(candidate.call, 'recipient hook call'), ...candidate.staleWrites.slice(0, 3).map((w) => relatedEvent(w, 'state written after the call')), ...alsoFromRelated(alsoFrom)],
          });
        }
      },
    };
  },
});
