// erc4626-inflation: shares or an exchange rate priced against the contract's own balance (`balanceOf(address(this))`,
// `address(this).balance`, a `getCash()` helper) with no virtual or dead shares, so the first depositor can donate
// to inflate the share price and round later deposits to 0: ERC4626 vaults, staking pools and Compound-style markets.

import type { ASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { calledName, type Division, divisionOf, hasDonationMitigation, isDonatableBalance, isShareSupply, isVirtualOffset, stateChangingPath } from '../analysis/sharePricing';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';

type MessageId = 'default' | 'exchangeRate';

export default defineRule<MessageId>({
  meta: {
    id: 'erc4626-inflation',
    title: 'Share price can be inflated by a donation',
    severity: 'high',
    confidence: 'medium',
    category: 'defi',
    scope: 'contract',
    swc: [],
    description:
      'The contract prices its shares against its live balance (`token.balanceOf(address(this))`, `address(this).balance`, or a helper such as `totalAssets()` or `getCash()` that returns it), which anyone can raise by transferring tokens directly. This is the ERC4626 inflation attack, and the empty-market attack on Compound-style lending markets, whose exchange rate is `(cash + borrows - reserves) / totalSupply`. With no shares outstanding, the first depositor mints one share, donates a large amount, and every later deposit smaller than the donation rounds down to zero shares while its assets accrue to the attacker\'s share; in a lending market the inflated share is also collateral worth the whole donation.',
    exploitScenario:
      'The attacker front-runs the first real deposit (10,000 tokens): deposits 1 wei for 1 share, then transfers 10,000 tokens to the vault. The victim\'s `10,000 * 1 / 10,000.000...1` rounds to 0 shares; the attacker redeems the single share for all 20,000 tokens. In a freshly listed Compound-fork market (Hundred Finance 2023, Sonne Finance 2024) the attacker instead borrows other assets against the inflated share and leaves with them.',
    recommendation:
      'Use OpenZeppelin ERC4626 (virtual shares and assets, optionally a `_decimalsOffset`), mint dead shares on the first deposit (or seed every new market in the transaction that lists it), or track assets in a state variable instead of reading the contract\'s balance.',
    references: [
      'https://docs.openzeppelin.com/contracts/5.x/erc4626#inflation-attack',
      'https://blog.openzeppelin.com/a-novel-defense-against-erc4626-inflation-attacks',
    ],
    messages: {
      default: 'Shares are priced against `{{balance}}`, which a direct transfer inflates; with no virtual or dead shares the first depositor can steal later deposits.',
      exchangeRate:
        'The exchange rate is `{{balance}}` over the share supply, and `{{user}}` turns amounts into shares by dividing by it; a direct transfer inflates the rate, and with no virtual or dead shares the first depositor can steal later deposits.',
    },
  },
  create(context) {
    const check = (division: Division): void => {
      const callable = context.callable();
      const contract = context.contract();
      if (callable?.type !== 'FunctionDefinition' || !contract) return;
      // Skip pricing that no state change uses (a display-only view): nothing is minted at the inflated price.
      if (!stateChangingPath(context.project, contract).has(callable)) return;
      const flow = LocalDataFlow.of(callable);
      const pricing = pricingOf(division, flow, contract);
      if (!pricing) return;
      // Skip `(totalSupply + 1) / (totalAssets() + 1)`-style virtual offsets, and contracts that mint dead shares.
      if ([...division.numerator, division.denominator].some((part) => flow.dependsOn(part, (n) => isVirtualOffset(n, contract)))) return;
      if (hasDonationMitigation(contract)) return;
      const balance = context.text(pricing.balance);
      if (pricing.kind === 'shares') {
        context.report({ node: division.node, messageId: 'default', data: { balance } });
        return;
      }
      // `balance * 1e18 / totalSupply` is also the pro-rata payout of a withdrawal, which a donation cannot
      // exploit: it is the hazard only when shares are computed by dividing by it (a mint, a `redeemUnderlying`).
      const use = divisionByRate(context.project, contract, division, callable);
      if (!use) return;
      context.report({
        node: division.node,
        messageId: 'exchangeRate',
        data: { balance, user: functionLabel(use.fn) },
        related: [{ node: use.division.node, message: 'Shares are computed by dividing by the rate here.', file: use.file === context.file ? undefined : use.file }],
      });
    };
    return {
      BinaryOperation(node) {
        const division = divisionOf(node);
        if (division) check(division);
      },
      FunctionCall(node) {
        const division = divisionOf(node);
        if (division) check(division);
      },
    };
  },
});

/**
 * What a division prices against a donatable balance: shares (`assets * totalSupply / balance`) or an exchange
 * rate (`balance * 1e18 / totalSupply`), with the balance read it depends on.
 */
function pricingOf(division: Division, flow: LocalDataFlow, contract: ContractInfo): { kind: 'shares' | 'rate'; balance: ASTNode } | undefined {
  const isBalance = (n: ASTNode): boolean => isDonatableBalance(n, contract);
  const inDenominator = flow.findSource(division.denominator, isBalance);
  if (inDenominator) {
    return division.numerator.some((part) => flow.dependsOn(part, isShareSupply)) ? { kind: 'shares', balance: inDenominator } : undefined;
  }
  const inNumerator = division.numerator.map((part) => flow.findSource(part, isBalance)).find((n) => n !== undefined);
  return inNumerator && flow.dependsOn(division.denominator, isShareSupply) ? { kind: 'rate', balance: inNumerator } : undefined;
}

function functionLabel(fn: FunctionDefinition): string {
  if (fn.isConstructor) return 'the constructor';
  if (fn.isReceiveEther) return 'receive()';
  return fn.name ? `${fn.name}()` : 'fallback()';
}

/**
 * A division on a state-changing path whose divisor is the rate `rate` computes: `rate` itself through locals
 * when both sit in one function, else a call to the function `rate` is written in (`exchangeRateStored()`).
 */
function divisionByRate(
  project: ProjectModel,
  contract: ContractInfo,
  rate: Division,
  rateFunction: FunctionDefinition,
): { division: Division; fn: FunctionDefinition; file: SourceFile } | undefined {
  for (const { node: fn, owner } of contract.functions()) {
    if (!fn.body || !stateChangingPath(project, contract).has(fn)) continue;
    const flow = LocalDataFlow.of(fn);
    const isRate = (n: ASTNode): boolean => n === rate.node || (fn !== rateFunction && calledName(n) === rateFunction.name);
    for (const node of findAll(fn.body, (n) => n.type === 'BinaryOperation' || n.type === 'FunctionCall')) {
      const division = divisionOf(node);
      if (division && division.node !== rate.node && flow.dependsOn(division.denominator, isRate)) return { division, fn, file: owner.file };
    }
  }
  return undefined;
}
