// reentrancy-cross-function: state written after an external call is used by another public function, which
// the callee can enter while the state is stale.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { privilegedModifier } from '../analysis/accessControl';
import { executionEvents, type ExecutionEvent } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isStateChangingEntryPoint, relatedEvent, snippet } from '../analysis/entryPoints';
import { reentrancyCandidates, variableNames } from '../analysis/reentrancy';
import { defineRule } from '../engine/ruleApi';

/** `x += 1`, `x++`: the write starts from the current value. */
function isReadModifyWrite(write: ExecutionEvent): boolean {
  const node = write.node;
  if (node.type === 'BinaryOperation') return node.operator !== '=';
  return node.type === 'UnaryOperation' && (node.operator === '++' || node.operator === '--');
}

export default defineRule({
  meta: {
    id: 'reentrancy-cross-function',
    title: 'Cross-function reentrancy',
    severity: 'medium',
    confidence: 'low',
    category: 'reentrancy',
    scope: 'contract',
    swc: ['SWC-107'],
    description:
      'A function updates state only after an external call, and another public function of the contract reads that state. The callee can enter the other function while the state is stale, even though the first function itself cannot be re-entered profitably.',
    exploitScenario:
      '`withdraw()` sends ETH and then zeroes `balances[msg.sender]`. From its `receive()` the attacker calls `transfer(accomplice, balance)`, which still sees the full balance, then the original `withdraw()` zeroes it: the balance has been both withdrawn and transferred.',
    recommendation: 'Update state before external calls, and put `nonReentrant` on every function that touches the shared state (not only on the one making the call).',
    references: ['https://swcregistry.io/docs/SWC-107', 'https://github.com/crytic/slither/wiki/Detector-Documentation#reentrancy-vulnerabilities'],
    messages: { default: '`{{vars}}` is updated after `{{call}}`, but `{{other}}` reads it and can be entered during the call.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        const candidates = reentrancyCandidates(fn, contract, context.project);
        if (candidates.length === 0) return;
        const events = executionEvents(fn, contract, context.project);
        // View functions cannot write, so re-entering them changes nothing (read-only reentrancy is its own rule);
        // a function behind a caller-checking modifier cannot be entered by the contract called.
        const others = contract
          .functions()
          .filter((m) => m.node !== fn && m.node.name !== fn.name && isStateChangingEntryPoint(m.node) && !privilegedModifier(m.node, contract, context.project));
        const reported = new Set<unknown>();
        for (const candidate of candidates) {
          // Stored, trusted callees do not call back; same-function staleness is reentrancy-eth/no-eth's finding.
          if (candidate.targetOrigin === 'state') continue;
          const stale = new Set(variableNames(candidate.staleWrites));
          // Skip writes that re-read the variable after the call (`allowance -= x`, a flash loan's `_spendAllowance`):
          // they act on whatever the callee left, so there is no stale value to exploit.
          const rereads = (w: ExecutionEvent): boolean =>
            events.some((r) => r.kind === 'state-read' && r.variable?.name === w.variable?.name && r.order > candidate.call.order && r.order <= w.order);
          const written = candidate.laterWrites.filter((w) => !stale.has(w.variable?.name ?? '?') && !rereads(w) && !isReadModifyWrite(w));
          if (written.length === 0) continue;
          const names = new Set(variableNames(written));
          const other = others.find((m) => executionEvents(m.node, contract, context.project).some((e) => e.kind === 'state-read' && names.has(e.variable?.name ?? '?')));
          if (!other) continue;
          const anchor = anchorOf(candidate.call);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({
            node: anchor,
            messageId: 'default',
            data: { vars: [...names].join('`, `'), call: snippet(candidate.call.node, candidate.call.file), other: other.node.name ?? 'fallback' },
            related: [relatedEvent(candidate.call, 'external call'), ...written.slice(0, 2).map((w) => relatedEvent(w, 'state written after the call')), { node: other.node, message: 'reads the state during the call', file: other.owner.file }],
          });
        }
      },
    };
  },
});
