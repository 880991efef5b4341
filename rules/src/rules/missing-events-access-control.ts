// missing-events-access-control: a function changes who is authorised (an address compared with
// `msg.sender`, such as `owner`) without emitting an event.

import type { FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { accessControlVariables } from '../analysis/criticalParameters';
import { isStateChangingEntryPoint, unannouncedWriteAnchor, writesWithoutEvent } from '../analysis/unannouncedWrites';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'missing-events-access-control',
    title: 'Access-control change without an event',
    severity: 'low',
    confidence: 'medium',
    category: 'access-control',
    scope: 'contract',
    swc: [],
    description:
      'The function changes an address that the contract compares with `msg.sender` to grant privileges (an owner, admin or guardian) but emits no event. Off-chain monitoring, indexers and users cannot see who controls the contract, and a hijacked admin key goes unnoticed.',
    exploitScenario:
      'An attacker who phished the admin key calls `setAdmin(attacker)`. No event is emitted, so the team\'s monitoring (which watches for `AdminChanged`) stays silent, and the attacker waits for a large deposit before draining the contract.',
    recommendation: 'Emit an event with the old and new value (`emit OwnershipTransferred(old, newOwner)`), as OpenZeppelin Ownable and AccessControl do.',
    references: [
      'https://github.com/crytic/slither/wiki/Detector-Documentation#missing-events-access-control',
      'https://docs.openzeppelin.com/contracts/5.x/api/access#Ownable',
    ],
    messages: { default: '`{{name}}` changes `{{variable}}`, which controls access, without emitting an event.' },
  },
  create(context) {
    return {
      FunctionDefinition(node: FunctionDefinition) {
        const contract = context.contract();
        if (!contract || !isStateChangingEntryPoint(node)) return;
        const writes = writesWithoutEvent(node, contract, context.project, accessControlVariables(context.project, contract));
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
