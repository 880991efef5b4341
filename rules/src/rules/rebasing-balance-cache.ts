// rebasing-balance-cache: a contract stores its own token balance (`token.balanceOf(address(this))`) in a state
// variable and other functions read that copy as the truth; rebasing tokens change the real balance silently.

import type { ASTNode, FunctionCall, FunctionDefinition, Identifier, VariableDeclaration, VariableDeclarationStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { isAnalysedContract, isSelfReference } from '../analysis/entryPoints';
import { scopeOf } from '../analysis/scope';
import { stateWrites } from '../analysis/stateAccess';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

function isOwnBalanceCall(node: ASTNode): node is FunctionCall {
  return node.type === 'FunctionCall' && node.expression.type === 'MemberAccess' && node.expression.memberName === 'balanceOf' && node.arguments.length === 1 && isSelfReference(node.arguments[0]);
}

/** Locals of `fn` initialised from the contract's own token balance (`uint256 bal = token.balanceOf(address(this))`). */
function balanceLocals(fn: FunctionDefinition): Set<string> {
  const out = new Set<string>();
  for (const statement of findAll(fn.body ?? fn, (n): n is VariableDeclarationStatement => n.type === 'VariableDeclarationStatement')) {
    if (!statement.initialValue || findAll(statement.initialValue, isOwnBalanceCall).length === 0) continue;
    for (const v of statement.variables as (VariableDeclaration | null)[]) if (v?.name) out.add(v.name);
  }
  return out;
}

/** Whether a written value is (or is computed from) the own balance. Only `=` counts: `+=` adjusts a ledger. */
function copiesBalance(write: ASTNode, locals: Set<string>): boolean {
  if (write.type !== 'BinaryOperation' || write.operator !== '=') return false;
  const value = write.right;
  return findAll(value, isOwnBalanceCall).length > 0 || findAll(value, (n): n is Identifier => n.type === 'Identifier' && locals.has(n.name)).length > 0;
}

export default defineRule({
  meta: {
    id: 'rebasing-balance-cache',
    title: 'Own token balance cached in storage',
    severity: 'medium',
    confidence: 'low',
    category: 'tokens',
    scope: 'contract',
    swc: [],
    description:
      'Rebasing tokens (stETH, AMPL, aTokens) change every holder\'s balance without a transfer, and anyone can send tokens to a contract directly. A contract that copies `token.balanceOf(address(this))` into a state variable and later computes shares, prices or payouts from the copy works with a stale number: positive rebases are stolen by whoever acts first, negative ones make the last withdrawals fail.\n\nConfidence is low: a contract that only handles a known, non-rebasing token, or that re-syncs the copy before every use, is fine.',
    exploitScenario:
      'A staking pool records `totalStaked = stETH.balanceOf(address(this))` at each deposit and pays rewards from `totalStaked`. After a positive rebase the real balance exceeds the copy; the attacker deposits, triggers the re-sync that books the whole rebase as their reward, and withdraws it.',
    recommendation:
      'Read `balanceOf(address(this))` where the value is needed, or keep an internal ledger updated only by the amounts actually transferred (measured as balance differences), and document which tokens are supported. For rebasing tokens, use their wrapped non-rebasing form (wstETH).',
    references: ['https://github.com/d-xo/weird-erc20#balance-modifications-outside-of-transfers-rebasingairdrops'],
    messages: { default: '`{{variable}}` stores a copy of this contract\'s token balance and is read in `{{reader}}`; rebasing or direct transfers make the copy stale.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        const contract = context.contract();
        if (!fn.body || !isAnalysedContract(contract)) return;
        const locals = balanceLocals(fn);
        const scope = scopeOf(context, fn);
        for (const write of stateWrites(fn.body, scope)) {
          if (!copiesBalance(write.node, locals)) continue;
          const name = write.variable.name;
          // "Used later as truth": another function of the hierarchy reads the copy.
          const reader = contract.functions().find((m) => m.node !== fn && m.node.body && findAll(m.node.body, (n): n is Identifier => n.type === 'Identifier' && n.name === name).length > 0);
          if (!reader) continue;
          context.report({ node: write.node, messageId: 'default', data: { variable: name, reader: reader.node.name || 'fallback' } });
        }
      },
    };
  },
});
