// transient-storage-reuse: a `transient` state variable is set but never cleared, so its value survives into
// every later call of the same transaction (multicall batches, re-entrant and callback calls).

import type { ASTNode, ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { stateVariableUsage } from '../analysis/stateVariableUsage';
import { defineRule } from '../engine/ruleApi';

function isZeroValue(expr: ASTNode): boolean {
  if (expr.type === 'NumberLiteral') return /^(0+|0x0+)$/.test(expr.number);
  if (expr.type === 'BooleanLiteral') return !expr.value;
  // `address(0)`, `bytes32(0)`.
  return expr.type === 'FunctionCall' && expr.arguments.length === 1 && isZeroValue(expr.arguments[0]);
}

/** `delete x` or `x = 0` / `false` / `address(0)`: the write restores the transaction-start value. */
function clears(write: ASTNode): boolean {
  if (write.type === 'UnaryOperation') return write.operator === 'delete';
  return write.type === 'BinaryOperation' && write.operator === '=' && isZeroValue(write.right);
}

export default defineRule({
  meta: {
    id: 'transient-storage-reuse',
    title: 'Transient variable set but never cleared',
    severity: 'low',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'hierarchy',
    swc: [],
    description:
      'Transient storage (EIP-1153) is only reset at the end of the transaction, not at the end of the call. A `transient` variable that is set and never cleared keeps its value for every later call in the same transaction: a lock stays locked, and a value passed to a callback is still there for the next, unrelated call.',
    exploitScenario:
      'A router stores `transient address payer` before a swap callback and never clears it. In a multicall the attacker first makes a small swap as the victim\'s approved router call, then a second call whose callback still sees `payer == victim` and pulls the victim\'s tokens.',
    recommendation: 'Clear the variable (`delete x;`) once the call that set it is done, on every path, including the reverting-callback paths.',
    references: ['https://eips.ethereum.org/EIPS/eip-1153', 'https://docs.soliditylang.org/en/latest/contracts.html#transient-storage'],
    messages: { default: 'Transient variable `{{name}}` is set but never cleared; later calls in the same transaction see the old value.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || !contract.ownStateVariables().some((v) => v.isTransient)) return;
        const usage = stateVariableUsage(context.project, contract);
        for (const variable of contract.ownStateVariables()) {
          if (!variable.isTransient) continue;
          const used = usage.get(variable);
          // Skip variables touched in assembly: `tstore(x.slot, 0)` may clear them where we cannot see it.
          if (!used || used.inAssembly) continue;
          if (!used.writes.some((w) => !clears(w.node)) || used.writes.some((w) => clears(w.node))) continue;
          context.report({ node: variable.identifier ?? variable, messageId: 'default', data: { name: variable.name ?? '' } });
        }
      },
    };
  },
});
