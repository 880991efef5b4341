// return-bomb: a public function makes a low-level call to an address its caller chose and keeps the return
// data, so the callee can return megabytes that the caller pays to copy into memory (gas griefing).

import type { ASTNode, FunctionCall, FunctionDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { isAccessControlled } from '../analysis/accessControl';
import { classifyCall } from '../analysis/calls';
import { isAnalysedContract, isEntryPoint } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { FunctionTaint } from '../analysis/taint';
import { defineRule } from '../engine/ruleApi';

/** Whether the call's second result (the return data) is bound to a variable: `(bool ok, bytes memory data) = ...`. */
function keepsReturnData(call: FunctionCall, ancestors: readonly ASTNode[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'VariableDeclarationStatement' && parent.initialValue === call) {
    return !!(parent.variables[1] as VariableDeclaration | null | undefined);
  }
  if (parent?.type === 'BinaryOperation' && parent.operator === '=' && parent.right === call && parent.left.type === 'TupleExpression') {
    return !!parent.left.components[1];
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'return-bomb',
    title: 'Return data of an untrusted call copied in full',
    severity: 'low',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'reachable',
    swc: ['SWC-113'],
    description:
      'A low-level `call` copies everything the callee returns into memory, and memory expansion costs gas quadratically. When the callee is an address the caller of a public function chose, it can return a huge buffer (a "return bomb") so the transaction runs out of gas after the callee\'s own gas limit was respected. This matters for relayers, keepers and any flow that must not revert (liquidations, withdrawal queues, cross-chain message execution).\n\nThe rule reports calls whose return data is kept in a variable or used directly. Solidity may copy return data even when it is discarded; those calls are left out to keep the rule precise.',
    exploitScenario:
      'A relayer executes user-submitted messages with `(bool ok, bytes memory ret) = message.target.call{gas: limit}(message.data)`. The attacker submits a message whose target returns 1 MB of zeros: the relayer\'s transaction spends all its gas on memory expansion, reverts, and the queue behind it is stuck.',
    recommendation:
      'When the return data is not needed, discard it with an assembly call (`success := call(gas, target, value, ptr, len, 0, 0)`), or copy only a bounded prefix (`ExcessivelySafeCall`, or `returndatacopy` with a maximum length).',
    references: ['https://github.com/nomad-xyz/ExcessivelySafeCall', 'https://swcregistry.io/docs/SWC-113'],
    messages: { default: 'Return data of the low-level call to caller-chosen `{{target}}` is copied in full: the callee can return a huge buffer and burn the caller\'s gas.' },
  },
  create(context) {
    const taintByFunction = new Map<FunctionDefinition, FunctionTaint>();
    return {
      FunctionCall(node: FunctionCall) {
        const fn = context.callable();
        // Only entry points: an internal helper's parameter (OpenZeppelin `Address.functionCall`) is chosen by trusted code.
        const contract = context.contract();
        if (fn?.type !== 'FunctionDefinition' || !isEntryPoint(fn) || !isAnalysedContract(contract)) return;
        const scope = scopeOf(context);
        const call = classifyCall(node, scope);
        if ((call.kind !== 'low-level-call' && call.kind !== 'staticcall') || !call.target) return;
        if (!keepsReturnData(node, context.ancestors())) return;
        let taint = taintByFunction.get(fn);
        if (!taint) {
          // Skip msg.sender as the target: a caller who bombs itself only wastes its own gas.
          taint = new FunctionTaint(scope, { parameters: true });
          taintByFunction.set(fn, taint);
        }
        if (!taint.isTainted(call.target)) return;
        // Skip guarded functions (`onlyGovernance` relays): the chosen target is then trusted.
        if (isAccessControlled(fn, contract, context.project)) return;
        context.report({ node, messageId: 'default', data: { target: context.text(call.target) } });
      },
    };
  },
});
