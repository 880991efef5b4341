// boolean-equality: a boolean compared with `true` or `false` (`x == true`, `paused != false`).

import type { ASTNode, BinaryOperation, BooleanLiteral } from '@solidity-parser/parser/dist/src/ast-types';
import { defineRule } from '../engine/ruleApi';

/** Expressions that bind tighter than `!`, so `!x` needs no parentheses. */
const PRIMARY = new Set(['Identifier', 'MemberAccess', 'IndexAccess', 'FunctionCall', 'TupleExpression', 'BooleanLiteral']);

export default defineRule({
  meta: {
    id: 'boolean-equality',
    title: 'Comparison with a boolean literal',
    severity: 'informational',
    confidence: 'high',
    category: 'code-quality',
    scope: 'function',
    swc: [],
    description: 'Comparing a boolean with `true` or `false` adds nothing: `x == true` is `x`, and `x == false` is `!x`. The extra comparison makes conditions harder to read and costs a little gas.',
    exploitScenario: 'None: this is a readability issue.',
    recommendation: 'Use the boolean directly (`if (paused)`), or negate it (`if (!paused)`).',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#boolean-equality'],
    messages: { default: 'Comparison with `{{literal}}`; use `{{replacement}}`.' },
    fixable: true,
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (node.operator !== '==' && node.operator !== '!=') return;
        const literal = [node.left, node.right].find((side): side is BooleanLiteral => side.type === 'BooleanLiteral');
        const other = literal === node.left ? node.right : node.left;
        // Skip `true == false` and the like: constant folding, nothing to simplify towards.
        if (!literal || other.type === 'BooleanLiteral') return;
        const keeps = (node.operator === '==') === literal.value;
        const text = context.text(other);
        const replacement = keeps ? text : PRIMARY.has((other as ASTNode).type) ? `!${text}` : `!(${text})`;
        context.report({
          node,
          messageId: 'default',
          data: { literal: String(literal.value), replacement },
          fix: { description: `Replace with \`${replacement}\``, edits: (fixer) => fixer.replace(node, replacement) },
        });
      },
    };
  },
});
