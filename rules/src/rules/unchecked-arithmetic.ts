// unchecked-arithmetic: `+ - * **` inside `unchecked { }` on values the caller chose (parameters of a public or
// external function, or of an internal helper such a function hands them to unchecked) with no comparison bounding
// them first. Loop counters (`++i`) and pure math helpers stay silent.

import type { ASTNode, FunctionCall, FunctionDefinition, Identifier, UncheckedStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { senderCheck } from '../analysis/accessControl';
import { memoize } from '../analysis/analysisCache';
import { containsNode } from '../analysis/astQueries';
import { isGetterEntryPoint } from '../analysis/entryPoints';
import { arithmeticOperation, isGuarded } from '../analysis/arithmeticGuards';
import { FunctionScope, scopeOf } from '../analysis/scope';
import { contractsSharingState } from '../analysis/stateVariableUsage';
import { FunctionTaint } from '../analysis/taint';
import { isValidatedByHelper } from '../analysis/validatedValues';
import { defineRule } from '../engine/ruleApi';
import { nodeRange } from '../engine/runRules';
import { childrenOf, findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export default defineRule({
  meta: {
    id: 'unchecked-arithmetic',
    title: 'Caller input in unchecked arithmetic',
    severity: 'medium',
    confidence: 'medium',
    category: 'arithmetic',
    scope: 'hierarchy',
    swc: ['SWC-101'],
    description:
      '`unchecked { }` turns off Solidity 0.8 overflow checks. That is safe only when an earlier check proves the operation cannot wrap; on a parameter nothing has bounded, the caller picks a value that overflows or underflows. Reported Medium where any caller picks the input; Low where only a checked caller (owner, role, a pinned contract) does, or where a getter only returns the result.',
    exploitScenario:
      'A vault writes `unchecked { shares[msg.sender] -= amount; }` to save gas, without checking `amount <= shares[msg.sender]`. The attacker withdraws more than they hold: the subtraction wraps to nearly 2**256 shares, which they then redeem for the whole vault.',
    recommendation:
      'Check the bound before the block (`if (amount > balance) revert ...`) or move the operation out of `unchecked`. Keep `unchecked` for loop counters and operations an explicit check has made safe.',
    references: ['https://docs.soliditylang.org/en/latest/control-structures.html#checked-or-unchecked-arithmetic', 'https://swcregistry.io/docs/SWC-101'],
    messages: { default: '`{{operator}}` on `{{input}}` inside `unchecked` is not bounded by any check: the caller can make it {{direction}}.' },
  },
  create(context) {
    return {
      UncheckedStatement(block: UncheckedStatement) {
        const callable = context.callable();
        if (!callable?.body || callable.type !== 'FunctionDefinition') return;
        // Skip pure functions: math helpers (mulDiv, average, log2) wrap on purpose and their callers own the bounds.
        if (callable.stateMutability === 'pure') return;
        const contract = context.contract();
        const entry = callable.visibility === 'public' || callable.visibility === 'external' || callable.visibility === 'default';
        // An internal or private helper's parameters come from the contract's own code: reported only where a public
        // or external function of the contract (or of one built on it) hands it its caller's input unchecked.
        const entryCalls = entry || !contract ? [] : uncheckedEntryCalls(callable, contract, context.project);
        if (!entry && entryCalls.length === 0) return;
        // Medium only where an outsider picks the inputs and the result reaches accounting or a transfer. Low where
        // a checked caller picks them (an owner, a fee manager, a pinned token contract: an overflow is an operator
        // error) or where a getter only returns the result.
        const lowEntry = (fn: FunctionDefinition, owner: ContractInfo): boolean => !!senderCheck(fn, owner, context.project) || isGetterEntryPoint(fn);
        const severity = entry
          ? (contract && senderCheck(callable, contract, context.project)) || isGetterEntryPoint(callable) ? 'low' : undefined
          : entryCalls.every((c) => lowEntry(c.fn, c.contract)) ? 'low' : undefined;
        const scope = scopeOf(context, callable);
        const taint = new FunctionTaint(scope, { parameters: true, msgValue: true });
        const textOf = (node: ASTNode): string => context.text(node).replace(/\s+/g, '');
        const checkedUses = boundingUses(callable.body, block);

        for (const node of findAll(block.block, () => true)) {
          const op = arithmeticOperation(node);
          if (!op) continue;
          const inputs = [op.left, op.right].flatMap((side) => valueIdentifiers(side).filter((id) => taint.isTainted(id)));
          if (!taint.isTainted(op.left) && !taint.isTainted(op.right)) continue;
          if (isGuarded(op, callable, textOf)) continue;
          // Skip inputs an earlier comparison or checked operation already bounded (OpenZeppelin's ERC20 `_update`).
          // Skip inputs handed to a validation helper first (ERC721A's `_packedOwnershipOf(tokenId)` before `tokenId + 1`).
          const unbounded = inputs.filter(
            (id) =>
              !checkedUses.some((use) => use.name === id.name && before(use, op.node)) &&
              !(contract && isValidatedByHelper(id.name, op.node, callable, contract, context.project, context.text)),
          );
          if (inputs.length > 0 && unbounded.length === 0) continue;
          // In a helper, only the parameters an entry point passes its caller's input to count.
          if (!entry && !unbounded.some((id) => entryCalls.some((c) => c.parameter === id.name || taint.scope.resolve(id.name, id)?.kind === 'local'))) continue;
          context.report({
            node: op.node,
            messageId: 'default',
            severity,
            data: {
              operator: op.node.operator,
              input: unbounded[0]?.name ?? 'msg.value',
              direction: op.operator === '-' ? 'underflow' : 'overflow',
            },
          });
        }
      },
    };
  },
});

interface EntryCall {
  fn: FunctionDefinition;
  contract: ContractInfo;
  /** The helper's parameter that receives the caller's unchecked input. */
  parameter: string;
}

/**
 * Calls of the internal helper `helper` from public or external functions of `contract` or of contracts built on it
 * that pass their caller's input (a parameter or `msg.value`) with no comparison or checked arithmetic on it before
 * the call: the helper's parameter is then as caller-chosen as the entry point's.
 */
function uncheckedEntryCalls(helper: FunctionDefinition, contract: ContractInfo, project: ProjectModel): EntryCall[] {
  // Once per helper, not per unchecked block in it: the search walks every public function built on the contract.
  // The helper decides `contract` (its own).
  return memoize(project, 'unchecked-arithmetic.entryCalls', helper, () => searchEntryCalls(helper, contract, project));
}

function searchEntryCalls(helper: FunctionDefinition, contract: ContractInfo, project: ProjectModel): EntryCall[] {
  if (!helper.name) return [];
  const found: EntryCall[] = [];
  for (const owner of contractsSharingState(project, contract)) {
    if (owner.resolveFunction(helper.name, helper.parameters.length)?.node !== helper) continue;
    for (const { node: fn, owner: declaring } of owner.functions()) {
      if (!fn.body || !['public', 'external', 'default'].includes(fn.visibility) || fn.stateMutability === 'pure') continue;
      const calls = findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && n.expression.name === helper.name && n.arguments.length === helper.parameters.length);
      if (calls.length === 0) continue;
      const scope = new FunctionScope(project, declaring.file, owner, fn);
      const taint = new FunctionTaint(scope, { parameters: true, msgValue: true });
      // The entry point may sit in another file than the helper (a contract built on it): read its own text.
      const text = (node: ASTNode): string => declaring.file.text.slice(...nodeRange(node));
      const checked = boundingUses(fn.body, undefined);
      for (const call of calls) {
        call.arguments.forEach((arg, index) => {
          const parameter = helper.parameters[index]?.name;
          if (!parameter || !taint.isTainted(arg)) return;
          const ids = valueIdentifiers(arg).filter((id) => taint.isTainted(id) || id.name === 'msg');
          const bounded = ids.length > 0 && ids.every((id) => checked.some((use) => use.name === id.name && before(use, call)));
          if (!bounded && !isValidatedByHelper(text(arg).replace(/\s+/g, ''), call, fn, owner, project, text)) found.push({ fn, contract: owner, parameter });
        });
      }
    }
  }
  return found;
}

/** Identifiers used in a comparison anywhere, or in arithmetic outside `unchecked` (which reverts on overflow). */
function boundingUses(body: ASTNode, uncheckedBlock: UncheckedStatement | undefined): Identifier[] {
  const uncheckedBlocks = findAll(body, (n) => n.type === 'UncheckedStatement');
  const inUnchecked = (node: ASTNode): boolean => uncheckedBlocks.some((b) => containsNode(b, node));
  const uses: Identifier[] = [];
  for (const node of findAll(body, () => true)) {
    if (node.type !== 'BinaryOperation' || (uncheckedBlock && containsNode(uncheckedBlock, node))) continue;
    const bounds = COMPARISONS.has(node.operator) || (arithmeticOperation(node) !== undefined && !inUnchecked(node));
    if (bounds) uses.push(...findAll(node, (n): n is Identifier => n.type === 'Identifier'));
  }
  return uses;
}

/** Identifiers whose value takes part in `expr`; an index key (`balances[to]`) only selects a slot. */
function valueIdentifiers(expr: ASTNode): Identifier[] {
  // An explicit stack, not recursion (operand chains can be thousands long); children are pushed last first so
  // the identifiers come out in source order.
  const out: Identifier[] = [];
  const pending = [expr];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'Identifier') out.push(next);
    else if (next.type === 'IndexAccess') pending.push(next.base);
    else if (next.type === 'MemberAccess') pending.push(next.expression);
    else pending.push(...childrenOf(next).reverse());
  }
  return out;
}


function before(a: ASTNode, b: ASTNode): boolean {
  return (a.range?.[0] ?? 0) < (b.range?.[0] ?? 0);
}
