// chainlink-stale-price: `latestRoundData()` read without checking `updatedAt` against the current time or
// without checking that the answer is positive, so a stalled or broken feed's value is used as the price.

import type { ASTNode, FunctionCall, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { isBlockTimestamp } from '../analysis/blockEnvironment';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export default defineRule({
  meta: {
    id: 'chainlink-stale-price',
    title: 'Chainlink price used without freshness or sign checks',
    severity: 'medium',
    confidence: 'medium',
    category: 'oracles',
    scope: 'function',
    swc: [],
    description:
      '`latestRoundData()` returns the last answer the feed stored, however old, and the answer is a signed integer. If the feed stops updating (heartbeat missed, deprecated feed, sequencer down) or reports zero or a negative value, a contract that does not check `updatedAt` and `answer > 0` prices assets at a stale or absurd value.',
    exploitScenario:
      'During a market crash the feed for collateral X lags and keeps reporting the pre-crash price. The attacker deposits X, now worth far less, and borrows against the stale price; the loan is never healthy and the protocol absorbs the loss.',
    recommendation:
      'Require `answer > 0` and `block.timestamp - updatedAt <= HEARTBEAT` for the feed\'s documented heartbeat (and, on L2s, check the sequencer uptime feed).',
    references: ['https://docs.chain.link/data-feeds/api-reference#latestrounddata', 'https://docs.chain.link/data-feeds#check-the-timestamp-of-the-latest-answer'],
    messages: { default: '`latestRoundData()` is used without {{missing}}; a stale or broken feed value becomes the price.' },
  },
  create(context) {
    return {
      FunctionCall(call: FunctionCall) {
        if (call.expression.type !== 'MemberAccess' || call.expression.memberName !== 'latestRoundData' || call.arguments.length !== 0) return;
        const callable = context.callable();
        if (!callable?.body) return;
        const names = destructuredNames(call, callable.body);
        // Skip a pass-through wrapper (`return feed.latestRoundData();`): its callers do the checks.
        if (!names) return;
        const flow = LocalDataFlow.of(callable);
        const comparisons = findAll(callable.body, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator));
        const compared = (name: string | undefined): boolean =>
          !!name && comparisons.some((cmp) => flow.dependsOn(cmp, (n) => n.type === 'Identifier' && n.name === name));
        const missing: string[] = [];
        const updatedAt = names[3];
        const fresh =
          !!updatedAt &&
          comparisons.some(
            (cmp) =>
              flow.dependsOn(cmp, (n) => n.type === 'Identifier' && n.name === updatedAt) &&
              flow.dependsOn(cmp, (n) => isBlockTimestamp(n) || (n.type === 'Identifier' && /heartbeat|stale|timeout|delay|max_?age/i.test(n.name))),
          );
        if (!fresh) missing.push('a staleness check on `updatedAt`');
        if (!compared(names[1])) missing.push('a check that `answer` is positive');
        if (missing.length === 0) return;
        context.report({ node: call, messageId: 'default', data: { missing: missing.join(' or ') } });
      },
    };
  },
});

/** The names `(roundId, answer, startedAt, updatedAt, answeredInRound)` the call is unpacked into, if it is. */
function destructuredNames(call: FunctionCall, body: ASTNode): (string | undefined)[] | undefined {
  for (const node of findAll(body, () => true)) {
    if (node.type === 'VariableDeclarationStatement' && node.initialValue === call) {
      return (node.variables as (VariableDeclaration | null)[]).map((v) => v?.name ?? undefined);
    }
    if (node.type === 'BinaryOperation' && node.operator === '=' && node.right === call && node.left.type === 'TupleExpression') {
      return (node.left.components as (ASTNode | null)[]).map((c) => (c?.type === 'Identifier' ? c.name : undefined));
    }
  }
  return undefined;
}
