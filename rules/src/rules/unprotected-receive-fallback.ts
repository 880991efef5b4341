// unprotected-receive-fallback: `receive` or `fallback` runs external calls or sends ETH for whoever sends it a
// transaction, so anyone can trigger that logic, at a time of their choosing, for 0 or 1 wei.

import type { Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { callTarget, executionEvents, traceOutward, type ExecutionEvent } from '../analysis/effects';
import { isFixedAtDeployment } from '../analysis/fixedAtDeployment';
import { FunctionScope, scopeOf } from '../analysis/scope';
import { sentValueBound } from '../analysis/sentValue';
import { anchorOf, isAnalysedContract, relatedEvent } from '../analysis/entryPoints';
import { isMemberOf } from '../analysis/astQueries';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/**
 * Whether the call forwards the caller's calldata in the fallback or a helper on the way: a dispatcher. In
 * Solidity that is `msg.data`; in assembly, `calldatacopy` of the whole input.
 */
function forwardsCalldata(fn: FunctionDefinition, event: ExecutionEvent): boolean {
  const bodies = [fn, ...event.via.map((step) => step.callee)];
  return bodies.some((body) => findAll(body, (n) => isMemberOf(n, 'msg', 'data') || (n.type === 'AssemblyCall' && n.functionName === 'calldatacopy')).length > 0);
}

/** Calls that run someone else's code or move ETH. Delegatecalls are a proxy forwarding, staticcalls change nothing. */
function isOutgoingCall(event: ExecutionEvent): boolean {
  if (event.kind !== 'external-call') return false;
  if (!event.call) return event.node.type === 'AssemblyCall' && (event.node.functionName === 'call' || event.node.functionName === 'callcode');
  return event.call.kind !== 'delegatecall' && event.call.kind !== 'staticcall';
}

export default defineRule({
  meta: {
    id: 'unprotected-receive-fallback',
    title: 'receive/fallback makes external calls for any sender',
    severity: 'medium',
    confidence: 'low',
    category: 'access-control',
    scope: 'reachable',
    readsCompilerVersion: true,
    swc: ['SWC-105'],
    description:
      '`receive` and `fallback` run for every plain ETH transfer and every unknown call, from anyone. When they do more than book the deposit and emit an event (swap the ETH, compound rewards, forward funds, call other contracts), any account can trigger that logic whenever it likes, with any amount (even 0 wei through `fallback`), and the call is a reentrancy point during other contracts\' ETH transfers.\n\nThe rule reports external calls and ETH transfers reached from `receive`/`fallback` without a `msg.sender` check. It stays silent for proxies and dispatchers (a fallback that delegatecalls, or forwards `msg.data` to a handler) and for a `receive` that accepts ETH only from a known sender such as WETH. A call that only forwards the sender\'s own ETH to a contract fixed at deployment (wrapping it into WETH, paying a fixed treasury) is reported at Low: anyone can trigger it, but it moves nothing the contract holds.',
    exploitScenario:
      'A vault\'s `receive()` swaps incoming ETH for the staking token on a DEX and stakes it. The attacker moves the pool price, sends the vault 1 wei to make it swap its whole ETH balance at the bad price, and moves the price back, keeping the difference.',
    recommendation:
      'Keep `receive`/`fallback` to accounting and events. Move the logic into an explicit function with access control or slippage bounds, or restrict the sender: `require(msg.sender == address(weth))`.',
    references: ['https://docs.soliditylang.org/en/latest/contracts.html#receive-ether-function', 'https://swcregistry.io/docs/SWC-105'],
    messages: { default: '`{{fn}}` makes an external call (`{{call}}`) for any sender; anyone can trigger it by sending ETH or calldata.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        if ((!fn.isReceiveEther && !fn.isFallback) || !fn.body) return;
        const contract = context.contract();
        if (!isAnalysedContract(contract)) return;
        // Skip dispatchers that forward `msg.data` to a handler (ERC-7579 fallback handlers, call-forwarding
        // proxies): the fallback is the routing itself, and the handler decides what the call may do.
        const outgoing = executionEvents(fn, contract, context.project).find((e) => isOutgoingCall(e) && !forwardsCalldata(fn, e));
        // Skip a guarded entry: `require(msg.sender == address(weth))` or an owner modifier.
        if (!outgoing || isAccessControlled(fn, contract, context.project)) return;
        const anchor = anchorOf(outgoing);
        // Forwarding only the sender's own ETH to a contract fixed at deployment (wrapping it into WETH, paying a
        // fixed treasury) can be triggered by anyone but moves nothing of the contract's: Low.
        const bound = sentValueBound(outgoing, fn, context.file, contract, context.project);
        const rawTarget = callTarget(outgoing);
        const target = rawTarget ? traceOutward(outgoing, rawTarget) : undefined;
        // The target is judged where it is written: here, or in the helper that makes the call (`weth` in `_wrap()`).
        const holder = target?.via[target.via.length - 1];
        const targetScope = holder ? new FunctionScope(context.project, holder.file, contract, holder.callee) : scopeOf(context, fn);
        const forwardsOwnEth = (bound === 'zero' || bound === 'caller-deposit') && !!target && isFixedAtDeployment(target.expr as Expression, targetScope);
        context.report({
          node: anchor,
          severity: forwardsOwnEth ? 'low' : undefined,
          messageId: 'default',
          data: { fn: fn.isReceiveEther ? 'receive' : 'fallback', call: outgoing.node.type === 'FunctionCall' && outgoing.file === context.file ? context.text(outgoing.node.expression) : 'external call' },
          related: anchor === outgoing.node ? [] : [relatedEvent(outgoing, 'external call')],
        });
      },
    };
  },
});
