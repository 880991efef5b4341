// delegatecall-loop: a payable function delegatecalls in a loop, so every iteration sees the same msg.value.

import type { ASTNode, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { callTarget, executionEvents, traceOutward, type ExecutionEvent } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isEntryPoint, isSelfReference, relatedEvent } from '../analysis/entryPoints';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

function isDelegatecall(event: ExecutionEvent): boolean {
  if (event.kind !== 'external-call') return false;
  if (event.call) return event.call.kind === 'delegatecall';
  return event.node.type === 'AssemblyCall' && event.node.functionName === 'delegatecall';
}

/** Whether a function or modifier other than `except`, in the contract, its bases or the contracts built on it, reads `msg.value`. */
function familyReadsMsgValue(contract: ContractInfo, project: ProjectModel, except: FunctionDefinition): boolean {
  const family = new Set<ContractInfo>(contract.linearization);
  for (const file of project.files()) {
    for (const derived of project.contractsIn(file.path)) if (derived.linearization.includes(contract)) derived.linearization.forEach((c) => family.add(c));
  }
  return [...family].some((c) =>
    (c.node.subNodes as ASTNode[]).some((member) => (member.type === 'FunctionDefinition' || member.type === 'ModifierDefinition') && member !== except && !!member.body && findAll(member.body, (n) => isMemberOf(n, 'msg', 'value')).length > 0),
  );
}

export default defineRule({
  meta: {
    id: 'delegatecall-loop',
    title: 'delegatecall in a loop of a payable function',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'hierarchy',
    swc: [],
    description:
      '`delegatecall` keeps the original `msg.value`. A payable function that delegatecalls several times in a loop (a payable multicall) lets every delegated call spend the same ETH again.\n\nA multicall into the contract itself is reported only when some function of the contract, its bases or the contracts built on it reads `msg.value`: without one, no delegated call can count the same ETH twice.',
    exploitScenario:
      'A payable `batch(bytes[] calls)` delegatecalls `deposit()` ten times in one transaction with `msg.value = 1 ether`; each `deposit()` credits 1 ether, so the attacker is credited 10 ether for 1.',
    recommendation: 'Make the batching function non-payable, or track the ETH spent across iterations instead of reading `msg.value` in the delegated functions.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#payable-functions-using-delegatecall-inside-a-loop'],
    messages: { default: '`{{fn}}` is payable and delegatecalls inside a loop; each call reuses the same `msg.value`.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isEntryPoint(fn) || fn.stateMutability !== 'payable') return;
        const reported = new Set<ASTNode>();
        let spendsMsgValue: boolean | undefined;
        for (const event of executionEvents(fn, contract, context.project)) {
          if (!isDelegatecall(event) || event.loops.length === 0) continue;
          // A multicall into this contract itself can only double-spend `msg.value` through a function that
          // reads it; where none of the contract's functions (bases and derived contracts included) does, every
          // payment is measured otherwise (`address(this).balance`) and the loop is harmless.
          const target = callTarget(event);
          if (target && isSelfReference(traceOutward(event, target).expr as Expression)) {
            spendsMsgValue ??= familyReadsMsgValue(contract, context.project, fn);
            if (!spendsMsgValue) continue;
          }
          const anchor = anchorOf(event);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({ node: anchor, messageId: 'default', data: { fn: fn.name ?? 'fallback' }, related: [relatedEvent(event, 'delegatecall in the loop')] });
        }
      },
    };
  },
});
