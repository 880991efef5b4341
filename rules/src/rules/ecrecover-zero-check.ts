// ecrecover-zero-check: the address `ecrecover` returns is trusted without ruling out `address(0)`, which is
// what `ecrecover` returns for an invalid signature.

import type { ASTNode, Expression, FunctionCall, FunctionDefinition, ModifierDefinition, VariableDeclaration } from '@solidity-parser/parser/dist/src/ast-types';
import { isMsgSender } from '../analysis/astQueries';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { memoize } from '../analysis/analysisCache';
import { calleeName, classifyCall } from '../analysis/calls';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { isEcrecover, signerSetExcludesZero, zeroCheckedTexts } from '../analysis/signatureRecovery';
import { stateVariableOf, storagePointers } from '../analysis/stateAccess';
import { defineRule } from '../engine/ruleApi';
import { findAll, walk } from '../engine/walk';
import type { ProjectModel } from '../project/projectModel';

export default defineRule({
  meta: {
    id: 'ecrecover-zero-check',
    title: 'ecrecover result not checked against address(0)',
    severity: 'medium',
    confidence: 'medium',
    category: 'signatures',
    scope: 'contract',
    readsComments: true,
    swc: ['SWC-117'],
    description:
      '`ecrecover` does not revert on an invalid signature: it returns `address(0)`. Code that compares the result with an expected signer accepts garbage signatures whenever that signer is `address(0)`: an unset owner, or an `owner` parameter the caller picks.',
    exploitScenario:
      'A `permit(owner, spender, value, deadline, v, r, s)` checks `ecrecover(digest, v, r, s) == owner`. The attacker calls it with `owner = address(0)` and random `v, r, s`: both sides are zero, the check passes and the attacker gets an allowance from the zero address (tokens burned to it, or a mis-set admin slot).',
    recommendation: 'Require `recovered != address(0)` before using the result, or use OpenZeppelin `ECDSA.recover`, which reverts on invalid signatures.',
    references: ['https://swcregistry.io/docs/SWC-117', 'https://docs.openzeppelin.com/contracts/5.x/api/utils#ECDSA'],
    messages: {
      default: '`ecrecover` returns `address(0)` for an invalid signature and the result is used without a zero check.',
      helper: '`{{helper}}` returns what `ecrecover` returns, `address(0)` for an invalid signature, and the result is used without a zero check.',
    },
  },
  create(context) {
    const check = (callable: FunctionDefinition | ModifierDefinition): void => {
      if (!callable.body) return;
      const scope = scopeOf(context, callable);
      const textOf = (node: ASTNode): string => context.text(node).replace(/\s+/g, '');
      // Only a call by the name of a function that calls ecrecover can be a helper handing back its result:
      // resolving every call of every function for this rule alone was a large part of the cold scan.
      const helperNames = ecrecoverCallerNames(context.project);
      const ecrecovers: FunctionCall[] = [];
      const helperCalls = new Set<FunctionCall>();
      walk(callable.body, {
        enter: (n) => {
          if (isEcrecover(n)) ecrecovers.push(n);
          if (n.type === 'FunctionCall' && helperNames.has(calleeName(n) ?? '') && returnsRawEcrecover(n, scope)) helperCalls.add(n);
        },
        exit: () => undefined,
      });
      if (ecrecovers.length === 0 && helperCalls.size === 0) return;
      const zeroChecked = zeroCheckedTexts(callable.body, scope, textOf);
      for (const call of [...ecrecovers, ...helperCalls]) {
        const uses = usesOf(call, callable);
        // Skip a helper that only returns the result: its callers decide whether to check.
        if (uses.length === 0) continue;
        const safe = uses.some((use) => {
          if (zeroChecked.has(textOf(use.value))) return true;
          // A signer-set lookup finds nothing for address(0) when no entry can be added under it.
          if (use.keyOf) return signerSetExcludesZero(use.keyOf, scope);
          const other = use.comparedWith;
          if (!other) return false;
          // msg.sender is never address(0), a compared value that was itself zero-checked is fine, and an address
          // cut from a hash (`address(uint160(uint256(keccak256(...))))`) is zero only for a preimage nobody has.
          return isMsgSender(other) || zeroChecked.has(textOf(other)) || !!LocalDataFlow.of(callable).findSource(other, isHashCall);
        });
        if (safe) continue;
        // A stored signer or signer set is zero only when its owner configured it so: a Low, uncertain finding.
        const stored = uses.some((u) => !!u.keyOf || (!!u.comparedWith && !!stateVariableOf(u.comparedWith, scope, storagePointers(scope))));
        const viaHelper = helperCalls.has(call);
        context.report({
          node: call,
          messageId: viaHelper ? 'helper' : 'default',
          data: viaHelper ? { helper: context.text(call.expression) } : undefined,
          confidence: stored ? 'low' : undefined,
          severity: stored ? 'low' : undefined,
        });
      }
    };
    return { FunctionDefinition: check, ModifierDefinition: check };
  },
});

/** Names of the project's functions whose bodies call `ecrecover`, from one walk of each file that names it. */
function ecrecoverCallerNames(project: ProjectModel): Set<string> {
  return memoize(project, 'ecrecover-zero-check.callerNames', project, () => {
    const names = new Set<string>();
    for (const file of project.files()) {
      if (!file.ast || !file.text.includes('ecrecover')) continue;
      walk(file.ast, {
        enter: (node, ancestors) => {
          if (!isEcrecover(node)) return;
          for (const enclosing of ancestors) if (enclosing.type === 'FunctionDefinition' && enclosing.name) names.add(enclosing.name);
        },
        exit: () => undefined,
      });
    }
    return names;
  });
}

/**
 * A call of an internal helper that hands back a raw `ecrecover` result (`return ecrecover(digest, v, r, s);`):
 * the helper leaves the zero check to its callers, so the call is judged like `ecrecover` itself.
 */
function returnsRawEcrecover(node: FunctionCall, scope: FunctionScope): boolean {
  const call = classifyCall(node, scope);
  const helper = call.kind === 'internal' ? call.resolved?.node : undefined;
  if (!helper?.body || helper === scope.callable) return false;
  return findAll(helper.body, isEcrecover).some((ecrecover) => usesOf(ecrecover, helper).length === 0 && returnsOneAddress(helper));
}

/** Whether the helper returns one address: the recovered one, since `usesOf` found it only returned. */
function returnsOneAddress(helper: FunctionDefinition): boolean {
  const returns = helper.returnParameters ?? [];
  return returns.length === 1 && returns[0].typeName?.type === 'ElementaryTypeName' && returns[0].typeName.name.startsWith('address');
}

interface ResultUse {
  /** The expression holding the recovered address: the call itself or the local it was stored in. */
  value: Expression;
  /** The other side when the value is compared with `==` / `!=`. */
  comparedWith?: Expression;
  /** The mapping the value indexes when it is looked up in one (`signers[recovered]`). */
  keyOf?: Expression;
}

/** Where the recovered address goes: comparisons of the call or of the locals it is stored in, and other reads. */
function usesOf(call: FunctionCall, callable: FunctionDefinition | ModifierDefinition): ResultUse[] {
  const body = callable.body as ASTNode;
  const holders = new Set<string>();
  for (const node of findAll(body, () => true)) {
    if (node.type === 'VariableDeclarationStatement' && node.initialValue === call) {
      for (const v of node.variables as (VariableDeclaration | null)[]) if (v?.name) holders.add(v.name);
    }
    if (node.type === 'BinaryOperation' && node.operator === '=' && node.right === call && node.left.type === 'Identifier') holders.add(node.left.name);
  }
  const uses: ResultUse[] = [];
  for (const node of findAll(body, () => true)) {
    if (node.type !== 'BinaryOperation' || (node.operator !== '==' && node.operator !== '!=')) continue;
    for (const [side, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      if (side === call || (side.type === 'Identifier' && holders.has(side.name))) uses.push({ value: side, comparedWith: other });
    }
  }
  for (const node of findAll(body, (n) => n.type === 'IndexAccess')) {
    if (node.type !== 'IndexAccess' || !node.index) continue;
    const index = node.index;
    if (index === call || (index.type === 'Identifier' && holders.has(index.name))) uses.push({ value: index, keyOf: node.base });
  }
  if (uses.length > 0) return uses;
  // Not compared: used some other way (assigned to state, passed on) unless it is only returned.
  const returned = findAll(body, (n) => n.type === 'ReturnStatement').some(
    (r) => r.type === 'ReturnStatement' && !!r.expression && (r.expression === call || (r.expression.type === 'Identifier' && holders.has(r.expression.name))),
  );
  const returnsIntoNamedResult = callable.type === 'FunctionDefinition' && (callable.returnParameters ?? []).some((p) => p.name && holders.has(p.name));
  if (returned || returnsIntoNamedResult) return [];
  return [{ value: call }];
}

function isHashCall(node: ASTNode): boolean {
  return node.type === 'FunctionCall' && node.expression.type === 'Identifier' && (node.expression.name === 'keccak256' || node.expression.name === 'sha256');
}
