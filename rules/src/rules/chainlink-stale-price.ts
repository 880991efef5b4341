// chainlink-stale-price: a Chainlink answer used as a price without checking that it is fresh and positive:
// `latestRoundData()` without checks on `updatedAt` and `answer`, or the deprecated `latestAnswer()`, which
// returns no round data at all.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, ModifierDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { baseIdentifier, containsNode } from '../analysis/astQueries';
import { isBlockTimestamp } from '../analysis/blockEnvironment';
import { callResultUse } from '../analysis/callResultUse';
import { isSelfReference } from '../analysis/entryPoints';
import { canonicalType } from '../analysis/functionSignatures';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { contractOfType, isElementaryTypeName, scopeOf } from '../analysis/scope';
import { defineRule, type RuleContext } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

type MessageId = 'default' | 'deprecatedLatestAnswer';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Names of the bound a freshness comparison checks the age against. */
const AGE_BOUND_NAME = /heartbeat|stale|timeout|delay|max_?age/i;

/** Types and variables that hold a price feed: `AggregatorInterface`, `priceFeed`, `ethUsdOracle`. */
const FEED_NAME = /aggregator|feed|oracle|chainlink|price/i;

export default defineRule<MessageId>({
  meta: {
    id: 'chainlink-stale-price',
    title: 'Chainlink price used without freshness or sign checks',
    severity: 'medium',
    confidence: 'medium',
    category: 'oracles',
    scope: 'contract',
    swc: [],
    description:
      '`latestRoundData()` returns the last answer the feed stored, however old, and the answer is a signed integer. If the feed stops updating (heartbeat missed, deprecated feed, sequencer down) or reports zero or a negative value, a contract that does not check `updatedAt` and `answer > 0` prices assets at a stale or absurd value. The deprecated `latestAnswer()` is worse: it returns the answer alone, with no round id or update time to check, and returns 0 when no answer has been reached.',
    exploitScenario:
      'During a market crash the feed for collateral X lags and keeps reporting the pre-crash price. The attacker deposits X, now worth far less, and borrows against the stale price; the loan is never healthy and the protocol absorbs the loss.',
    recommendation:
      'Replace `latestAnswer()` with `latestRoundData()`. Require `answer > 0` and `block.timestamp - updatedAt <= HEARTBEAT` for the feed\'s documented heartbeat (and, on L2s, check the sequencer uptime feed).',
    references: ['https://docs.chain.link/data-feeds/api-reference#latestrounddata', 'https://docs.chain.link/data-feeds#check-the-timestamp-of-the-latest-answer'],
    messages: {
      default: '`latestRoundData()` is used without {{missing}}; a stale or broken feed value becomes the price.',
      deprecatedLatestAnswer:
        'The deprecated `latestAnswer()` returns no round data, and its answer is used without {{missing}}; a stale or broken feed value becomes the price.',
    },
  },
  create(context) {
    return {
      FunctionCall(call: FunctionCall) {
        if (call.expression.type !== 'MemberAccess' || call.arguments.length !== 0) return;
        const callable = context.callable();
        if (!callable?.body) return;
        if (call.expression.memberName === 'latestRoundData') checkRoundData(context, call, callable);
        else if (call.expression.memberName === 'latestAnswer') checkLatestAnswer(context, call, call.expression.expression, callable);
      },
    };
  },
});

type Callable = FunctionDefinition | ModifierDefinition;

function checkRoundData(context: RuleContext<MessageId>, call: FunctionCall, callable: Callable): void {
  const names = destructuredNames(call, callable.body as ASTNode);
  // Skip a pass-through wrapper (`return feed.latestRoundData();`): its callers do the checks.
  if (!names) return;
  const checks = new Checks(callable);
  const updatedAt = names[3];
  const missing: string[] = [];
  if (!checks.fresh((n) => !!updatedAt && n.type === 'Identifier' && n.name === updatedAt)) missing.push('a staleness check on `updatedAt`');
  const answer = names[1];
  const isAnswer = (n: ASTNode): boolean => !!answer && n.type === 'Identifier' && n.name === answer;
  if (!checks.compared(isAnswer) && !callersCompareReturned(context, callable, answer)) missing.push('a check that `answer` is positive');
  if (missing.length === 0) return;
  context.report({ node: call, messageId: 'default', data: { missing: missing.join(' or ') } });
}

function checkLatestAnswer(context: RuleContext<MessageId>, call: FunctionCall, receiver: Expression, callable: Callable): void {
  // Skip `this.latestAnswer()` and a contract that implements `latestAnswer()` by forwarding (an adapter or
  // proxy): it re-exposes the feed, and the price is taken by whoever calls it.
  if (isSelfReference(receiver) || (callable.type === 'FunctionDefinition' && callable.name === 'latestAnswer')) return;
  if (!isPriceFeed(context, receiver)) return;
  const use = callResultUse(call, context.ancestors(), callable);
  if (use.kind !== 'used') return;
  const { parent, child } = consumerOf(call, context.ancestors());
  // Skip `return feed.latestAnswer();`: a pass-through hands the raw answer on, and the price is taken by its callers.
  if (parent?.type === 'ReturnStatement' && child === call) return;
  // Skip `require(feed.latestAnswer() > 0)`: a liveness probe (typically when a feed is set), not a price.
  if (parent?.type === 'BinaryOperation' && COMPARISONS.has(parent.operator)) return;
  const stored = storedIn(parent, child);
  const flow = LocalDataFlow.of(callable);
  // Skip `returns (int256 answer) { answer = feed.latestAnswer(); }`: the same pass-through, through a named return.
  if (stored && child === call && callable.type === 'FunctionDefinition' && (callable.returnParameters ?? []).some((p) => p.name === stored)) return;
  // Skip `int256 a = feed.latestAnswer(); require(a > 0);` when the local `a` is read only in comparisons: a probe too.
  if (stored && flow.declaration(stored) && onlyCompared(stored, callable.body as ASTNode)) return;
  const checks = new Checks(callable);
  const missing: string[] = [];
  if (!checks.fresh(isLatestTimestampCall)) missing.push('a staleness check (`latestTimestamp()` against the current time)');
  // Comparisons follow locals, so `answer > 0` counts when `answer` holds the call's value.
  if (!checks.compared(isLatestAnswerCall)) missing.push('a check that it is positive');
  if (missing.length === 0) return;
  context.report({ node: call, messageId: 'deprecatedLatestAnswer', data: { missing: missing.join(' or ') } });
}

/** The comparisons of one function, asked which values they check. */
class Checks {
  private readonly flow: LocalDataFlow;
  private readonly comparisons: ASTNode[];

  constructor(callable: Callable) {
    this.flow = LocalDataFlow.of(callable);
    this.comparisons = findAll(callable.body as ASTNode, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator));
  }

  /** Some comparison reads a value that `isValue` matches. */
  compared(isValue: (node: ASTNode) => boolean): boolean {
    return this.comparisons.some((cmp) => this.flow.dependsOn(cmp, isValue));
  }

  /** Some comparison sets the update time `isUpdateTime` matches against the current time or an age bound. */
  fresh(isUpdateTime: (node: ASTNode) => boolean): boolean {
    return this.comparisons.some(
      (cmp) =>
        this.flow.dependsOn(cmp, isUpdateTime) &&
        this.flow.dependsOn(cmp, (n) => isBlockTimestamp(n) || (n.type === 'Identifier' && AGE_BOUND_NAME.test(n.name))),
    );
  }
}

/**
 * Whether `callable` is an internal or private helper that returns the answer (`return weiPerUnitLink;`, or a
 * named return the answer is unpacked into) and every
 * call to it in its contract and bases compares what it gets back (`if (price <= 0) revert`): the sign check sits in
 * the callers, as a pass-through's does.
 */
function callersCompareReturned(context: RuleContext<MessageId>, callable: Callable, answer: string | undefined): boolean {
  const contract = context.contract();
  if (!answer || !contract || callable.type !== 'FunctionDefinition' || !callable.name || (callable.visibility !== 'internal' && callable.visibility !== 'private')) return false;
  const flow = LocalDataFlow.of(callable);
  const isAnswer = (n: ASTNode): boolean => n.type === 'Identifier' && n.name === answer;
  const returned =
    (callable.returnParameters ?? []).some((p) => p.name === answer) ||
    findAll(callable.body as ASTNode, (n) => n.type === 'ReturnStatement').some((r) => r.type === 'ReturnStatement' && !!r.expression && flow.dependsOn(r.expression, isAnswer));
  if (!returned) return false;
  let calls = 0;
  for (const base of contract.linearization) {
    for (const member of base.node.subNodes as ASTNode[]) {
      if ((member.type !== 'FunctionDefinition' && member.type !== 'ModifierDefinition') || !member.body || member === callable) continue;
      const sites = findAll(member.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === callable.name);
      const checks = new Checks(member);
      for (const site of sites) {
        calls++;
        if (!checks.compared((n) => n === site)) return false;
      }
    }
  }
  return calls > 0;
}

/**
 * Whether `latestAnswer()` is called on a price feed: a receiver whose interface declares Chainlink's
 * `latestAnswer() returns (int256)`, or whose type or variable is named like a feed and returns an integer.
 */
function isPriceFeed(context: RuleContext<MessageId>, receiver: Expression): boolean {
  const type = scopeOf(context).typeOf(receiver);
  const declared = contractOfType(type, context.project)
    ?.functions()
    .find((m) => m.node.name === 'latestAnswer' && m.node.parameters.length === 0);
  const returned = declared ? canonicalType(declared.node.returnParameters?.[0]?.typeName) : undefined;
  if (returned === 'int256') return true;
  // A `latestAnswer()` declared to return a string, bytes or an address belongs to something else (a quiz, a
  // question oracle), not to a price feed.
  if (returned !== undefined && !/^u?int\d*$/.test(returned)) return false;
  const typeName = type?.node.type === 'UserDefinedTypeName' ? type.node.namePath : '';
  return FEED_NAME.test(typeName) || FEED_NAME.test(baseIdentifier(receiver) ?? '');
}

/** The node that consumes the call's value, looking through parentheses and type conversions (`uint256(x)`). */
function consumerOf(call: FunctionCall, ancestors: readonly ASTNode[]): { parent: ASTNode | undefined; child: ASTNode } {
  let child: ASTNode = call;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    const parenthesised = parent.type === 'TupleExpression' && parent.components.length === 1;
    const converted =
      parent.type === 'FunctionCall' &&
      parent.arguments.length === 1 &&
      (parent.expression.type === 'ElementaryTypeName' || (parent.expression.type === 'Identifier' && isElementaryTypeName(parent.expression.name)));
    if (!parenthesised && !converted) return { parent, child };
    child = parent;
  }
  return { parent: undefined, child };
}

function isLatestTimestampCall(node: ASTNode): boolean {
  return node.type === 'FunctionCall' && node.arguments.length === 0 && node.expression.type === 'MemberAccess' && node.expression.memberName === 'latestTimestamp';
}

function isLatestAnswerCall(node: ASTNode): boolean {
  return node.type === 'FunctionCall' && node.arguments.length === 0 && node.expression.type === 'MemberAccess' && node.expression.memberName === 'latestAnswer';
}

/** The variable the value is stored in whole (`int256 answer = feed.latestAnswer();`, `answer = ...`), if any. */
function storedIn(parent: ASTNode | undefined, child: ASTNode): string | undefined {
  if (parent?.type === 'VariableDeclarationStatement' && parent.initialValue === child && parent.variables.length === 1) {
    return (parent.variables[0] as VariableDeclaration | null)?.name ?? undefined;
  }
  if (parent?.type === 'BinaryOperation' && parent.operator === '=' && parent.right === child && parent.left.type === 'Identifier') return parent.left.name;
  return undefined;
}

/** Every read of the local `name` sits inside a comparison. */
function onlyCompared(name: string, body: ASTNode): boolean {
  const comparisons = findAll(body, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator));
  // The declared name and assignment targets are writes, not reads.
  const written = new Set<ASTNode>();
  for (const node of findAll(body, () => true)) {
    if (node.type === 'VariableDeclaration' && node.identifier) written.add(node.identifier);
    if (node.type === 'BinaryOperation' && node.operator === '=') written.add(node.left);
  }
  const reads = findAll(body, (n) => n.type === 'Identifier' && n.name === name && !written.has(n));
  return reads.every((read) => comparisons.some((cmp) => containsNode(cmp, read)));
}

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
