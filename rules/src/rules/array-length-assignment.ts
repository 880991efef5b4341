// array-length-assignment: before Solidity 0.6 a storage array's `length` could be written directly;
// shrinking an empty array underflows the length to 2^256-1, after which any storage slot is writable.

import type { ASTNode, BinaryOperation, Expression, MemberAccess, UnaryOperation } from '@solidity-parser/parser/dist/src/ast-types';
import { isAssignment } from '../analysis/astQueries';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';

function lengthTarget(expr: Expression): MemberAccess | undefined {
  return expr.type === 'MemberAccess' && expr.memberName === 'length' ? expr : undefined;
}

/** Literal right-hand sides (`arr.length = 0`) reset or size the array to a constant: no underflow, no user input. */
function isLiteral(expr: ASTNode): boolean {
  return expr.type === 'NumberLiteral';
}

export default defineRule({
  meta: {
    id: 'array-length-assignment',
    title: 'Array length written directly',
    severity: 'high',
    confidence: 'medium',
    category: 'code-quality',
    scope: 'function',
    swc: ['SWC-124'],
    description:
      'Before Solidity 0.6.0 a dynamic storage array exposed a writable `length`. Decrementing it on an empty array wraps it to 2^256-1, and setting it from user input does the same; the array then spans the whole storage space, so an indexed write can overwrite any slot, including the owner.',
    exploitScenario:
      'A contract lets anyone `pop()` a queue with `queue.length--` and set `queue[i] = v` for `i < queue.length`. The attacker pops the empty queue, computes the index whose slot is `keccak256(slot) + i == 0` (the owner slot), and writes their own address there.',
    recommendation: 'Use `push()` and `pop()` (Solidity 0.6 and later make `length` read-only) and check the array is not empty before shrinking it.',
    references: ['https://swcregistry.io/docs/SWC-124', 'https://github.com/crytic/slither/wiki/Detector-Documentation#array-length-assignment'],
    messages: { default: '`{{target}}` is written directly; an underflow or a large value lets later index writes reach any storage slot.' },
  },
  create(context) {
    const reportIfArray = (node: ASTNode, target: MemberAccess) => {
      const type = scopeOf(context).typeOf(target.expression);
      // Skip bases whose type resolves to something other than an array (a struct field named `length`).
      if (type && type.node.type !== 'ArrayTypeName') return;
      context.report({ node, messageId: 'default', data: { target: context.text(target) }, confidence: type ? undefined : 'low' });
    };
    return {
      BinaryOperation(node: BinaryOperation) {
        if (!isAssignment(node)) return;
        const target = lengthTarget(node.left);
        if (!target) return;
        if (node.operator === '=' && isLiteral(node.right)) return;
        reportIfArray(node, target);
      },
      UnaryOperation(node: UnaryOperation) {
        if (node.operator !== '--' && node.operator !== '++') return;
        const target = lengthTarget(node.subExpression);
        if (target) reportIfArray(node, target);
      },
    };
  },
});
