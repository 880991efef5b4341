// assert-state-change: `assert(...)` whose condition changes state (an assignment, `++`, a call that writes
// storage or sends ETH). `assert` is for invariants; the effect belongs in a statement of its own.

import type { ASTNode, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { isAssignment } from '../analysis/astQueries';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** Calls that change state whatever they resolve to: ETH leaves the contract. */
const SENDING_CALLS = new Set(['low-level-call', 'delegatecall', 'callcode', 'send', 'eth-transfer']);

export default defineRule({
  meta: {
    id: 'assert-state-change',
    title: 'State change inside assert',
    severity: 'low',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    swc: ['SWC-110'],
    description:
      '`assert` states an invariant that should never fail; tools (SMTChecker, fuzzers) and readers treat its argument as a pure check. A condition that also changes state hides an effect inside a check, and before Solidity 0.8 a failing `assert` consumed all remaining gas.',
    exploitScenario:
      '`assert(msg.sender.send(amount))` pays out inside the check. When the recipient is a contract whose fallback reverts, the `assert` fails, which before 0.8 burns the whole gas limit of the caller, and a reviewer skimming the invariants misses that the function sends ETH at all.',
    recommendation: 'Perform the effect first and assert (or, for expected failures, `require`) on its result: `bool ok = to.send(v); require(ok);`.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#assert-state-change', 'https://swcregistry.io/docs/SWC-110'],
    messages: { default: '`assert` condition changes state: `{{effect}}`.' },
  },
  create(context) {
    const stateChange = (condition: ASTNode): ASTNode | undefined => {
      const scope = scopeOf(context);
      return findAll(condition, (node): node is ASTNode => {
        if (isAssignment(node)) return true;
        if (node.type === 'UnaryOperation') return node.operator === '++' || node.operator === '--' || node.operator === 'delete';
        if (node.type !== 'FunctionCall') return false;
        const call = classifyCall(node, scope);
        if (SENDING_CALLS.has(call.kind)) return true;
        // Internal and library helpers change state unless declared `view` or `pure`.
        const mutability = call.resolved?.node.stateMutability;
        return (call.kind === 'internal' || call.kind === 'library') && !!call.resolved && mutability !== 'view' && mutability !== 'pure';
      })[0];
    };
    return {
      FunctionCall(node: FunctionCall) {
        if (node.expression.type !== 'Identifier' || node.expression.name !== 'assert' || node.arguments.length !== 1) return;
        const effect = stateChange(node.arguments[0]);
        if (effect) context.report({ node, messageId: 'default', data: { effect: context.text(effect) } });
      },
    };
  },
});
