// reentrancy-events: an event is emitted after an external call to a caller-chosen address, so a re-entrant
// call can make the log order disagree with the state changes.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { anchorOf, isAnalysedContract, isStateChangingEntryPoint, relatedEvent, snippet } from '../analysis/entryPoints';
import { reentrancyCandidates } from '../analysis/reentrancy';
import { isLowLevelCall } from '../analysis/calls';
import { traceOutward, type ExecutionEvent } from '../analysis/effects';
import { defineRule } from '../engine/ruleApi';

/** A low-level call whose calldata the caller supplies: `target.call{value: v}(data)`. */
function runsCallerCalldata(call: ExecutionEvent): boolean {
  if (call.call && !isLowLevelCall(call.call)) return false;
  let data: ASTNode | undefined = call.call ? call.call.args[0] : call.node.type === 'AssemblyCall' ? call.node.arguments[call.node.functionName === 'call' ? 3 : 2] : undefined;
  // In assembly the input is `add(data, 0x20)`.
  if (data?.type === 'AssemblyCall' && data.functionName === 'add') data = data.arguments[0];
  if (!data) return false;
  const traced = traceOutward(call, data);
  return traced.via.length === 0 && traced.expr.type !== 'StringLiteral' && traced.expr.type !== 'FunctionCall';
}

export default defineRule({
  meta: {
    id: 'reentrancy-events',
    title: 'Reentrancy: event emitted after an external call',
    severity: 'low',
    confidence: 'medium',
    category: 'reentrancy',
    scope: 'reachable',
    swc: ['SWC-107'],
    description:
      'An event is emitted after an external call to an address the caller chooses. A re-entrant call emits its own events first, so off-chain indexers see the events out of order with the state changes.',
    exploitScenario:
      'An indexer credits deposits from `Deposited` events. The attacker re-enters `deposit()` from the token callback; the inner event is logged before the outer one, and an indexer that assumes ordering double-counts or mis-attributes the deposit.',
    recommendation: 'Emit events before the external call (checks-effects-interactions), or guard the function with `nonReentrant`.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#reentrancy-vulnerabilities-3'],
    messages: { default: 'Event `{{event}}` is emitted after the external call `{{call}}`.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        const reported = new Set<unknown>();
        for (const candidate of reentrancyCandidates(fn, contract, context.project)) {
          // Only calls to addresses the caller supplies: a stored, trusted contract cannot re-enter at will.
          if (candidate.targetOrigin !== 'input' || candidate.accessControlled) continue;
          // Skip executors (governors, forwarders, multisigs) that run caller-supplied calldata: the event after
          // the call records its outcome.
          if (runsCallerCalldata(candidate.call)) continue;
          // Only events the function (or its modifiers) emits itself: an event inside a state-changing helper
          // (`_burn` emitting Transfer) belongs to that effect, which reentrancy-no-eth judges.
          const emitted = candidate.emitsAfter.find((e) => e.via.every((step) => step.site.type === 'ModifierInvocation'));
          if (!emitted) continue;
          const anchor = anchorOf(candidate.call);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({
            node: anchor,
            messageId: 'default',
            data: { event: snippet(emitted.node, emitted.file, 40), call: snippet(candidate.call.node, candidate.call.file) },
            related: [relatedEvent(candidate.call, 'external call'), relatedEvent(emitted, 'event emitted after the call')],
          });
        }
      },
    };
  },
});
