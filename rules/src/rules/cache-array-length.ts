// cache-array-length (gas): a loop condition reads the length of a storage array on every iteration.

import type { ASTNode, DoWhileStatement, ForStatement, FunctionCall, MemberAccess, WhileStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { FunctionScope, scopeOf, type TypeRef } from '../analysis/scope';
import { stateVariableOf, stateWrites, storagePointers, type StateVariableRef } from '../analysis/stateAccess';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

function isDynamicStorageSequence(type: TypeRef | undefined): boolean {
  if (!type) return false;
  if (type.node.type === 'ArrayTypeName') return type.node.length === null;
  return type.node.type === 'ElementaryTypeName' && (type.node.name === 'bytes' || type.node.name === 'string');
}

function sameVariable(a: StateVariableRef, b: StateVariableRef): boolean {
  return a.declaration ? a.declaration === b.declaration : a.name === b.name;
}

export default defineRule({
  meta: {
    id: 'cache-array-length',
    title: 'Storage array length read in a loop condition',
    severity: 'gas',
    confidence: 'medium',
    category: 'gas',
    scope: 'reachable',
    swc: [],
    description:
      'The loop condition reads `array.length` of a storage array, so every iteration pays a storage read (2100 gas cold, 100 warm) for a value the loop does not change.',
    exploitScenario: 'None: this costs gas, it is not exploitable.',
    recommendation:
      'Read the length once before the loop: `uint256 n = items.length; for (uint256 i; i < n; ++i)`. Loops that push to or pop from the array are not reported, since there the length changes.',
    references: [
      'https://github.com/crytic/slither/wiki/Detector-Documentation#cache-array-length',
      'https://docs.soliditylang.org/en/latest/types.html#array-members',
    ],
    messages: { default: '`{{array}}.length` is read from storage on every iteration; cache it in a local before the loop.' },
  },
  create(context) {
    /** True when the loop body, or an internal function it calls, writes the array (push, pop, delete, reassignment). */
    const bodyWrites = (body: ASTNode, variable: StateVariableRef, scope: FunctionScope): boolean => {
      if (stateWrites(body, scope, storagePointers(scope)).some((w) => sameVariable(w.variable, variable))) return true;
      // `stateWrites` already counts library calls bound to the array (`items.remove(i)`); internal calls are followed one level.
      for (const call of findAll(body, (n): n is FunctionCall => n.type === 'FunctionCall')) {
        const info = classifyCall(call, scope);
        const callee = info.resolved;
        if (info.kind !== 'internal' || !callee?.node.body) continue;
        const calleeScope = new FunctionScope(context.project, callee.owner.file, scope.contract, callee.node);
        if (stateWrites(callee.node.body, calleeScope).some((w) => sameVariable(w.variable, variable))) return true;
      }
      return false;
    };

    const check = (loop: ForStatement | WhileStatement | DoWhileStatement, condition: ASTNode | null | undefined): void => {
      if (!condition) return;
      const scope = scopeOf(context);
      for (const access of findAll(condition, (n): n is MemberAccess => n.type === 'MemberAccess' && n.memberName === 'length')) {
        const variable = stateVariableOf(access.expression, scope, storagePointers(scope));
        if (!variable || !isDynamicStorageSequence(scope.typeOf(access.expression))) continue;
        if (bodyWrites(loop.body, variable, scope)) continue;
        context.report({ node: access, messageId: 'default', data: { array: context.text(access.expression) } });
      }
    };

    return {
      ForStatement: (node) => check(node, node.conditionExpression),
      WhileStatement: (node) => check(node, node.condition),
      DoWhileStatement: (node) => check(node, node.condition),
    };
  },
});
