// unbounded-loop: a state-changing function loops over a storage array that anyone can grow through an
// unrestricted public or external function, so the loop's gas grows until the function cannot run.

import type { ASTNode, Expression, FunctionDefinition, MemberAccess } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, Member, ProjectModel } from '../project/projectModel';

export default defineRule({
  meta: {
    id: 'unbounded-loop',
    title: 'Loop over an array anyone can grow',
    severity: 'medium',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'contract',
    swc: ['SWC-128'],
    description:
      'The loop runs once per element of a storage array, and an unrestricted public function pushes to that array. Every push makes the loop cost more gas; past the block gas limit the function always reverts, along with everything that depends on it.',
    exploitScenario:
      'A raffle pays out by looping over `entrants`, and `enter()` pushes `msg.sender` for a tiny fee. The attacker enters from thousands of addresses (or the same one repeatedly) until `draw()` needs more gas than a block holds; the prize pool is locked forever.',
    recommendation:
      'Bound the array (a maximum length checked on push), process it in batches with a stored cursor, or replace the loop with pull-style accounting where each user claims their own share.',
    references: ['https://swcregistry.io/docs/SWC-128', 'https://consensys.github.io/smart-contract-best-practices/attacks/denial-of-service/'],
    messages: { default: 'The loop runs over `{{array}}`, which anyone can grow through `{{grower}}`; enough pushes make this function run out of gas.' },
  },
  create(context) {
    const check = (loop: ASTNode, condition: Expression | undefined): void => {
      const callable = context.callable();
      const contract = context.contract();
      if (!condition || !callable || callable.type !== 'FunctionDefinition' || !contract) return;
      // Skip view and pure functions: a gas limit there only binds callers that use them inside a transaction.
      if (callable.stateMutability === 'view' || callable.stateMutability === 'pure' || callable.stateMutability === 'constant') return;
      const scope = scopeOf(context, callable);
      const flow = LocalDataFlow.of(callable);
      const length = flow.findSource(condition, (n) => stateArrayName(n, scope) !== undefined) as MemberAccess | undefined;
      if (!length) return;
      const array = stateArrayName(length, scope) as string;
      const grower = unrestrictedGrower(array, contract, context.project);
      if (!grower) return;
      context.report({ node: loop, messageId: 'default', data: { array, grower: grower.node.name ?? 'fallback' } });
    };
    return {
      ForStatement: (node) => check(node, node.conditionExpression),
      WhileStatement: (node) => check(node, node.condition),
      DoWhileStatement: (node) => check(node, node.condition),
    };
  },
});

/** `arr.length` where `arr` is a dynamic-size state array: the array's name. */
function stateArrayName(node: ASTNode, scope: FunctionScope): string | undefined {
  if (node.type !== 'MemberAccess' || node.memberName !== 'length' || node.expression.type !== 'Identifier') return undefined;
  const state = scope.stateVariable(node.expression.name, node);
  const type = state?.type?.node;
  return type?.type === 'ArrayTypeName' && type.length === null ? node.expression.name : undefined;
}

/**
 * A public or external function without caller restriction that pushes to `array`, directly or through an
 * internal function it calls by name.
 */
function unrestrictedGrower(array: string, contract: ContractInfo, project: ProjectModel): Member<FunctionDefinition> | undefined {
  const functions = contract.functions();
  const pushesDirectly = (fn: FunctionDefinition): boolean =>
    !!fn.body &&
    findAll(fn.body, (n) => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && n.expression.memberName === 'push').some(
      (call) => call.type === 'FunctionCall' && call.expression.type === 'MemberAccess' && call.expression.expression.type === 'Identifier' && call.expression.expression.name === array,
    );
  const internalPushers = new Set(functions.filter((m) => isInternal(m.node) && pushesDirectly(m.node)).map((m) => m.node.name));
  const calls = (fn: FunctionDefinition): boolean =>
    !!fn.body &&
    findAll(fn.body, (n) => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && internalPushers.has(n.expression.name)).length > 0;
  return functions.find(
    (m) => !isInternal(m.node) && !m.node.isConstructor && (pushesDirectly(m.node) || calls(m.node)) && !isAccessControlled(m.node, contract, project),
  );
}

function isInternal(fn: FunctionDefinition): boolean {
  return fn.visibility === 'internal' || fn.visibility === 'private';
}
