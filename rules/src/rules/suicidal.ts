// suicidal: anyone can reach `selfdestruct` (or `suicide`).

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { executionEvents } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isEntryPoint, relatedEvent } from '../analysis/entryPoints';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'suicidal',
    title: 'Unprotected selfdestruct',
    severity: 'high',
    confidence: 'high',
    category: 'access-control',
    scope: 'reachable',
    swc: ['SWC-106'],
    description:
      'A function without a caller check reaches `selfdestruct`. Anyone can call it: before Cancun that deletes the contract, and in every version it sends the whole balance to the given address.',
    exploitScenario:
      'The attacker calls `kill(attacker)`: the contract\'s ETH goes to the attacker and (before EIP-6780) the code is deleted, bricking every contract that depends on it, as in the Parity multisig library.',
    recommendation: 'Remove `selfdestruct` (deprecated by EIP-6049), or restrict the function to an authorised caller.',
    references: ['https://swcregistry.io/docs/SWC-106', 'https://github.com/crytic/slither/wiki/Detector-Documentation#suicidal'],
    messages: { default: 'Anyone can call `{{fn}}`, which reaches `selfdestruct`.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isEntryPoint(fn)) return;
        const events = executionEvents(fn, contract, context.project).filter((e) => e.kind === 'selfdestruct');
        if (events.length === 0 || isAccessControlled(fn, contract, context.project)) return;
        const reported = new Set<ASTNode>();
        for (const event of events) {
          const anchor = anchorOf(event);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({ node: anchor, messageId: 'default', data: { fn: fn.name ?? 'fallback' }, related: [relatedEvent(event, 'selfdestruct')] });
        }
      },
    };
  },
});
