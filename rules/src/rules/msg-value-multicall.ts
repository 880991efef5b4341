// msg-value-multicall: a payable multicall (delegatecalls into this contract) in a contract whose functions
// read msg.value: one payment is counted once per batched call.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { callTarget, executionEvents, traceToRoot } from '../analysis/effects';
import { isAnalysedContract, isEntryPoint, isSelfReference } from '../analysis/entryPoints';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'msg-value-multicall',
    title: 'Payable multicall with msg.value-reading functions',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'contract',
    swc: [],
    description:
      'A payable multicall delegatecalls into this contract several times; each delegated call sees the same `msg.value`. Any function that credits or checks `msg.value` can then be paid for once and executed many times.',
    exploitScenario:
      'The attacker sends 1 ether to `multicall([buy(), buy(), buy()])`. Each `buy()` checks `msg.value >= price` and mints, so three items are bought for the price of one (the Opyn and Sushi MISO bugs).',
    recommendation: 'Make the multicall non-payable (as OpenZeppelin\'s `Multicall` is), or stop reading `msg.value` in batched functions and account ETH explicitly.',
    references: ['https://samczsun.com/two-rights-might-make-a-wrong/'],
    messages: { default: '`{{fn}}` is a payable multicall, and `{{user}}` reads `msg.value`: every batched call sees the same payment.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isEntryPoint(fn) || fn.stateMutability !== 'payable') return;
        const batchesIntoSelf = executionEvents(fn, contract, context.project).some((event) => {
          const isDelegate = event.call ? event.call.kind === 'delegatecall' : event.node.type === 'AssemblyCall' && event.node.functionName === 'delegatecall';
          const target = traceToRoot(event, callTarget(event));
          return event.kind === 'external-call' && isDelegate && event.loops.length > 0 && !!target && isSelfReference(target as never);
        });
        if (!batchesIntoSelf) return;
        const user = contract
          .functions()
          .find((m) => m.node !== fn && isEntryPoint(m.node) && m.node.stateMutability === 'payable' && findAll(m.node.body ?? m.node, (n) => isMemberOf(n, 'msg', 'value')).length > 0);
        if (!user) return;
        context.report({ node: fn, messageId: 'default', data: { fn: fn.name ?? 'fallback', user: user.node.name ?? 'receive' } });
      },
    };
  },
});
