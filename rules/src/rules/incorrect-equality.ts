// incorrect-equality: `==` / `!=` on an ETH or token balance, which anyone can change by sending funds.

import type { ASTNode, BinaryOperation, Expression } from '@solidity-parser/parser/dist/src/ast-types';
import { alwaysTerminates } from '../analysis/effects';
import { isSelfReference } from '../analysis/entryPoints';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { isAddressType, scopeOf, type FunctionScope } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';

interface BalanceRead {
  node: Expression;
  /** The balance of the contract itself, which a donation or `selfdestruct` can change. */
  ofThisContract: boolean;
  label: string;
}

export default defineRule({
  meta: {
    id: 'incorrect-equality',
    title: 'Strict equality on a balance',
    severity: 'medium',
    confidence: 'medium',
    category: 'tokens',
    scope: 'function',
    swc: ['SWC-132'],
    description:
      'An ETH balance can grow without the contract\'s consent (`selfdestruct`, block rewards, a transfer before deployment) and a token balance can grow by a plain `transfer`. Logic that needs the balance to equal an expected amount exactly breaks as soon as someone sends one wei or one token unit.',
    exploitScenario:
      'A crowdfund finalises only `if (address(this).balance == goal)`. The attacker force-sends 1 wei with `selfdestruct`; the balance skips over the goal, the condition never holds again and the funds are stuck.',
    recommendation: 'Compare with `>=` / `<=`, or track deposits in a state variable and compare that instead of the live balance.',
    references: [
      'https://swcregistry.io/docs/SWC-132',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#dangerous-strict-equalities',
    ],
    messages: { default: '`{{operator}}` on {{balance}}: a transfer or forced ETH makes the exact value unreachable; compare with `>=`/`<=`.' },
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (node.operator !== '==' && node.operator !== '!=') return;
        const scope = scopeOf(context);
        const flow = scope.callable ? LocalDataFlow.of(scope.callable) : undefined;
        const reads = [node.left, node.right].map((side) => balanceReadOf(side, scope, flow));
        const index = reads.findIndex((r) => r !== undefined);
        if (index < 0) return;
        const read = reads[index] as BalanceRead;
        const other = index === 0 ? node.right : node.left;
        // Skip `balanceOf(user) == 0`: "holds nothing" on an account is not something a donation breaks for the
        // account's owner, while the contract's own balance being exactly zero can be griefed.
        if (!read.ofThisContract && isZero(other) && reads[1 - index] === undefined) return;
        // Skip a zero check whose zero side stops the call (`if (balance == 0) revert`, `require(balance != 0)`): a
        // donation only lets the call go on with what was sent; it cannot make a needed value unreachable.
        if (isZero(other) && zeroStops(node, context.ancestors())) return;
        // Skip a before/after comparison inside one call (`balanceOf(to) == before + amount`, `address(this).balance
        // == balanceBefore`): nobody can donate between the two reads, and an exact delta is the point.
        if (reads[1 - index] !== undefined || (flow && flow.dependsOn(other, (n) => isBalanceSnapshot(n, scope, flow)))) return;
        context.report({
          node,
          messageId: 'default',
          data: { operator: node.operator, balance: read.label },
          // `balance == 0` is mostly a division guard that a donation merely skips; a target amount is the real trap.
          confidence: read.ofThisContract && !isZero(other) ? undefined : 'low',
        });
      },
    };
  },
});

/** A balance read in `expr` itself, or in the value of a local it names. */
function balanceReadOf(expr: Expression, scope: FunctionScope, flow: LocalDataFlow | undefined): BalanceRead | undefined {
  const direct = directBalanceRead(expr, scope);
  if (direct) return direct;
  // Skip parameters: the caller's value is another definition (`if (amount == max) amount = balanceOf(this)`).
  if (expr.type === 'Identifier' && flow?.declaration(expr.name) && !flow.isParameter(expr.name)) {
    const values = flow.definitionsOf(expr.name);
    const reads = values.map((v) => directBalanceRead(v, scope));
    // Only a local that holds nothing but the contract's own balance counts: `remaining = goal - balance` is a
    // different quantity, and a user's balance kept in a local is usually an index (ERC721Enumerable's last slot).
    if (reads.length > 0 && reads.every((r) => r?.ofThisContract)) return reads[0];
  }
  return undefined;
}

function directBalanceRead(expr: ASTNode, scope: FunctionScope): BalanceRead | undefined {
  if (expr.type === 'MemberAccess' && expr.memberName === 'balance') {
    const owner = expr.expression;
    const ofThis = isSelfReference(owner);
    // Skip `account.balance` on a struct: only an address has an ETH balance.
    if (!ofThis && !isAddressConversion(owner) && !isAddressType(scope.typeOf(owner))) return undefined;
    return { node: expr as Expression, ofThisContract: ofThis, label: ofThis ? '`address(this).balance`' : 'an ETH balance' };
  }
  if (expr.type === 'FunctionCall') {
    const callee = expr.expression;
    const name = callee.type === 'MemberAccess' ? callee.memberName : callee.type === 'Identifier' ? callee.name : undefined;
    if (name !== 'balanceOf' || expr.arguments.length === 0 || expr.arguments.length > 2) return undefined;
    const ofThis = isSelfReference(expr.arguments[0]);
    return { node: expr, ofThisContract: ofThis, label: ofThis ? '`balanceOf(address(this))`' : 'a token balance' };
  }
  return undefined;
}

/** A local of the function that holds a balance read earlier (`uint256 before = token.balanceOf(to)`). */
function isBalanceSnapshot(node: ASTNode, scope: FunctionScope, flow: LocalDataFlow): boolean {
  if (node.type !== 'Identifier' || !flow.declaration(node.name) || flow.isParameter(node.name)) return false;
  return flow.definitionsOf(node.name).some((value) => directBalanceRead(value, scope) !== undefined);
}

/**
 * Whether the call stops when the balance is zero: the comparison is the whole condition of a `require`/`assert`
 * written `!= 0`, or of an `if` written `== 0` whose body always returns or reverts.
 */
function zeroStops(comparison: BinaryOperation, ancestors: readonly ASTNode[]): boolean {
  let child: ASTNode = comparison;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (parent.type === 'TupleExpression' && !parent.isArray && parent.components.length === 1) {
      child = parent;
      continue;
    }
    if (parent.type === 'IfStatement') return parent.condition === child && comparison.operator === '==' && alwaysTerminates(parent.trueBody);
    if (parent.type === 'FunctionCall' && parent.expression.type === 'Identifier' && (parent.expression.name === 'require' || parent.expression.name === 'assert')) {
      return parent.arguments[0] === child && comparison.operator === '!=';
    }
    return false;
  }
  return false;
}

function isAddressConversion(expr: ASTNode): boolean {
  if (expr.type !== 'FunctionCall' || expr.arguments.length !== 1) return false;
  const callee = expr.expression;
  // The parser gives `address(x)` either an ElementaryTypeName or an Identifier callee depending on context.
  const name = callee.type === 'ElementaryTypeName' || callee.type === 'Identifier' ? callee.name : undefined;
  return name === 'address' || name === 'payable';
}

function isZero(expr: Expression): boolean {
  return expr.type === 'NumberLiteral' && Number(expr.number) === 0;
}
