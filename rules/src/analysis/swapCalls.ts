// Recognises DEX router calls (Uniswap V2/V3 routers and look-alikes, Curve `exchange`) and picks out their
// slippage bound and deadline arguments, positional or named, for the slippage and deadline rules.

import type { Expression, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';

export interface SwapCall {
  call: FunctionCall;
  name: string;
  /** Minimum-output arguments: zero means "accept any price". */
  minimums: Expression[];
  /** Maximum-input arguments: `type(uint256).max` means "pay any price". */
  maximums: Expression[];
  deadline: Expression | undefined;
}

interface Layout {
  min?: number[];
  max?: number[];
  deadline?: number;
}

/** Argument positions of the Uniswap V2 router (and its many forks). */
const POSITIONAL: Record<string, Layout> = {
  swapExactTokensForTokens: { min: [1], deadline: 4 },
  swapExactTokensForTokensSupportingFeeOnTransferTokens: { min: [1], deadline: 4 },
  swapExactETHForTokens: { min: [0], deadline: 3 },
  swapExactETHForTokensSupportingFeeOnTransferTokens: { min: [0], deadline: 3 },
  swapExactTokensForETH: { min: [1], deadline: 4 },
  swapExactTokensForETHSupportingFeeOnTransferTokens: { min: [1], deadline: 4 },
  swapTokensForExactTokens: { max: [1], deadline: 4 },
  swapTokensForExactETH: { max: [1], deadline: 4 },
  swapETHForExactTokens: { deadline: 3 },
  addLiquidity: { min: [4, 5], deadline: 7 },
  addLiquidityETH: { min: [2, 3], deadline: 5 },
  removeLiquidity: { min: [3, 4], deadline: 6 },
  removeLiquidityETH: { min: [2, 3], deadline: 5 },
  // Curve pools: exchange(i, j, dx, min_dy).
  exchange: { min: [3] },
  exchange_underlying: { min: [3] },
};

/** Uniswap V3 router functions taking a params struct. */
const STRUCT_SWAPS = new Set(['exactInputSingle', 'exactInput', 'exactOutputSingle', 'exactOutput']);
const MIN_FIELD = /^(amountOutMin(imum)?|minAmountOut|amountOutMinimum|min_dy|minOut|amount[AB]Min|amountTokenMin|amountETHMin)$/;
const MAX_FIELD = /^(amountInMax(imum)?|maxAmountIn)$/;

export function swapCallOf(call: FunctionCall): SwapCall | undefined {
  if (call.expression.type !== 'MemberAccess') return undefined;
  const name = call.expression.memberName;
  const swap: SwapCall = { call, name, minimums: [], maximums: [], deadline: undefined };
  if (STRUCT_SWAPS.has(name) && call.arguments.length === 1) {
    const params = call.arguments[0];
    // `ISwapRouter.ExactInputSingleParams({tokenIn: a, ..., amountOutMinimum: 0, ...})`
    if (params.type !== 'FunctionCall' || params.names.length === 0) return undefined;
    params.names.forEach((field, i) => {
      const value = params.arguments[i];
      if (MIN_FIELD.test(field)) swap.minimums.push(value);
      else if (MAX_FIELD.test(field)) swap.maximums.push(value);
      else if (field === 'deadline') swap.deadline = value;
    });
    return swap;
  }
  const layout = POSITIONAL[name];
  if (!layout) return undefined;
  if (call.names.length > 0) {
    call.names.forEach((field, i) => {
      const value = call.arguments[i];
      if (MIN_FIELD.test(field)) swap.minimums.push(value);
      else if (MAX_FIELD.test(field)) swap.maximums.push(value);
      else if (field === 'deadline') swap.deadline = value;
    });
    return swap;
  }
  const highest = Math.max(...(layout.min ?? []), ...(layout.max ?? []), layout.deadline ?? -1);
  // A same-named function with another shape (an unrelated `exchange(a, b)`) is not a router call.
  if (call.arguments.length <= highest) return undefined;
  swap.minimums = (layout.min ?? []).map((i) => call.arguments[i]);
  swap.maximums = (layout.max ?? []).map((i) => call.arguments[i]);
  swap.deadline = layout.deadline !== undefined ? call.arguments[layout.deadline] : undefined;
  return swap;
}

/** `type(uint256).max` or `uint256(-1)`: no bound at all. */
export function isUnboundedMaximum(expr: Expression): boolean {
  if (expr.type === 'MemberAccess' && expr.memberName === 'max' && expr.expression.type === 'FunctionCall') {
    const callee = expr.expression.expression;
    return callee.type === 'Identifier' && callee.name === 'type';
  }
  if (expr.type === 'FunctionCall' && expr.arguments.length === 1) {
    const arg = expr.arguments[0];
    return arg.type === 'UnaryOperation' && arg.operator === '-' && arg.subExpression.type === 'NumberLiteral' && arg.subExpression.number === '1';
  }
  return false;
}
