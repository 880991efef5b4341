// arbitrary-send-erc20: `transferFrom` pulls tokens from an address the caller names, not from the caller.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { isMsgSender } from '../analysis/astQueries';
import { classifyCall } from '../analysis/calls';
import { isAnalysedContract, isSelfReference, isStateChangingEntryPoint } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { FunctionTaint, parameterNames } from '../analysis/taint';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const PULL_FUNCTION = /^(transferFrom|safeTransferFrom)$/;

/** The `from` argument of a token pull: `token.transferFrom(from, …)`, `token.safeTransferFrom(from, …)`, `SafeERC20.safeTransferFrom(token, from, …)`. */
function pulledFrom(call: FunctionCall, context: Parameters<typeof scopeOf>[0], fn: FunctionDefinition): Expression | undefined {
  const info = classifyCall(call, scopeOf(context, fn));
  if (!PULL_FUNCTION.test(info.name ?? '')) return undefined;
  if (info.kind === 'external' && call.arguments.length >= 3) return call.arguments[0];
  if (info.kind === 'library') return info.boundReceiver ? call.arguments[0] : call.arguments[1];
  return undefined;
}

/** Whether the body reads an allowance-style entry keyed by both `from` and the caller: `allowed[from][msg.sender]`. */
function checksAllowanceOfCaller(fn: FunctionDefinition, fromNames: string[]): boolean {
  return findAll(fn.body as ASTNode, (n) => n.type === 'IndexAccess').some((access) => {
    const keys = findAll(access, (n) => n.type === 'IndexAccess').map((n) => (n.type === 'IndexAccess' ? n.index : undefined));
    return keys.some((k) => !!k && isMsgSender(k)) && keys.some((k) => k?.type === 'Identifier' && fromNames.includes(k.name));
  });
}

export default defineRule({
  meta: {
    id: 'arbitrary-send-erc20',
    title: 'transferFrom from an arbitrary address',
    severity: 'high',
    confidence: 'medium',
    category: 'tokens',
    scope: 'reachable',
    swc: ['SWC-105'],
    description:
      'The function moves tokens with `transferFrom` from an address it takes as an argument instead of `msg.sender`. Any user who approved this contract can have their tokens moved by anyone else.',
    exploitScenario:
      'Alice approves the router for an unlimited amount. The attacker calls `deposit(alice, attacker, amount)`; the router pulls Alice\'s tokens and credits the attacker.',
    recommendation: 'Pull tokens from `msg.sender` only, or check that the caller is the owner of the tokens or holds their allowance.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#arbitrary-from-in-transferfrom'],
    messages: { default: '`{{call}}` pulls tokens from `{{from}}`, which any caller of `{{fn}}` chooses.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn) || !fn.body) return;
        const calls = findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall');
        // Skip permit flows: the owner's signature authorises the pull.
        if (calls.some((c) => c.expression.type === 'MemberAccess' && /^(permit|safePermit)$/.test(c.expression.memberName))) return;
        const taint = new FunctionTaint(scopeOf(context, fn), { parameters: true });
        let accessControlled: boolean | undefined;
        for (const call of calls) {
          const from = pulledFrom(call, context, fn);
          if (!from || !taint.isTainted(from) || isMsgSender(from) || isSelfReference(from)) continue;
          if (checksAllowanceOfCaller(fn, parameterNames(from, fn))) continue;
          accessControlled ??= isAccessControlled(fn, contract, context.project);
          if (accessControlled) return;
          context.report({ node: call, messageId: 'default', data: { call: context.text(call).replace(/\s+/g, ' ').slice(0, 60), from: context.text(from), fn: fn.name ?? 'fallback' } });
        }
      },
    };
  },
});
