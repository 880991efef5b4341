// calls-loop: external calls inside a loop over stored state, where one failing callee blocks everyone.

import type { ASTNode, FunctionDefinition, Identifier, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { callTarget, executionEvents, traceToRoot, type ExecutionEvent } from '../analysis/effects';
import { FunctionScope, type Callable } from '../analysis/scope';
import { stateReads } from '../analysis/stateAccess';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import { findAll } from '../engine/walk';
import { anchorOf, isAnalysedContract, isEntryPoint, isSelfReference, relatedEvent, snippet } from '../analysis/entryPoints';
import { defineRule } from '../engine/ruleApi';

function within(node: ASTNode, container: ASTNode | null | undefined): boolean {
  if (!container?.range || !node.range) return false;
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The condition of a loop statement. */
function conditionOf(loop: ASTNode): ASTNode | undefined {
  if (loop.type === 'ForStatement') return loop.conditionExpression;
  if (loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement') return loop.condition;
  return undefined;
}

/**
 * A loop whose bound comes from storage (`i < users.length`, or `n` after `uint256 n = users.length`): its
 * length grows with the users, not with the caller's input.
 */
function loopsOverState(loop: ASTNode, holder: Callable, scope: FunctionScope): boolean {
  const condition = conditionOf(loop);
  if (!condition) return false;
  if (stateReads(condition, scope).length > 0) return true;
  const declarations = holder.body ? findAll(holder.body, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement') : [];
  return findAll(condition, (n): n is Identifier => n.type === 'Identifier').some((id) =>
    declarations.some((d) => d.initialValue && d.variables.some((v) => (v as VariableDeclaration | null)?.name === id.name) && stateReads(d.initialValue, scope).length > 0),
  );
}

/** The callable that contains a loop on the event's path, with a scope to resolve its names. */
function holderOf(loop: ASTNode, event: ExecutionEvent, fn: FunctionDefinition, contract: ContractInfo, project: ProjectModel): [ASTNode, Callable, FunctionScope] {
  const step = [...event.via].reverse().find((v) => within(loop, v.callee));
  const holder = step?.callee ?? fn;
  const file = step?.file ?? contract.file;
  const library = step ? project.contractsIn(step.file.path).find((c) => c.kind === 'library' && c.node.subNodes.includes(step.callee)) : undefined;
  return [loop, holder, new FunctionScope(project, file, library ?? contract, holder)];
}

export default defineRule({
  meta: {
    id: 'calls-loop',
    title: 'External calls in a loop over stored state',
    severity: 'low',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'reachable',
    swc: ['SWC-113', 'SWC-128'],
    description:
      'The function loops over a stored list and makes an external call for each entry. One reverting or gas-hungry callee makes the whole loop fail, and the list only grows, so the function can become impossible to run.',
    exploitScenario:
      '`distribute()` pays every registered recipient with `recipient.call{value: share}("")` and requires success. The attacker registers a contract whose `receive()` reverts; from then on nobody can be paid.',
    recommendation: 'Let each recipient withdraw on their own (pull payments), or skip and record failed calls instead of reverting, and bound the loop.',
    references: ['https://swcregistry.io/docs/SWC-113', 'https://github.com/crytic/slither/wiki/Detector-Documentation#calls-inside-a-loop'],
    messages: { default: '`{{call}}` is called inside a loop over stored state; one failing callee blocks the whole loop.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isEntryPoint(fn)) return;
        const events = executionEvents(fn, contract, context.project);
        const reported = new Set<ASTNode>();
        for (const event of events) {
          if (event.kind !== 'external-call' || event.loops.length === 0) continue;
          // Skip calls to this contract itself (a multicall), which are not someone else's code.
          const target = traceToRoot(event, callTarget(event));
          if (target && isSelfReference(target as never)) continue;
          if (!event.loops.some((loop) => loopsOverState(...holderOf(loop, event, fn, contract, context.project)))) continue;
          const anchor = anchorOf(event);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({ node: anchor, messageId: 'default', data: { call: snippet(event.node, event.file) }, related: [relatedEvent(event, 'external call in the loop')] });
        }
      },
    };
  },
});
