// missing-slippage: a DEX swap or liquidity call whose minimum output is a literal 0 (or whose maximum input
// is `type(uint256).max`), so any price is accepted and the trade can be sandwiched.

import type { Expression, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { isUnboundedMaximum, swapCallOf } from '../analysis/swapCalls';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'missing-slippage',
    title: 'Swap without slippage protection',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'function',
    swc: [],
    description:
      'A swap with `amountOutMin = 0` (or a liquidity call with zero minimums, or an exact-output swap with an unlimited maximum input) accepts any execution price. Anyone who sees the transaction before it is mined can move the price, let the swap execute at the bad price, and move it back.',
    exploitScenario:
      'A vault\'s `harvest()` sells reward tokens with `swapExactTokensForTokens(amount, 0, path, address(this), block.timestamp)`. A searcher sandwiches it: buys the output token first, lets the vault sell at the inflated price, and sells back, taking most of the harvest.',
    recommendation:
      'Pass a minimum output computed off-chain by the caller (a parameter), or from a manipulation-resistant oracle price minus a tolerance. Never hard-code 0.',
    references: ['https://docs.uniswap.org/contracts/v2/guides/smart-contract-integration/trading-from-a-smart-contract', 'https://docs.uniswap.org/contracts/v3/guides/swaps/single-swaps'],
    messages: {
      zeroMinimum: '`{{name}}` is called with a minimum output of 0: any price is accepted and the trade can be sandwiched.',
      unboundedMaximum: '`{{name}}` is called with an unlimited maximum input: any price is accepted and the trade can be sandwiched.',
    },
  },
  create(context) {
    return {
      FunctionCall(call: FunctionCall) {
        const swap = swapCallOf(call);
        if (!swap) return;
        const callable = context.callable();
        const flow = callable ? LocalDataFlow.of(callable) : undefined;
        const isZero = (expr: Expression): boolean => {
          if (expr.type === 'NumberLiteral') return Number(expr.number) === 0;
          // `uint256 minOut = 0; router.swap(..., minOut, ...)`: a local that only ever holds 0.
          if (expr.type === 'Identifier' && flow?.declaration(expr.name) && !flow.isParameter(expr.name)) {
            const values = flow.definitionsOf(expr.name);
            return values.length > 0 && values.every((v) => v.type === 'NumberLiteral' && Number(v.number) === 0);
          }
          return false;
        };
        if (swap.minimums.some(isZero)) context.report({ node: call, messageId: 'zeroMinimum', data: { name: swap.name } });
        else if (swap.maximums.some(isUnboundedMaximum)) context.report({ node: call, messageId: 'unboundedMaximum', data: { name: swap.name } });
      },
    };
  },
});
