// permit-frontrun-dos: an ERC-2612 `permit` is called outside try/catch, so anyone who submits the same signed
// permit first (it is public in the mempool) makes the victim's transaction revert.

import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { isAnalysedContract } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** ERC-2612 `permit(owner, spender, value, deadline, v, r, s)` and DAI's `permit(holder, spender, nonce, expiry, allowed, v, r, s)`. */
const PERMIT_ARITIES = new Set([7, 8]);

export default defineRule({
  meta: {
    id: 'permit-frontrun-dos',
    title: 'permit call can be front-run into a revert',
    severity: 'medium',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'function',
    swc: ['SWC-114'],
    description:
      'A signed `permit` can be used once: the nonce it carries is consumed by the first transaction that submits it. The signature sits in the mempool as part of the victim\'s transaction, so anyone can copy it and call `token.permit(...)` directly first. The allowance is then set, but the victim\'s own call to `permit` reverts on the used nonce and takes the whole transaction (deposit, swap, repay) down with it.',
    exploitScenario:
      'A user calls `depositWithPermit(amount, deadline, v, r, s)`. A griefer watching the mempool submits the same `permit` to the token with a higher fee. The user\'s transaction reverts with "invalid signature"; the griefer repeats this for every user, disabling the function for everyone at little cost.',
    recommendation:
      'Wrap the call: `try token.permit(...) {} catch {}` and continue; the following `transferFrom` fails anyway if no allowance was granted. Alternatively skip `permit` when `token.allowance(owner, address(this))` already covers the amount.',
    references: ['https://www.trust-security.xyz/post/permission-denied', 'https://eips.ethereum.org/EIPS/eip-2612#security-considerations'],
    messages: { default: '`{{call}}` reverts when someone front-runs the same signature; wrap it in try/catch.' },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        if (node.expression.type !== 'MemberAccess' || node.expression.memberName !== 'permit') return;
        const fn = context.callable();
        if (!fn?.body || !isAnalysedContract(context.contract())) return;
        const call = classifyCall(node, scopeOf(context));
        if (call.kind !== 'external' || !PERMIT_ARITIES.has(call.args.length)) return;
        // Skip `try token.permit(...)`: a front-run permit lands in the catch block.
        if (context.ancestors().some((a) => a.type === 'TryStatement' && a.expression === node)) return;
        // Skip functions that read the allowance: the usual guard is `if (allowance < amount) permit(...)`.
        const readsAllowance = findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && n.expression.memberName === 'allowance').length > 0;
        if (readsAllowance) return;
        context.report({ node, messageId: 'default', data: { call: `${context.text(node.expression)}(...)` } });
      },
    };
  },
});
