// unchecked-arithmetic: `+ - * **` inside `unchecked { }` on values the caller chose (parameters of a public or
// external function) with no comparison bounding them first. Loop counters (`++i`) and pure math helpers stay silent.

import type { ASTNode, Identifier, UncheckedStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { senderCheck } from '../analysis/accessControl';
import { containsNode } from '../analysis/astQueries';
import { isGetterEntryPoint } from '../analysis/entryPoints';
import { arithmeticOperation, isGuarded } from '../analysis/arithmeticGuards';
import { scopeOf } from '../analysis/scope';
import { FunctionTaint } from '../analysis/taint';
import { isValidatedByHelper } from '../analysis/validatedValues';
import { defineRule } from '../engine/ruleApi';
import { childrenOf, findAll } from '../engine/walk';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export default defineRule({
  meta: {
    id: 'unchecked-arithmetic',
    title: 'Caller input in unchecked arithmetic',
    severity: 'medium',
    confidence: 'medium',
    category: 'arithmetic',
    scope: 'reachable',
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
        // Skip internal and private functions: their parameters come from the contract's own code, which owns the
        // bounds; the caller only picks the parameters of public and external functions.
        if (callable.visibility !== 'public' && callable.visibility !== 'external' && callable.visibility !== 'default') return;
        // Skip pure functions: math helpers (mulDiv, average, log2) wrap on purpose and their callers own the bounds.
        if (callable.stateMutability === 'pure') return;
        const contract = context.contract();
        // Medium only where an outsider picks the inputs and the result reaches accounting or a transfer. Low where
        // a checked caller picks them (an owner, a fee manager, a pinned token contract: an overflow is an operator
        // error) or where a getter only returns the result.
        const severity = (contract && senderCheck(callable, contract, context.project)) || isGetterEntryPoint(callable) ? 'low' : undefined;
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

/** Identifiers used in a comparison anywhere, or in arithmetic outside `unchecked` (which reverts on overflow). */
function boundingUses(body: ASTNode, uncheckedBlock: UncheckedStatement): Identifier[] {
  const uncheckedBlocks = findAll(body, (n) => n.type === 'UncheckedStatement');
  const inUnchecked = (node: ASTNode): boolean => uncheckedBlocks.some((b) => containsNode(b, node));
  const uses: Identifier[] = [];
  for (const node of findAll(body, () => true)) {
    if (node.type !== 'BinaryOperation' || containsNode(uncheckedBlock, node)) continue;
    const bounds = COMPARISONS.has(node.operator) || (arithmeticOperation(node) !== undefined && !inUnchecked(node));
    if (bounds) uses.push(...findAll(node, (n): n is Identifier => n.type === 'Identifier'));
  }
  return uses;
}

/** Identifiers whose value takes part in `expr`; an index key (`balances[to]`) only selects a slot. */
function valueIdentifiers(expr: ASTNode): Identifier[] {
  if (expr.type === 'Identifier') return [expr];
  if (expr.type === 'IndexAccess') return valueIdentifiers(expr.base);
  if (expr.type === 'MemberAccess') return valueIdentifiers(expr.expression);
  return childrenOf(expr).flatMap(valueIdentifiers);
}


function before(a: ASTNode, b: ASTNode): boolean {
  return (a.range?.[0] ?? 0) < (b.range?.[0] ?? 0);
}
