// forced-ether-balance: `address(this).balance` compared with a stored target or cap to decide control flow.
// ETH can be forced in (selfdestruct, coinbase rewards, pre-deployment sends), so the balance is not a record
// of what users paid. Strict equality is incorrect-equality's finding; a balance checked against an amount
// about to be paid (`balance >= amount`) is a funds check and stays silent.

import type { ASTNode, BinaryOperation } from '@solidity-parser/parser/dist/src/ast-types';
import { isMemberOf } from '../analysis/astQueries';
import { isSelfReference } from '../analysis/entryPoints';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';

const ORDERINGS = new Set(['<', '<=', '>', '>=']);

export default defineRule({
  meta: {
    id: 'forced-ether-balance',
    title: 'Logic depends on the contract\'s ETH balance',
    severity: 'medium',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'function',
    swc: ['SWC-132'],
    description:
      'The contract compares `address(this).balance` with a target, cap or threshold held in storage. Anyone can raise that balance without calling the contract, through `selfdestruct` (still possible within a creation transaction), a coinbase payment, or a transfer to the address before deployment, and so push the contract past the threshold.',
    exploitScenario:
      'A game accepts 1 ETH per move and declares the player who brings the balance to `targetAmount` the winner, rejecting moves once `address(this).balance > targetAmount`. The attacker force-sends ETH past the target with a self-destructing contract: no move can ever be accepted again and the pot is stuck.',
    recommendation: 'Track deposits in a state variable (`totalDeposited += msg.value`) and compare that; treat any extra balance as a surplus that no logic depends on.',
    references: ['https://swcregistry.io/docs/SWC-132', 'https://consensys.github.io/smart-contract-best-practices/attacks/force-feeding/'],
    messages: { default: '`address(this).balance` is compared with `{{threshold}}`; ETH forced into the contract moves it past the threshold.' },
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (!ORDERINGS.has(node.operator)) return;
        const callable = context.callable();
        if (!callable) return;
        const flow = LocalDataFlow.of(callable);
        const scope = scopeOf(context, callable);
        const isBalance = (n: ASTNode): boolean => n.type === 'MemberAccess' && n.memberName === 'balance' && isSelfReference(n.expression);
        const leftBalance = flow.dependsOn(node.left, isBalance);
        const rightBalance = flow.dependsOn(node.right, isBalance);
        if (leftBalance === rightBalance) return;
        const other = leftBalance ? node.right : node.left;
        // Skip funds checks against an amount about to move (a parameter, a local, msg.value): not a stored target.
        if (flow.dependsOn(other, (n) => (n.type === 'Identifier' && flow.declaration(n.name) !== undefined) || isMemberOf(n, 'msg', 'value'))) return;
        const stored = flow.findSource(other, (n) => n.type === 'Identifier' && !!scope.stateVariable(n.name, n));
        if (!stored || stored.type !== 'Identifier') return;
        context.report({ node, messageId: 'default', data: { threshold: stored.name } });
      },
    };
  },
});
