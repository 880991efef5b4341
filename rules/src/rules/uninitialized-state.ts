// uninitialized-state: logic reads storage that still holds its zero default: a state variable nothing ever
// sets (a `rewardRate`, an `oracle`), or a per-user checkpoint subtracted from the clock before its first write.

import type { ContractDefinition, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { storageLayoutIsFrozen } from '../analysis/stateVariableCandidates';
import { checkpointReads, unwrittenReads } from '../analysis/uninitializedState';
import { defineRule } from '../engine/ruleApi';

/** A public or external view function: a wrong answer there misleads callers but moves nothing by itself. */
function isGetter(callable: FunctionDefinition | ModifierDefinition): boolean {
  return (
    callable.type === 'FunctionDefinition' &&
    (callable.visibility === 'public' || callable.visibility === 'external') &&
    (callable.stateMutability === 'view' || callable.stateMutability === 'pure')
  );
}

export default defineRule({
  meta: {
    id: 'uninitialized-state',
    title: 'State read before anything sets it',
    severity: 'high',
    confidence: 'medium',
    category: 'code-quality',
    // A finding also depends on sibling contracts built on the same base (a master that delegatecalls, a sibling
    // implementation behind the same proxy that sets the slot) and on the other bases of the contracts built on it.
    scope: 'family',
    swc: ['SWC-109'],
    description:
      'Logic reads storage that nothing has set. Either no code that runs on this contract\'s storage (its bases, itself, its inheritors) ever writes the variable, or the only write sits in an internal function nothing calls, so the variable is zero forever; or a per-user checkpoint (`lastClaim[user]`, `userIndex[user]`) is subtracted from `block.timestamp` or an accumulator and scaled into an amount, while the path that gives a user their stake never sets it, so the first claim counts from 1970 or from index zero.\n\nNot reported: variables with an initialiser, set in a constructor, an initializer, a setter or a derived contract, constants and immutables, contracts that write storage by raw slot (`sstore`) or run other code on it (`delegatecall`), reads compared with zero (`if (oracle == address(0))`), checkpoints guarded by a zero check or set on deposit. A variable read only in view functions, or in a contract behind a proxy (an earlier implementation may have set it), is Low.',
    exploitScenario:
      'A staking pool records `balances[msg.sender] += amount` in `stake()` but sets `lastClaim[msg.sender]` only in `claim()`, after computing `(block.timestamp - lastClaim[msg.sender]) * rate * balances[msg.sender]`. The attacker stakes one token and claims at once: the elapsed time is fifty years, and the payout drains the reward pool. Likewise a vault that reads `oracle.price()` from an `oracle` nothing ever sets reverts on every deposit, or prices with a zero `rewardRate` forever.',
    recommendation:
      'Set the variable where the contract is created (constructor or initializer) or give it a guarded setter, and check it is non-zero before use. Set a per-user checkpoint whenever the user\'s stake changes (a `_checkpoint(user)` at the start of stake, withdraw and claim), or treat zero explicitly (`if (last == 0) last = block.timestamp;`).',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#uninitialized-state-variables'],
    messages: {
      neverWritten: '`{{name}}` is read here but no code of `{{contract}}` (its bases or inheritors) ever sets it: it is always zero.',
      deadWriter: '`{{name}}` is read here but is set only in `{{writer}}`, which nothing in `{{contract}}` calls: it is always zero.',
      checkpointUnset:
        '`{{name}}[…]` is zero until this path sets it, and `{{entry}}` grows the amount it scales without setting it: the first use counts from {{origin}}.',
      checkpointNeverSet: '`{{name}}[…]` is zero for every key before its first write here, and nothing sets it first: the first use counts from {{origin}}.',
    },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || contract.kind === 'interface' || contract.kind === 'library') return;
        // Behind a proxy an earlier implementation may have set the slot: the finding is a question, not a bug.
        const proxied = storageLayoutIsFrozen(context.project, contract);
        for (const { variable, read, callable, deadWriters, instance } of unwrittenReads(context.project, contract)) {
          const viewOnly = isGetter(callable);
          const name = variable.name ?? '';
          const weaker = viewOnly || proxied ? { severity: 'low' as const, confidence: proxied ? ('low' as const) : undefined } : {};
          const related = variable.identifier ? [{ node: variable.identifier, message: 'declared here, without an initial value' }] : [];
          if (deadWriters.length > 0) {
            context.report({ node: read, messageId: 'deadWriter', data: { name, writer: deadWriters[0].name ?? 'function', contract: instance.name }, related, ...weaker });
          } else {
            context.report({ node: read, messageId: 'neverWritten', data: { name, contract: instance.name }, related, ...weaker });
          }
        }
        for (const found of checkpointReads(context.project, contract, (n) => context.text(n))) {
          const origin = found.clock === 'time' ? 'block zero (1970 or genesis)' : 'an index of zero';
          const name = found.variable.name ?? '';
          // A getter only reports an amount; a claim that pays it is where the loss happens.
          const weaker = isGetter(found.callable) ? { severity: 'medium' as const } : {};
          if (found.uncheckpointedEntry) {
            context.report({ node: found.node, messageId: 'checkpointUnset', data: { name, entry: found.uncheckpointedEntry.name ?? 'fallback', origin }, ...weaker });
          } else {
            context.report({ node: found.node, messageId: 'checkpointNeverSet', data: { name, origin }, ...weaker });
          }
        }
      },
    };
  },
});
