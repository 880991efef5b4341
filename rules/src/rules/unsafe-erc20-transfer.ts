// unsafe-erc20-transfer: a contract calls `transfer` / `transferFrom` through a bool-returning interface on a
// token its users pick; tokens that return nothing (USDT) then revert on the return-data check.

import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { callResultUse } from '../analysis/callResultUse';
import { isAnalysedContract } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { erc20Call } from '../analysis/tokenStandards';
import { isTokenChosenByUsers } from '../analysis/userChosenToken';
import { defineRule } from '../engine/ruleApi';

const TRANSFERS = new Set(['transfer', 'transferFrom']);

export default defineRule({
  meta: {
    id: 'unsafe-erc20-transfer',
    title: 'transfer on a user-chosen token through a bool-returning interface',
    severity: 'low',
    confidence: 'medium',
    category: 'tokens',
    scope: 'contract',
    swc: [],
    description:
      'Several major tokens (USDT on mainnet, BNB, OMG) return nothing from `transfer` and `transferFrom`. Called through an interface that declares `returns (bool)`, such as `IERC20`, Solidity checks that the call returned at least 32 bytes and reverts when it did not, whether or not the result is then read. A contract that accepts any token its users name cannot move those tokens: deposits of them revert, and tokens that reached it another way cannot be paid out.\n\nOnly tokens chosen by users are reported (a parameter of a function anyone may call, or an entry of a list they pass in); a token fixed at deployment or picked by an administrator is known to whoever chose it.',
    exploitScenario:
      'A multi-token escrow pulls deposits with `safeTransferFrom` but pays out with `require(IERC20(token).transfer(to, amount))`. A user escrows USDT; every release reverts on the missing return value, and the USDT stays locked in the escrow.',
    recommendation: 'Use OpenZeppelin `SafeERC20` (`safeTransfer`, `safeTransferFrom`), which accepts an empty return and reverts only on an explicit `false` or a failed call.',
    references: ['https://github.com/d-xo/weird-erc20#missing-return-values', 'https://docs.openzeppelin.com/contracts/5.x/api/token/erc20#SafeERC20'],
    messages: { default: '`{{call}}` goes through a bool-returning interface on a token users choose; it reverts for tokens that return nothing (USDT). Use SafeERC20.' },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        if (node.expression.type !== 'MemberAccess' || !TRANSFERS.has(node.expression.memberName)) return;
        const fn = context.callable();
        if (!fn?.body || !isAnalysedContract(context.contract())) return;
        const scope = scopeOf(context);
        const call = erc20Call(node, scope, callResultUse(node, context.ancestors(), fn).kind !== 'discarded');
        // An unresolved interface of another name may be a USDT-style one that declares no return value.
        if (!call || call.returnsBool === 'unknown') return;
        // A concrete token contract's own code is known to the author; only interfaces stand for any token.
        if (call.receiver && call.receiver.kind !== 'interface') return;
        if (!isTokenChosenByUsers(call.token, scope)) return;
        context.report({ node, messageId: 'default', data: { call: `${context.text(node.expression)}(...)` } });
      },
    };
  },
});
