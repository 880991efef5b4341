// locked-ether: a deployable contract accepts ETH (payable function, receive, payable fallback) but nothing in
// its hierarchy, or in the libraries it calls, can send ETH out: transfer, send, call with value, selfdestruct.

import type { ASTNode, ContractDefinition, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { FunctionScope } from '../analysis/scope';
import { recurse, runSteps, type Step } from '../analysis/stackSafe';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

/** Helpers that send ETH by name, for when their library is not loaded: OpenZeppelin Address, solady, solmate. */
const SENDING_HELPERS = new Set(['sendValue', 'functionCallWithValue', 'safeTransferETH', 'forceSafeTransferETH', 'safeTransferAllETH', 'transferETH']);
/** Assembly that can move ETH or hand control to code that does. */
const SENDING_ASSEMBLY = new Set(['call', 'callcode', 'delegatecall', 'create', 'create2', 'selfdestruct']);

export default defineRule({
  meta: {
    id: 'locked-ether',
    title: 'Contract receives ETH but cannot send it',
    severity: 'medium',
    confidence: 'high',
    category: 'denial-of-service',
    scope: 'contract',
    swc: [],
    description:
      'The contract has payable entry points, so ETH can arrive, but no code path sends ETH anywhere: no `transfer`, `send`, call with value, `selfdestruct` or delegatecall. Every wei it receives stays there forever.',
    exploitScenario:
      'A deposit contract takes ETH through a payable `deposit()` and tracks balances, but the `withdraw` that was meant to pay out was never written (or lives in a contract that was not deployed). Users deposit; nobody, not even the owner, can get the funds back.',
    recommendation: 'Add a withdrawal path (ideally pull-based and access-controlled where appropriate) or remove `payable` from functions that should not take ETH.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#contracts-that-lock-ether'],
    messages: { default: '`{{contract}}` accepts ETH through {{entry}} but has no way to send ETH out; received ETH is locked.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        // Skip abstract contracts, interfaces and libraries: only a deployable contract holds ETH.
        if (node.kind !== 'contract') return;
        const contract = context.project.contractOf(node);
        if (!contract || contract.unresolvedBases.length > 0) return;
        // Skip a contract that another one extends: the derived contract may add the withdrawal.
        if (isExtended(contract, context.project)) return;
        const entry = payableEntry(contract);
        if (!entry || canSendEth(contract, context.project)) return;
        context.report({ node, messageId: 'default', data: { contract: contract.name, entry: `\`${entry}\`` } });
      },
    };
  },
});

function payableEntry(contract: ContractInfo): string | undefined {
  for (const { node } of contract.functions()) {
    if (node.isConstructor) continue;
    if (node.isReceiveEther) return 'receive()';
    if (node.stateMutability === 'payable') return node.isFallback ? 'fallback()' : `${node.name}()`;
  }
  return undefined;
}

function isExtended(contract: ContractInfo, project: ProjectModel): boolean {
  return project.files().some((file) => project.contractsIn(file.path).some((other) => other !== contract && other.linearization.includes(contract)));
}

function canSendEth(contract: ContractInfo, project: ProjectModel): boolean {
  const seen = new Set<ASTNode>();
  const boundLibraries = contract
    .usingFor()
    .map((u) => (u.node.libraryName ? project.resolveContractName(u.node.libraryName, u.owner.file.path) : undefined))
    .filter((c): c is ContractInfo => c !== undefined);
  // A step for runSteps, not a recursive closure: a chain of internal calls has no length limit (issue 12).
  function* callableSends(callable: FunctionDefinition | ModifierDefinition, owner: ContractInfo, dispatch: ContractInfo): Step<boolean> {
    if (!callable.body || seen.has(callable)) return false;
    seen.add(callable);
    const scope = new FunctionScope(project, owner.file, dispatch, callable);
    for (const node of findAll(callable.body, () => true)) {
      if (node.type === 'AssemblyCall' && SENDING_ASSEMBLY.has(node.functionName)) return true;
      if (node.type !== 'FunctionCall') continue;
      const call = classifyCall(node, scope);
      if (call.sendsEth || call.kind === 'delegatecall' || call.kind === 'callcode') return true;
      if (call.name === 'selfdestruct' || call.name === 'suicide' || SENDING_HELPERS.has(call.name ?? '')) return true;
      // Follow library calls and the library's own helpers: `Address.sendValue` sends from inside the library.
      if ((call.kind === 'library' || call.kind === 'internal') && call.resolved) {
        const owner = call.resolved.owner;
        if (yield* recurse(callableSends(call.resolved.node, owner, owner.kind === 'library' ? owner : dispatch))) return true;
      }
      // `using L for *` calls the parser cannot type: follow every same-named function of the bound libraries.
      if (!call.resolved && node.expression.type === 'MemberAccess') {
        const name = node.expression.memberName;
        for (const library of boundLibraries) {
          for (const fn of library.ownFunctions()) if (fn.name === name && (yield* recurse(callableSends(fn, library, library)))) return true;
        }
      }
    }
    return false;
  }
  const sends = (callable: FunctionDefinition | ModifierDefinition, owner: ContractInfo): boolean => runSteps(callableSends(callable, owner, contract));
  return contract.linearization.some(
    (owner) =>
      owner.ownFunctions().some((fn) => sends(fn, owner)) ||
      owner.ownMembers<ModifierDefinition>('ModifierDefinition').some((m) => sends(m, owner)),
  );
}
