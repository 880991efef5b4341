// arbitrary-send-eth: a function anyone can call sends ETH to an address taken from its arguments.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { isMemberOf, isMsgSender } from '../analysis/astQueries';
import { callerChosenTarget } from '../analysis/callerChosenTarget';
import { executionEvents, type ExecutionEvent } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isStateChangingEntryPoint, relatedEvent, snippet } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { sentValueBound } from '../analysis/sentValue';
import { FunctionTaint } from '../analysis/taint';
import { runsOnlyThroughDelegatecall } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

function matchesMsgValueExactly(fn: FunctionDefinition): boolean {
  return findAll(fn.body as ASTNode, (n) => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=') && (isMemberOf(n.left, 'msg', 'value') || isMemberOf(n.right, 'msg', 'value'))).length > 0;
}

export default defineRule({
  meta: {
    id: 'arbitrary-send-eth',
    title: 'ETH sent to an arbitrary address',
    severity: 'high',
    confidence: 'medium',
    category: 'access-control',
    scope: 'reachable',
    readsCompilerVersion: true,
    swc: ['SWC-105'],
    description:
      'A function without any caller check sends the contract\'s ETH to an address that comes from its arguments, so anyone can direct the contract\'s balance to themselves.',
    exploitScenario:
      '`payout(address to, uint256 amount)` has no `onlyOwner`. The attacker calls `payout(attacker, address(this).balance)` and takes every wei the contract holds.',
    recommendation: 'Restrict the function to an authorised caller, or send only to `msg.sender` what it is owed from its own recorded balance.',
    references: ['https://swcregistry.io/docs/SWC-105', 'https://github.com/crytic/slither/wiki/Detector-Documentation#functions-that-send-ether-to-arbitrary-destinations'],
    messages: { default: 'Anyone can call `{{fn}}` and choose where `{{call}}` sends ETH (`{{destination}}` comes from the arguments).' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        const events = executionEvents(fn, contract, context.project).filter((e) => e.kind === 'external-call' && e.sendsEth);
        if (events.length === 0 || isAccessControlled(fn, contract, context.project)) return;
        // Skip a function that reverts unless reached through delegatecall (Safe's `onlyDelegateCall` accessors):
        // the ETH it sends is the delegating contract's, and that contract decides who reaches this code.
        if (runsOnlyThroughDelegatecall(fn, contract)) return;
        // Skip payable functions that match a sum against `msg.value` exactly (batch forwarders): what they send
        // on, refunds included, is the caller's own deposit.
        if (fn.stateMutability === 'payable' && matchesMsgValueExactly(fn)) return;
        const taint = new FunctionTaint(scopeOf(context, fn), { parameters: true });
        // One sending call reached from several call sites of a helper is one finding: it is reported at the
        // first site, and the other sites are related locations.
        const bySend = new Map<ASTNode, { event: ExecutionEvent; destination: ASTNode; anchors: ASTNode[] }>();
        for (const event of events) {
          const destination = callerChosenTarget(event, fn, taint);
          // Skip sending to the caller itself.
          if (!destination || isMsgSender(destination)) continue;
          // Skip a send of nothing (a zero passed down to a library's `call{value: value}`), of at most the
          // caller's own `msg.value` (forwarded, refunded, or split), or of an amount charged to the caller.
          if (sentValueBound(event, fn, context.file, contract, context.project)) continue;
          const anchor = anchorOf(event);
          const send = bySend.get(event.node);
          if (!send) bySend.set(event.node, { event, destination, anchors: [anchor] });
          else if (!send.anchors.includes(anchor)) send.anchors.push(anchor);
        }
        const reportedAnchors = new Set<ASTNode>();
        for (const { event, destination, anchors } of bySend.values()) {
          // Two sends inside one helper call are one finding at that call.
          if (reportedAnchors.has(anchors[0])) continue;
          reportedAnchors.add(anchors[0]);
          context.report({
            node: anchors[0],
            messageId: 'default',
            data: { fn: fn.name ?? 'fallback', call: snippet(event.node, event.file), destination: context.text(destination) },
            related: [relatedEvent(event, 'ETH leaves here'), ...anchors.slice(1).map((node) => ({ node, message: 'also reached from here' }))],
          });
        }
      },
    };
  },
});
