// write-after-write: a variable assigned and then assigned again in the same block with no read in between,
// so the first value is lost; usually the second assignment was meant for another variable.

import type { ASTNode, Block, Expression } from '@solidity-parser/parser/dist/src/ast-types';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** `x = value;` as a statement: the assigned name and the right-hand side. */
function plainAssignment(statement: ASTNode): { name: string; target: Expression; value: Expression } | undefined {
  if (statement.type !== 'ExpressionStatement' || statement.expression?.type !== 'BinaryOperation') return undefined;
  const assignment = statement.expression;
  if (assignment.operator !== '=' || assignment.left.type !== 'Identifier') return undefined;
  return { name: assignment.left.name, target: assignment.left, value: assignment.right };
}

function mentions(node: ASTNode, name: string): boolean {
  return findAll(node, (n) => n.type === 'Identifier' && n.name === name).length > 0;
}

/**
 * Statements that can be passed over: no control flow, no assembly, no events that could log the old value,
 * and not a modifier's `_`, where the whole function body runs and may read the variable (`locked = true; _;`).
 */
function isStraightLine(statement: ASTNode): boolean {
  if (statement.type === 'ExpressionStatement') return !(statement.expression?.type === 'Identifier' && statement.expression.name === '_');
  return statement.type === 'VariableDeclarationStatement';
}

export default defineRule({
  meta: {
    id: 'write-after-write',
    title: 'Variable written twice without a read',
    severity: 'medium',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description:
      'A variable is assigned, and before anything reads it, assigned again. The first value is lost, so either the first assignment is dead code or, far more often, the second one names the wrong variable and the variable that should have been set keeps its old value.',
    exploitScenario:
      'A fee setter writes `buyFee = newBuyFee; buyFee = newSellFee;`. The sell fee is never updated and stays at its initial 0, so traders avoid the intended fee while the owner believes it is set.',
    recommendation: 'Check which variable the second assignment should write; if the first assignment is truly unnecessary, delete it.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#write-after-write'],
    messages: { default: '`{{name}}` is overwritten here before the value assigned earlier (see the related location) is read.' },
  },
  create(context) {
    const check = (statements: readonly ASTNode[]) => {
      statements.forEach((statement, index) => {
        const first = plainAssignment(statement);
        if (!first) return;
        const declaration = scopeOf(context).resolve(first.name, first.target);
        if (!declaration) return;
        // A state variable may be read by any call in between (an internal helper, a re-entering callee).
        const callsBreakTheChain = declaration.kind === 'state';
        for (const later of statements.slice(index + 1)) {
          const second = plainAssignment(later);
          if (second?.name === first.name) {
            if (mentions(second.value, first.name)) return;
            // The first assignment is a related location, not a line number in the text: locations move with edits.
            context.report({ node: later, messageId: 'default', data: { name: first.name }, related: [{ node: statement, message: 'first assignment' }] });
            return;
          }
          if (!isStraightLine(later) || mentions(later, first.name)) return;
          if (callsBreakTheChain && findAll(later, (n) => n.type === 'FunctionCall').length > 0) return;
        }
      });
    };
    return {
      Block(block: Block) {
        check(block.statements as ASTNode[]);
      },
    };
  },
});
