// oracle-spot-price: a price computed from a pool's current state (another contract's `getReserves()`, two
// `balanceOf` reads of a pool, Uniswap V3 `slot0()`), which a flash loan can move within one transaction.

import type { ASTNode, BinaryOperation } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { isSelfReference } from '../analysis/entryPoints';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';

type PoolSource = 'getReserves' | 'balanceOf' | 'slot0';

export default defineRule({
  meta: {
    id: 'oracle-spot-price',
    title: 'Price read from a pool\'s spot state',
    severity: 'high',
    confidence: 'medium',
    category: 'oracles',
    scope: 'function',
    swc: [],
    description:
      'A ratio of a pool\'s current reserves or balances (or V3 `slot0().sqrtPriceX96`) is the spot price: whoever trades against the pool first in the same transaction sets it. Used as an oracle for collateral, minting or liquidation, it can be pushed anywhere with a flash loan.',
    exploitScenario:
      'A lending market values collateral token X at `reserveWETH / reserveX` from the X/WETH pair. The attacker flash-borrows WETH, buys X from the pair (the ratio jumps), deposits X as collateral at the inflated price, borrows everything the market holds, sells X back and repays the flash loan.',
    recommendation:
      'Use a manipulation-resistant price: a Chainlink feed (with staleness checks), a Uniswap V3 TWAP from `observe()` over a long enough window, or V2 cumulative prices sampled over time.',
    references: ['https://docs.uniswap.org/contracts/v2/concepts/core-concepts/oracles', 'https://blog.openzeppelin.com/secure-smart-contract-guidelines-the-dangers-of-price-oracles'],
    messages: { default: 'This ratio is computed from `{{source}}()`, the pool\'s spot state; a flash loan can set it to any value within one transaction.' },
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (node.operator !== '/' && node.operator !== '*') return;
        const callable = context.callable();
        if (!callable) return;
        const flow = LocalDataFlow.of(callable);
        const scope = scopeOf(context, callable);
        // Stop at another contract's answer: `pool.observations(index)` returns stored history, not its argument,
        // so a `slot0()` index that selects the observation does not make the observation a spot price.
        const carriesArguments = (n: ASTNode): boolean => n.type !== 'FunctionCall' || classifyCall(n, scope).kind !== 'external';
        const sourceOf = (expr: ASTNode): PoolSource | undefined => {
          const found = flow.findSource(expr, (n) => poolSource(n) !== undefined, carriesArguments);
          return found ? poolSource(found) : undefined;
        };
        const left = sourceOf(node.left);
        const right = sourceOf(node.right);
        // `slot0().sqrtPriceX96` is a price by itself; reserves and balances are one only as a ratio of two.
        const slot0 = left === 'slot0' || right === 'slot0';
        if (!slot0 && (node.operator !== '/' || !left || !right)) return;
        // Report the outermost arithmetic only: `a * r1 / r0` once, not also its `a * r1` part.
        const parent = context.ancestors()[context.ancestors().length - 1];
        if (parent?.type === 'BinaryOperation' && (parent.operator === '/' || parent.operator === '*') && (sourceOf(parent.left) || sourceOf(parent.right))) {
          if (slot0 || parent.operator === '/') return;
        }
        context.report({ node, messageId: 'default', data: { source: slot0 ? 'slot0' : (left as PoolSource) } });
      },
    };
  },
});

/** A read of another contract's pool state; the pool's own `getReserves()` and `balanceOf(address(this))` are not. */
function poolSource(node: ASTNode): PoolSource | undefined {
  if (node.type !== 'FunctionCall' || node.expression.type !== 'MemberAccess') return undefined;
  const name = node.expression.memberName;
  if ((name === 'getReserves' || name === 'slot0') && node.arguments.length === 0) return name;
  if (name === 'balanceOf' && node.arguments.length === 1 && !isSelfReference(node.arguments[0])) return 'balanceOf';
  return undefined;
}
