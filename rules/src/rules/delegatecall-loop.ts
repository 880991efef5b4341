// delegatecall-loop: a payable function delegatecalls in a loop, so every iteration sees the same msg.value.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { executionEvents, type ExecutionEvent } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isEntryPoint, relatedEvent } from '../analysis/entryPoints';
import { defineRule } from '../engine/ruleApi';

function isDelegatecall(event: ExecutionEvent): boolean {
  if (event.kind !== 'external-call') return false;
  if (event.call) return event.call.kind === 'delegatecall';
  return event.node.type === 'AssemblyCall' && event.node.functionName === 'delegatecall';
}

export default defineRule({
  meta: {
    id: 'delegatecall-loop',
    title: 'delegatecall in a loop of a payable function',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'reachable',
    swc: [],
    description:
      '`delegatecall` keeps the original `msg.value`. A payable function that delegatecalls several times in a loop (a payable multicall) lets every delegated call spend the same ETH again.',
    exploitScenario:
      'A payable `batch(bytes[] calls)` delegatecalls `deposit()` ten times in one transaction with `msg.value = 1 ether`; each `deposit()` credits 1 ether, so the attacker is credited 10 ether for 1.',
    recommendation: 'Make the batching function non-payable, or track the ETH spent across iterations instead of reading `msg.value` in the delegated functions.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#payable-functions-using-delegatecall-inside-a-loop'],
    messages: { default: '`{{fn}}` is payable and delegatecalls inside a loop; each call reuses the same `msg.value`.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isEntryPoint(fn) || fn.stateMutability !== 'payable') return;
        const reported = new Set<ASTNode>();
        for (const event of executionEvents(fn, contract, context.project)) {
          if (!isDelegatecall(event) || event.loops.length === 0) continue;
          const anchor = anchorOf(event);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({ node: anchor, messageId: 'default', data: { fn: fn.name ?? 'fallback' }, related: [relatedEvent(event, 'delegatecall in the loop')] });
        }
      },
    };
  },
});
