// timestamp: `block.timestamp` / `now` compared where a few seconds of proposer drift change the outcome:
// exact equality with a moment, or a window of at most 15 minutes. Deadline checks with longer or
// unknown (stored, parameter) windows stay silent: drift of seconds does not matter to them.

import type { ASTNode, BinaryOperation, ContractDefinition, Expression } from '@solidity-parser/parser/dist/src/ast-types';
import { baseIdentifier } from '../analysis/astQueries';
import { isBlockTimestamp } from '../analysis/blockEnvironment';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** The widest window treated as "short": SWC-116's rule of thumb is that 15 seconds of drift must not matter. */
const SHORT_WINDOW_SECONDS = 15 * 60;
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400, weeks: 604800, years: 31536000 };

export default defineRule({
  meta: {
    id: 'timestamp',
    title: 'Control flow depends on an exact or short-window timestamp',
    severity: 'low',
    confidence: 'medium',
    category: 'time',
    scope: 'contract',
    swc: ['SWC-116'],
    description:
      'A block proposer chooses `block.timestamp` within a tolerance (seconds on Ethereum, more on some L2s and sidechains). A comparison that needs the timestamp to equal a value, or to fall inside a window of a few minutes, can be made to pass or fail by whoever builds the block. Deadline checks against long windows are not reported.',
    exploitScenario:
      'A contract pays a bonus when `block.timestamp == saleStart`, or lets a call through when `block.timestamp < lastCall + 30 seconds`. A proposer (or a sequencer on an L2) nudges the timestamp by a few seconds to land inside or outside the window and takes the bonus.',
    recommendation:
      'Compare with `<=`/`>=` against windows long enough that seconds of drift do not matter, or use block numbers for short intervals. Never require equality with a specific timestamp.',
    references: ['https://swcregistry.io/docs/SWC-116', 'https://github.com/crytic/slither/wiki/Detector-Documentation#block-timestamp'],
    messages: {
      equality: '`{{operator}}` against `block.timestamp` needs an exact second; the block proposer chooses it.',
      shortWindow: '`block.timestamp` is compared against a window of {{seconds}} seconds; proposer drift can decide the outcome.',
    },
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (!COMPARISONS.has(node.operator)) return;
        const callable = context.callable();
        const flow = callable ? LocalDataFlow.of(callable) : undefined;
        const isLocal = (name: string): boolean => flow?.declaration(name) !== undefined;
        const dependsOn = (expr: ASTNode, isSource: (n: ASTNode) => boolean): boolean =>
          flow ? flow.dependsOn(expr, isSource) : findAll(expr, isSource).length > 0;
        const isTimestamp = (n: ASTNode): boolean => isBlockTimestamp(n, isLocal);
        const leftTime = dependsOn(node.left, isTimestamp);
        const rightTime = dependsOn(node.right, isTimestamp);
        if (!leftTime && !rightTime) return;
        const timeSide = leftTime ? node.left : node.right;
        const otherSide = leftTime ? node.right : node.left;
        // Skip `block.timestamp % n == k`: that is randomness, reported by weak-prng.
        if (dependsOn(timeSide, (n) => n.type === 'BinaryOperation' && n.operator === '%')) return;

        if (node.operator === '==' || node.operator === '!=') {
          // Skip same-block checks such as `lastAccrual == block.timestamp`: the stored value was written from
          // block.timestamp, so equality means "already ran in this block", which no proposer can fake.
          if (isStoredTimestamp(otherSide, context.contract()?.linearization.map((c) => c.node) ?? [])) return;
          if (leftTime && rightTime) return;
          context.report({ node, messageId: 'equality', data: { operator: node.operator } });
          return;
        }
        const seconds = shortWindow(node, flow);
        if (seconds !== undefined) context.report({ node, messageId: 'shortWindow', data: { seconds } });
      },
    };
  },
});

/** Seconds of the smallest literal window added to or subtracted from a time in this comparison. */
function shortWindow(comparison: BinaryOperation, flow: LocalDataFlow | undefined): number | undefined {
  const candidates: ASTNode[] = [];
  // A worklist, and each local followed once: `t = t + 1` defines `t` from itself, and following its
  // definitions again and again overflowed the stack on real projects (issue 12).
  const followed = new Set<string>();
  const pending: ASTNode[] = [comparison];
  for (let expr = pending.pop(); expr; expr = pending.pop()) {
    for (const op of findAll(expr, (n): n is BinaryOperation => n.type === 'BinaryOperation' && (n.operator === '+' || n.operator === '-'))) {
      candidates.push(op.left, op.right);
    }
    if (!flow) continue;
    for (const id of findAll(expr, (n) => n.type === 'Identifier')) {
      if (id.type !== 'Identifier' || followed.has(id.name) || !flow.declaration(id.name)) continue;
      followed.add(id.name);
      pending.push(...flow.definitionsOf(id.name));
    }
  }
  // `elapsed < 30` where `elapsed = block.timestamp - last`: the literal is a side of the comparison itself.
  const hasDifference = candidates.length > 0;
  if (hasDifference) candidates.push(comparison.left, comparison.right);
  let smallest: number | undefined;
  for (const candidate of candidates) {
    if (candidate.type !== 'NumberLiteral') continue;
    const unit = candidate.subdenomination ? UNIT_SECONDS[candidate.subdenomination] : 1;
    if (unit === undefined) continue;
    const seconds = Number(candidate.number.replace(/_/g, '')) * unit;
    if (seconds > 0 && seconds <= SHORT_WINDOW_SECONDS && (smallest === undefined || seconds < smallest)) smallest = seconds;
  }
  return smallest;
}

/** Whether `expr` names a state variable that some function of the contract assigns from `block.timestamp`. */
function isStoredTimestamp(expr: Expression, contracts: ContractDefinition[]): boolean {
  const name = baseIdentifier(expr);
  if (!name) return false;
  return contracts.some((contract) =>
    findAll(contract, (n): n is BinaryOperation => n.type === 'BinaryOperation' && n.operator === '=').some(
      (assignment) => baseIdentifier(assignment.left) === name && findAll(assignment.right, (n) => isBlockTimestamp(n)).length > 0,
    ),
  );
}
