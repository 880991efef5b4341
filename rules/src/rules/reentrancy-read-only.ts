// reentrancy-read-only: a nonReentrant function updates state after an external call, and a public view
// function returns that state unguarded, so other protocols read stale values during the call.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isReentrancyGuarded } from '../analysis/accessControl';
import { executionEvents } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isEntryPoint, isStateChangingEntryPoint, relatedEvent, snippet } from '../analysis/entryPoints';
import { allReentrancyCandidates, variableNames } from '../analysis/reentrancy';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'reentrancy-read-only',
    title: 'Read-only reentrancy through a view function',
    severity: 'medium',
    confidence: 'low',
    category: 'reentrancy',
    scope: 'contract',
    swc: ['SWC-107'],
    description:
      'A `nonReentrant` function makes an external call before it finishes updating state. Its own functions are locked, but public view functions still return the half-updated state, and other protocols that price or collateralise with them read wrong values during the call.',
    exploitScenario:
      'A pool\'s `removeLiquidity()` sends ETH before burning LP supply. In its `receive()` the attacker borrows from a lending market that prices LP tokens with `pool.getVirtualPrice()`, which reads the not-yet-reduced supply and returns an inflated price (the Curve read-only reentrancy incidents).',
    recommendation: 'Finish state updates before external calls; make view functions check the guard (`_reentrancyGuardEntered()` / a `nonReentrantView` modifier) and revert while it is held.',
    references: ['https://chainsecurity.com/curve-lp-oracle-manipulation-post-mortem/'],
    messages: { default: '`{{view}}` returns `{{vars}}`, which `{{fn}}` updates only after `{{call}}`; other contracts can read stale values during the call.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isStateChangingEntryPoint(fn)) return;
        // Unguarded calls are reentrancy-eth / cross-function territory; read-only reentrancy is what a guard leaves
        // open (on the entry point or on the internal function making the call).
        const candidates = allReentrancyCandidates(fn, contract, context.project).filter((c) => c.guarded && c.targetOrigin !== 'state' && c.laterWrites.length > 0);
        if (candidates.length === 0) return;
        const views = contract
          .functions()
          .filter((m) => isEntryPoint(m.node) && (m.node.stateMutability === 'view' || m.node.stateMutability === 'pure') && !isReentrancyGuarded(m.node, contract, context.project));
        const reported = new Set<unknown>();
        for (const candidate of candidates) {
          // Only aggregate state (a scalar such as total supply or reserves) is what other protocols price with;
          // a per-account mapping entry left stale concerns the re-entering account alone.
          const aggregates = candidate.laterWrites.filter((w) => w.variable?.declaration && w.variable.declaration.typeName?.type !== 'Mapping');
          if (aggregates.length === 0) continue;
          const names = new Set(variableNames(aggregates));
          // A public state variable is its own unguarded view.
          const publicVariable = aggregates.find((w) => w.variable?.declaration?.visibility === 'public');
          if (publicVariable?.variable) {
            const anchor = anchorOf(candidate.call);
            reported.add(anchor);
            const name = publicVariable.variable.name;
            context.report({
              node: anchor,
              messageId: 'default',
              data: { view: `${name}()`, vars: name, fn: fn.name ?? 'fallback', call: snippet(candidate.call.node, candidate.call.file) },
              related: [relatedEvent(candidate.call, 'external call'), relatedEvent(publicVariable, 'public state written after the call')],
            });
            continue;
          }
          for (const view of views) {
            const reads = executionEvents(view.node, contract, context.project).filter((e) => e.kind === 'state-read' && names.has(e.variable?.name ?? '?'));
            // Skip views that check the guard themselves (`_reentrancyGuardEntered()`).
            if (reads.length === 0 || /reentrancyGuardEntered|nonReentrantView/.test(context.project.file(view.owner.file.path)?.text.slice(view.node.range?.[0] ?? 0, (view.node.range?.[1] ?? 0) + 1) ?? '')) continue;
            const anchor = anchorOf(candidate.call);
            if (reported.has(anchor)) continue;
            reported.add(anchor);
            context.report({
              node: anchor,
              messageId: 'default',
              data: { view: view.node.name ?? '', vars: variableNames(reads).join('`, `'), fn: fn.name ?? 'fallback', call: snippet(candidate.call.node, candidate.call.file) },
              related: [relatedEvent(candidate.call, 'external call'), { node: view.node, message: 'view function reading the state', file: view.owner.file }],
            });
          }
        }
      },
    };
  },
});
