// tx-origin: `tx.origin` compared against an address for authorisation.

import type { ASTNode, BinaryOperation } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf, isMsgSender } from '../analysis/astQueries';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

/** The largest `&&` / `||` chain (and parentheses) around a comparison: the whole condition it belongs to. */
function conditionAround(node: BinaryOperation, ancestors: readonly ASTNode[]): ASTNode {
  let top: ASTNode = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    const joins = parent.type === 'BinaryOperation' && (parent.operator === '&&' || parent.operator === '||');
    if (!joins && parent.type !== 'TupleExpression') break;
    top = parent;
  }
  return top;
}

/** Every `tx.origin ==` / `!=` comparison in a condition. */
function originComparisons(condition: ASTNode): BinaryOperation[] {
  return findAll(condition, (n): n is BinaryOperation => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=') && (isMemberOf(n.left, 'tx', 'origin') || isMemberOf(n.right, 'tx', 'origin')));
}

function otherSide(cmp: BinaryOperation): ASTNode {
  return isMemberOf(cmp.left, 'tx', 'origin') ? cmp.right : cmp.left;
}

/** `address(0)`, `address(0x0)`, `0`. */
function isZeroAddress(node: ASTNode): boolean {
  if (node.type === 'NumberLiteral') return /^(0+|0x0+)$/i.test(node.number);
  if (node.type !== 'FunctionCall' || node.arguments.length !== 1) return false;
  const callee = node.expression;
  const isAddressConversion = (callee.type === 'ElementaryTypeName' && callee.name === 'address') || (callee.type === 'Identifier' && callee.name === 'address');
  return isAddressConversion && isZeroAddress(node.arguments[0]);
}

export default defineRule({
  meta: {
    id: 'tx-origin',
    title: 'tx.origin used for authorisation',
    severity: 'medium',
    confidence: 'high',
    category: 'access-control',
    scope: 'function',
    swc: ['SWC-115'],
    description:
      '`tx.origin` is the externally owned account that started the transaction, not the immediate caller. A check such as `require(tx.origin == owner)` passes for any contract the owner happens to call.',
    exploitScenario:
      'The attacker gets the owner to call a harmless-looking contract (an airdrop claim, a game). That contract calls `wallet.withdrawAll(attacker)`; inside the wallet `tx.origin == owner` holds, so the funds leave.',
    recommendation: 'Authorise with `msg.sender`. `tx.origin == msg.sender` alone is fine: it only checks that the caller is an EOA.',
    references: ['https://swcregistry.io/docs/SWC-115', 'https://github.com/crytic/slither/wiki/Detector-Documentation#dangerous-usage-of-txorigin'],
    messages: { default: '`tx.origin` is compared for authorisation; use `msg.sender`.' },
    fixable: true,
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (node.operator !== '==' && node.operator !== '!=') return;
        const sides = [node.left, node.right];
        const origin = sides.find((side) => isMemberOf(side, 'tx', 'origin'));
        if (!origin) return;
        const other = origin === node.left ? node.right : node.left;
        // Skip `tx.origin == msg.sender`: that is an EOA check, not authorisation.
        if (isMsgSender(other)) return;
        // Skip a gate for off-chain simulation: a condition that admits `tx.origin == address(0)` (no signed
        // transaction has that origin; `eth_call` does) checks where the call runs, and the other origins it
        // admits in the same condition are the simulators' addresses.
        if (originComparisons(conditionAround(node, context.ancestors())).some((cmp) => isZeroAddress(cmp === node ? other : otherSide(cmp)))) return;
        context.report({
          node: origin,
          messageId: 'default',
          fix: { description: 'Replace `tx.origin` with `msg.sender`', edits: (fixer) => fixer.replace(origin, 'msg.sender') },
        });
      },
    };
  },
});
