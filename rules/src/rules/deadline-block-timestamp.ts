// deadline-block-timestamp: a swap deadline computed on-chain from `block.timestamp` (or set to the maximum),
// which every block satisfies, so the transaction can be held back and executed whenever it pays to.

import type { Expression, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { isBlockTimestamp } from '../analysis/blockEnvironment';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { isUnboundedMaximum, swapCallOf } from '../analysis/swapCalls';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'deadline-block-timestamp',
    title: 'Swap deadline is block.timestamp',
    severity: 'low',
    confidence: 'high',
    category: 'defi',
    scope: 'function',
    swc: [],
    description:
      'A router deadline protects a swap from being executed long after it was signed. `block.timestamp` (plus anything) is evaluated in the block that includes the transaction, so the check always passes and the protection is gone.',
    exploitScenario:
      'A user submits a swap with a tight minimum output but the contract passes `deadline: block.timestamp`. A validator keeps the transaction pending until the price has moved to just above the minimum, then includes it, pocketing the difference through a related trade.',
    recommendation: 'Take the deadline as a parameter chosen off-chain by the user (`deadline` in the calldata) and pass it through to the router.',
    references: ['https://docs.uniswap.org/contracts/v2/reference/smart-contracts/router-02'],
    messages: {
      timestamp: 'The deadline of `{{name}}` is derived from `block.timestamp`, which every block satisfies: the deadline protects nothing.',
      unbounded: 'The deadline of `{{name}}` is the maximum value: the swap never expires.',
    },
  },
  create(context) {
    return {
      FunctionCall(call: FunctionCall) {
        const swap = swapCallOf(call);
        const deadline = swap?.deadline;
        if (!swap || !deadline) return;
        const callable = context.callable();
        const flow = callable ? LocalDataFlow.of(callable) : undefined;
        const fromTimestamp = (expr: Expression): boolean =>
          flow ? flow.dependsOn(expr, (n) => isBlockTimestamp(n)) : findAll(expr, (n) => isBlockTimestamp(n)).length > 0;
        // `block.timestamp + window` is reported too: it is evaluated at inclusion, whatever the window.
        if (fromTimestamp(deadline)) context.report({ node: deadline, messageId: 'timestamp', data: { name: swap.name } });
        else if (isUnboundedMaximum(deadline)) context.report({ node: deadline, messageId: 'unbounded', data: { name: swap.name } });
      },
    };
  },
});
