// unused-return: the return value of an external call is dropped although the callee declares one.

import type { ExpressionStatement, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { isSelfReference } from '../analysis/entryPoints';
import { isAccessControlled } from '../analysis/accessControl';
import { returnsOnlyIdentifiers } from '../analysis/callResultUse';
import { scopeOf, type Callable, type FunctionScope } from '../analysis/scope';
import { stateWrites } from '../analysis/stateAccess';
import { findAll } from '../engine/walk';
import type { ContractInfo } from '../project/projectModel';
import { defineRule } from '../engine/ruleApi';

/**
 * Token transfers and approvals whose boolean is dropped are unchecked-transfer's concern (a different bug with
 * a different fix: SafeERC20), so this rule leaves them out.
 */
const MOVES_TOKENS = new Set(['transfer', 'transferFrom', 'safeTransfer', 'safeTransferFrom', 'mint', 'burn', '_mint', '_burn']);

const LEFT_TO_UNCHECKED_TRANSFER = new Set(['transfer', 'transferFrom', 'approve', 'transferAndCall', 'increaseAllowance', 'decreaseAllowance']);

/**
 * Whether a dropped result can skew what the function books or pays: the function is open to any caller and
 * writes state or moves ETH or tokens. An owner-only call, or one whose function records and pays nothing
 * (a relay, a best-effort refund hook), only loses information.
 */
function reachesAccounting(callable: Callable | undefined, scope: FunctionScope, contract: ContractInfo | undefined): boolean {
  if (!callable?.body) return false;
  if (callable.type === 'FunctionDefinition' && contract && isAccessControlled(callable, contract, scope.project)) return false;
  if (stateWrites(callable.body, scope).length > 0) return true;
  return findAll(callable.body, (n): n is FunctionCall => n.type === 'FunctionCall').some((n) => {
    const call = classifyCall(n, scope);
    return call.sendsEth || (!!call.name && MOVES_TOKENS.has(call.name));
  });
}

export default defineRule({
  meta: {
    id: 'unused-return',
    title: 'Return value of an external call ignored',
    severity: 'medium',
    confidence: 'medium',
    category: 'external-calls',
    scope: 'function',
    readsComments: true,
    swc: ['SWC-104'],
    description:
      'The called function declares return values (amounts actually swapped, a success flag, a new position id), but the call is a bare statement and the values are thrown away, so the contract carries on with what it assumed instead of what happened. Dropped `transfer`/`approve` booleans are left to unchecked-transfer.',
    exploitScenario:
      '`router.swapExactTokensForTokens(...)` returns the amounts received. The vault ignores them and credits the user with the quoted amount; a sandwich makes the real output smaller and the vault pays the difference from other users\' funds.',
    recommendation: 'Use the returned values (store them, compare them with what you expected), or assert on the success flag.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#unused-return'],
    messages: { default: 'The return value of `{{name}}` ({{returns}}) is ignored.' },
  },
  create(context) {
    return {
      ExpressionStatement(statement: ExpressionStatement) {
        if (statement.expression?.type !== 'FunctionCall') return;
        const node: FunctionCall = statement.expression;
        const call = classifyCall(node, scopeOf(context));
        if (call.kind !== 'external' || !call.receiverContract || !call.name || LEFT_TO_UNCHECKED_TRANSFER.has(call.name)) return;
        if (isSelfReference(call.target)) return;
        const declared = call.receiverContract.functions().find((f) => f.node.name === call.name && f.node.parameters.length === call.args.length);
        const returns = declared?.node.returnParameters ?? [];
        if (!declared || returns.length === 0) return;
        // Skip view and pure calls: a dropped result changed nothing (the call is there to revert, as a sanity check).
        if (declared.node.stateMutability === 'view' || declared.node.stateMutability === 'pure') return;
        // Only amounts and success flags matter; ids, hashes and raw return data are commonly dropped on purpose.
        if (!returns.some((r) => r.typeName?.type === 'ElementaryTypeName' && /^(bool|u?int\d*)$/.test(r.typeName.name))) return;
        // Skip results that only identify what the call created (a bridge message number, a CCTP nonce).
        if (returnsOnlyIdentifiers(declared.node, declared.owner.file.text)) return;
        const described = returns.map((r) => r.name ?? (r.typeName?.type === 'ElementaryTypeName' ? r.typeName.name : 'value')).join(', ');
        const weighs = reachesAccounting(context.callable(), scopeOf(context), context.contract());
        context.report({
          node,
          messageId: 'default',
          data: { name: `${call.receiverContract.name}.${call.name}`, returns: described },
          severity: weighs ? undefined : 'low',
        });
      },
    };
  },
});
