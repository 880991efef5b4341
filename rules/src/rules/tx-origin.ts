// tx-origin: `tx.origin` compared against an address for authorisation, or used as an identity: the account a
// transfer, burn or debit takes from, the account a mint or deposit credits, an owner or user stored in state.

import type { ASTNode, BinaryOperation, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf, isMsgSender } from '../analysis/astQueries';
import { originAuthority, readsTxOrigin, type OriginAuthority } from '../analysis/originAuthority';
import { scopeOf } from '../analysis/scope';
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
    severity: 'high',
    confidence: 'high',
    category: 'access-control',
    scope: 'reachable',
    readsComments: true,
    swc: ['SWC-115'],
    description:
      '`tx.origin` is the externally owned account that started the transaction, not the immediate caller. A check such as `require(tx.origin == owner)` passes for any contract the owner happens to call (Medium). Used as an identity it is worse: when `tx.origin` is the account a transfer, burn, approval or debit takes from (`token.transferFrom(tx.origin, to, amount)`, `balances[tx.origin] -= amount`), any contract the user calls spends the user\'s assets (High; Medium when everything paid goes back to the origin). A mint, deposit or stored owner booked to `tx.origin` goes to whoever signed the transaction, not to the contract, router or relayer that called (Medium; Low in a constructor or initializer, where it is the deployer behind a factory). Paying the origin (gas refunds), emitting it, simulation gates (`tx.origin == address(0)`) and EOA checks (`tx.origin == msg.sender`) are not reported.',
    exploitScenario:
      'The attacker gets the owner to call a harmless-looking contract (an airdrop claim, a game). That contract calls `wallet.withdrawAll(attacker)`; inside the wallet `tx.origin == owner` holds, so the funds leave. Against a vault that debits `balances[tx.origin]` and pays `msg.sender`, or a token whose `spendFor` moves `tx.origin`\'s tokens, the same call takes the victim\'s deposit.',
    recommendation: 'Authorise with `msg.sender`, and take from, credit and store `msg.sender` (or an account that signed for it). `tx.origin == msg.sender` alone is fine: it only checks that the caller is an EOA.',
    references: ['https://swcregistry.io/docs/SWC-115', 'https://github.com/crytic/slither/wiki/Detector-Documentation#dangerous-usage-of-txorigin'],
    messages: {
      default: '`tx.origin` is compared for authorisation; use `msg.sender`.',
      originSpent: '`tx.origin` is {{what}}: any contract the user calls can move the user\'s assets; use `msg.sender`.',
      originForcedWithdrawal: '`tx.origin` is {{what}}, paid back to the origin: any contract the user calls can force the withdrawal, not take it; use `msg.sender`.',
      originCredited: '`tx.origin` is {{what}}: the signer of the transaction is credited for what the calling contract paid; use `msg.sender`.',
      originStored: '`tx.origin` is {{what}} as an identity: it names whoever signed the transaction, not the caller; use `msg.sender`.',
      originKeyed: '`tx.origin` is {{what}}: the record is kept for the signer of the transaction, not the caller; use `msg.sender`.',
    },
    fixable: true,
  },
  create(context) {
    // Severity follows what the origin stands for: its assets leaving is High (Medium when they only go back to
    // it); a credit or a stored identity is Medium (Low at deployment); a flag or counter kept for it is Low.
    const report = (use: OriginAuthority, paysOnlyOrigin: boolean, atDeployment: boolean) => {
      const confidence = use.byNameOnly ? 'medium' : 'high';
      const data = { what: use.what };
      switch (use.role) {
        case 'spent':
          if (paysOnlyOrigin) context.report({ node: use.node, messageId: 'originForcedWithdrawal', data, severity: 'medium', confidence });
          else context.report({ node: use.node, messageId: 'originSpent', data, confidence });
          return;
        case 'credited':
          context.report({ node: use.node, messageId: 'originCredited', data, severity: atDeployment ? 'low' : 'medium', confidence });
          return;
        case 'stored':
          context.report({ node: use.node, messageId: 'originStored', data, severity: atDeployment ? 'low' : 'medium', confidence });
          return;
        case 'keyed':
          context.report({ node: use.node, messageId: 'originKeyed', data, severity: 'low', confidence });
      }
    };
    const fileSpellsOrigin = context.file.text.includes('origin');
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        if (!fn.body) return;
        // In a constructor or a one-shot initializer the origin is the deployer: wrong behind a factory, but the
        // deployer chose to deploy, so nothing is taken from anyone.
        const atDeployment = fn.isConstructor || fn.modifiers.some((m) => m.name === 'initializer' || m.name === 'reinitializer' || m.name === 'onlyInitializing');
        // Resolving every call of every function finds nothing where the origin is never read (a file that
        // never spells `origin` cannot read it).
        if (!fileSpellsOrigin || !readsTxOrigin(fn.body)) return;
        const scan = originAuthority(fn, scopeOf(context, fn));
        // A credit booked to the origin in a function that also takes the origin's assets is the origin paying
        // for itself (`transferFrom(tx.origin, …)` then `staked[tx.origin] += …`): the pull is the finding.
        const spends = scan.uses.some((use) => use.role === 'spent');
        for (const use of scan.uses) if (!(spends && use.role === 'credited')) report(use, scan.paysOnlyOrigin, atDeployment);
      },
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
          severity: 'medium',
          fix: { description: 'Replace `tx.origin` with `msg.sender`', edits: (fixer) => fixer.replace(origin, 'msg.sender') },
        });
      },
    };
  },
});
