// msg-value-loop: `msg.value` read inside a loop, so one payment is counted once per iteration.

import type { ASTNode, FunctionCall, MemberAccess } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { classifyCall } from '../analysis/calls';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'msg-value-loop',
    title: 'msg.value used inside a loop',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'reachable',
    swc: [],
    description:
      '`msg.value` is the same in every iteration of a loop. Crediting or checking it per iteration counts one payment several times.',
    exploitScenario:
      '`batchBuy(ids)` loops over `ids` and checks `msg.value >= price` for each item (or credits `msg.value` to each recipient). The attacker pays for one item and receives all of them.',
    recommendation: 'Track the total spent in a local variable across the loop and compare it with `msg.value` once, after the loop.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#msgvalue-inside-a-loop'],
    messages: { default: '`msg.value` is used inside a loop{{where}}; every iteration sees the full payment.' },
  },
  create(context) {
    // Nested loops visit the same use once per level: report each use once.
    const reported = new Set<ASTNode>();
    const report = (node: ASTNode, where: string): void => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'default', data: { where } });
    };
    const visitLoop = (loop: ASTNode): void => {
      for (const use of findAll(loop, (n): n is MemberAccess => isMemberOf(n, 'msg', 'value'))) report(use, '');
      // One level into internal helpers called from the loop.
      const scope = scopeOf(context);
      for (const call of findAll(loop, (n): n is FunctionCall => n.type === 'FunctionCall')) {
        const info = classifyCall(call, scope);
        if (info.kind !== 'internal' || !info.resolved?.node.body) continue;
        if (findAll(info.resolved.node.body, (n) => isMemberOf(n, 'msg', 'value')).length > 0) report(call, ` (through \`${info.resolved.node.name}\`)`);
      }
    };
    return {
      ForStatement: visitLoop,
      WhileStatement: visitLoop,
      DoWhileStatement: visitLoop,
    };
  },
});
