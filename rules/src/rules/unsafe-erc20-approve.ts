// unsafe-erc20-approve: a contract calls `approve` on an arbitrary ERC-20 through a bool-returning interface
// without resetting to zero first; USDT-style tokens then revert and the feature is unusable with them.

import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { isZeroLiteral } from '../analysis/astQueries';
import { callResultUse } from '../analysis/callResultUse';
import { isAnalysedContract } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { erc20Call } from '../analysis/tokenStandards';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'unsafe-erc20-approve',
    title: 'approve on an arbitrary token without forceApprove',
    severity: 'low',
    confidence: 'medium',
    category: 'tokens',
    scope: 'function',
    swc: [],
    description:
      'Some major tokens (USDT on mainnet, KNC) break two assumptions behind a plain `IERC20(token).approve(spender, amount)`: their `approve` returns nothing, so Solidity\'s return-data check reverts when the interface declares `returns (bool)`, and they refuse to change an allowance from one non-zero value to another. A contract that approves routers or vaults this way cannot work with those tokens, or gets stuck after the first partial use of an allowance.',
    exploitScenario:
      'A zap contract approves the router with `IERC20(tokenIn).approve(router, amount)` before each swap. With USDT as `tokenIn` every call reverts on the missing return value; with a token that rejects non-zero to non-zero changes, the second swap reverts once a dust allowance is left over, and the contract is stuck for that token.',
    recommendation: 'Use OpenZeppelin `SafeERC20.forceApprove(token, spender, amount)`, which handles tokens that return nothing and resets the allowance to zero when needed.',
    references: ['https://github.com/d-xo/weird-erc20#approval-race-protections', 'https://github.com/d-xo/weird-erc20#missing-return-values', 'https://docs.openzeppelin.com/contracts/5.x/api/token/erc20#SafeERC20-forceApprove-contract-IERC20-address-uint256-'],
    messages: { default: '`{{call}}` fails for tokens that return nothing from `approve` (USDT) or refuse non-zero to non-zero changes. Use `SafeERC20.forceApprove`.' },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        if (node.expression.type !== 'MemberAccess' || node.expression.memberName !== 'approve' || node.arguments.length !== 2) return;
        const fn = context.callable();
        if (!fn?.body || !isAnalysedContract(context.contract())) return;
        // Skip resets to zero: `approve(spender, 0)` is the safe half of the two-step pattern.
        if (isZeroLiteral(node.arguments[1])) return;
        // Only calls through an interface declaring `returns (bool)`, or one the project cannot resolve whose name or
        // read result shows the boolean: a concrete token's own code is known to the author, and a USDT-style
        // interface without the return value decodes fine.
        const call = erc20Call(node, scopeOf(context), callResultUse(node, context.ancestors(), fn).kind !== 'discarded');
        if (!call || call.returnsBool === 'unknown' || (call.receiver && call.receiver.kind !== 'interface')) return;
        // Skip functions that reset the allowance to zero first on the same token.
        const receiverText = context.text(call.token);
        const resets = findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n !== node && n.expression.type === 'MemberAccess' && n.expression.memberName === 'approve' && n.arguments.length === 2 && isZeroLiteral(n.arguments[1]) && context.text(n.expression.expression) === receiverText);
        if (resets.length > 0) return;
        context.report({ node, messageId: 'default', data: { call: `${context.text(node.expression)}(...)` } });
      },
    };
  },
});
