// controlled-delegatecall: a function anyone can call delegatecalls into an address from its arguments.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { callerChosenTarget } from '../analysis/callerChosenTarget';
import { executionEvents, type ExecutionEvent } from '../analysis/effects';
import { anchorOf, isAnalysedContract, isEntryPoint, relatedEvent, snippet } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { FunctionTaint } from '../analysis/taint';
import { runsOnlyOnce, runsOnlyThroughDelegatecall } from '../analysis/upgradeability';
import { defineRule } from '../engine/ruleApi';

function isDelegatecall(event: ExecutionEvent): boolean {
  if (event.kind !== 'external-call') return false;
  if (event.call) return event.call.kind === 'delegatecall' || event.call.kind === 'callcode';
  return event.node.type === 'AssemblyCall' && (event.node.functionName === 'delegatecall' || event.node.functionName === 'callcode');
}

export default defineRule({
  meta: {
    id: 'controlled-delegatecall',
    title: 'Delegatecall to a caller-chosen address',
    severity: 'high',
    confidence: 'medium',
    category: 'access-control',
    scope: 'reachable',
    swc: ['SWC-112'],
    description:
      '`delegatecall` runs the target\'s code with this contract\'s storage, balance and identity. When the target comes from the arguments of a function anyone can call, the caller runs arbitrary code as this contract.\n\nFunctions that revert unless reached through delegatecall are not reported (they run for the contract that chose to delegate to them). A delegatecall reached only through a set-up function that can succeed once (a checked-and-set flag) is Low: only the first caller of an uninitialised instance chooses the code.',
    exploitScenario:
      'The attacker deploys a contract whose function writes storage slot 0 and calls `selfdestruct`, then calls `execute(attackerContract, data)`. The delegatecall overwrites the owner slot with the attacker\'s address (or destroys the contract) and the funds are theirs.',
    recommendation: 'Delegatecall only into fixed, trusted implementations (immutable or admin-set), and restrict who can change them.',
    references: ['https://swcregistry.io/docs/SWC-112', 'https://github.com/crytic/slither/wiki/Detector-Documentation#controlled-delegatecall'],
    messages: {
      default: 'Anyone can call `{{fn}}` and choose the code `{{call}}` runs (`{{target}}` comes from the arguments).',
      initialization: 'The first caller of the one-time set-up `{{fn}}` chooses the code `{{call}}` runs (`{{target}}` comes from the arguments); deploy and initialise in one transaction.',
    },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!isAnalysedContract(contract) || !isEntryPoint(fn)) return;
        const events = executionEvents(fn, contract, context.project).filter(isDelegatecall);
        if (events.length === 0 || isAccessControlled(fn, contract, context.project)) return;
        // A function that reverts unless reached through delegatecall runs for the contract that delegated to it,
        // which chose to run this code in its own storage; a stranger calling it directly is refused.
        if (runsOnlyThroughDelegatecall(fn, contract)) return;
        // A delegatecall reached only through a one-time set-up (`setup` refusing a second call) is a hazard only
        // while an instance is deployed and not yet initialised: Low, unless both happen in one transaction.
        const onceOnly = runsOnlyOnce(fn, contract, context.project);
        const taint = new FunctionTaint(scopeOf(context, fn), { parameters: true });
        const reported = new Set<ASTNode>();
        for (const event of events) {
          const target = callerChosenTarget(event, fn, taint);
          if (!target) continue;
          const anchor = anchorOf(event);
          if (reported.has(anchor)) continue;
          reported.add(anchor);
          context.report({
            node: anchor,
            messageId: onceOnly ? 'initialization' : 'default',
            data: { fn: fn.name ?? 'fallback', call: snippet(event.node, event.file), target: context.text(target) },
            related: [relatedEvent(event, 'delegatecall')],
            ...(onceOnly ? { severity: 'low' as const, confidence: 'low' as const } : {}),
          });
        }
      },
    };
  },
});
