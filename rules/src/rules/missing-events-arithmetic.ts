// missing-events-arithmetic: a privileged function changes a number the contract computes with (a fee, a
// rate, a limit) without emitting an event.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { arithmeticVariables } from '../analysis/criticalParameters';
import { isStateChangingEntryPoint, unannouncedWriteAnchor, writesWithoutEvent } from '../analysis/unannouncedWrites';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'missing-events-arithmetic',
    title: 'Parameter change without an event',
    severity: 'low',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'contract',
    swc: [],
    description:
      'An access-controlled function changes an integer the contract uses in arithmetic (a fee, rate, limit or multiplier) but emits no event. Users and monitoring cannot see that the economics changed until they are charged.',
    exploitScenario:
      'The owner calls `setFee(9_000)` (90%) right before a large batch of withdrawals. Without a `FeeChanged` event, front-ends keep showing the old fee and users only notice after losing most of their funds.',
    recommendation: 'Emit an event with the old and new value whenever a privileged function changes such a parameter.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#missing-events-arithmetic'],
    messages: { default: '`{{name}}` changes `{{variable}}`, used in arithmetic, without emitting an event.' },
  },
  create(context) {
    return {
      FunctionDefinition(node: FunctionDefinition) {
        const contract = context.contract();
        // Only privileged setters: a public function changing a number is ordinary business (a deposit), not configuration.
        if (!contract || !isStateChangingEntryPoint(node) || !isAccessControlled(node, contract, context.project)) return;
        // Only plain assignments (`fee = newFee`): `total -= amount` is bookkeeping that other events already cover.
        const writes = writesWithoutEvent(node, contract, context.project, arithmeticVariables(context.project, contract)).filter(
          (w) => w.node.type === 'BinaryOperation' && w.node.operator === '=',
        );
        if (writes.length === 0) return;
        const variables = [...new Set(writes.map((w) => w.variable?.name ?? ''))];
        context.report({
          node: unannouncedWriteAnchor(writes, node, context.file),
          messageId: 'default',
          data: { name: node.name ?? 'function', variable: variables.join('`, `') },
        });
      },
    };
  },
});
