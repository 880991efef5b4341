// erc4626-inflation: shares priced as `assets * totalSupply / balanceOf(address(this))` with no virtual shares or
// dead shares, so the first depositor can donate tokens to inflate the share price and round later deposits to 0.

import type { ASTNode, Expression, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { isSelfReference } from '../analysis/entryPoints';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo } from '../project/projectModel';

/** Names of dead-share or virtual-offset mitigations (Uniswap's MINIMUM_LIQUIDITY, OpenZeppelin's offset). */
const MITIGATION_NAME = /MINIMUM_LIQUIDITY|MIN_LIQUIDITY|DEAD_SHARES|_decimalsOffset|VIRTUAL_SHARES|VIRTUAL_ASSETS|MIN_SHARES|INITIAL_SHARES/i;

export default defineRule({
  meta: {
    id: 'erc4626-inflation',
    title: 'Vault shares can be inflated by a donation',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'contract',
    swc: [],
    description:
      'The vault prices shares against its live token balance, which anyone can raise by transferring tokens directly. With an empty vault, the first depositor mints one share, donates a large amount, and every later deposit smaller than the donation rounds down to zero shares while its assets accrue to the attacker\'s share.',
    exploitScenario:
      'The attacker front-runs the first real deposit (10,000 tokens): deposits 1 wei for 1 share, then transfers 10,000 tokens to the vault. The victim\'s `10,000 * 1 / 10,000.000...1` rounds to 0 shares; the attacker redeems the single share for all 20,000 tokens.',
    recommendation:
      'Use OpenZeppelin ERC4626 (virtual shares and assets, optionally a `_decimalsOffset`), mint dead shares on the first deposit, or track assets in a state variable instead of reading `balanceOf(address(this))`.',
    references: ['https://docs.openzeppelin.com/contracts/5.x/erc4626#inflation-attack', 'https://blog.openzeppelin.com/a-novel-defense-against-erc4626-inflation-attacks'],
    messages: { default: 'Shares are priced against `{{balance}}`, which a direct transfer inflates; with no virtual or dead shares the first depositor can steal later deposits.' },
  },
  create(context) {
    const check = (node: ASTNode, numerator: Expression[], denominator: Expression): void => {
      const callable = context.callable();
      const contract = context.contract();
      if (!callable || !contract) return;
      const flow = LocalDataFlow.of(callable);
      const donatable = flow.findSource(denominator, (n) => isOwnBalanceRead(n, contract));
      if (!donatable) return;
      if (!numerator.some((part) => flow.dependsOn(part, isTotalSupply))) return;
      // Skip `(totalSupply + 1) / (totalAssets + 1)`-style virtual offsets, and contracts that mint dead shares.
      if ([...numerator, denominator].some((part) => flow.dependsOn(part, (n) => n.type === 'BinaryOperation' && n.operator === '+'))) return;
      if (hasMitigation(contract)) return;
      context.report({ node, messageId: 'default', data: { balance: context.text(donatable) } });
    };
    return {
      BinaryOperation(node) {
        if (node.operator !== '/') return;
        check(node, [node.left], node.right);
      },
      FunctionCall(node: FunctionCall) {
        // `Math.mulDiv(assets, supply, totalAssets())` and `assets.mulDiv(supply, totalAssets())`.
        if (node.expression.type !== 'MemberAccess' || node.expression.memberName !== 'mulDiv') return;
        const args = node.arguments.length === 3 ? node.arguments : [node.expression.expression, ...node.arguments];
        if (args.length < 3) return;
        check(node, [args[0], args[1]], args[2]);
      },
    };
  },
});

function isTotalSupply(node: ASTNode): boolean {
  if (node.type === 'Identifier') return /^_?totalSupply$/.test(node.name);
  return node.type === 'FunctionCall' && node.arguments.length === 0 && node.expression.type === 'Identifier' && node.expression.name === 'totalSupply';
}

/** `token.balanceOf(address(this))`, or a call to a function of the contract (`totalAssets()`) that returns one. */
function isOwnBalanceRead(node: ASTNode, contract: ContractInfo): boolean {
  if (node.type !== 'FunctionCall') return false;
  if (isBalanceOfThis(node)) return true;
  if (node.expression.type === 'Identifier' && node.arguments.length === 0) {
    const fn = contract.resolveFunction(node.expression.name, 0);
    return !!fn?.node.body && findAll(fn.node.body, isBalanceOfThis).length > 0;
  }
  return false;
}

function isBalanceOfThis(node: ASTNode): boolean {
  if (node.type !== 'FunctionCall' || node.expression.type !== 'MemberAccess' || node.expression.memberName !== 'balanceOf' || node.arguments.length !== 1) return false;
  return isSelfReference(node.arguments[0]);
}

function hasMitigation(contract: ContractInfo): boolean {
  return contract.linearization.some(
    (c) =>
      findAll(c.node, (n) => n.type === 'Identifier' && MITIGATION_NAME.test(n.name)).length > 0 ||
      c.ownFunctions().some((f) => f.name !== null && MITIGATION_NAME.test(f.name)) ||
      c.ownStateVariables().some((v) => v.name !== null && MITIGATION_NAME.test(v.name)),
  );
}
