// erc20-approve-race: a token's own `approve` overwrites a non-zero allowance in place. Approves that delegate
// to an `_approve` helper (OpenZeppelin ERC20 and its descendants) are the standard behaviour and stay silent.

import type { ASTNode, BinaryOperation, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

export default defineRule({
  meta: {
    id: 'erc20-approve-race',
    title: 'approve overwrites a non-zero allowance',
    severity: 'low',
    confidence: 'low',
    category: 'tokens',
    scope: 'function',
    swc: ['SWC-114'],
    description:
      'ERC-20 `approve` replaces the allowance. When an owner lowers an allowance from N to M, the spender can front-run the change: spend N first, then spend M once the new approval lands, N + M in total. The standard accepts this; custom tokens can refuse a change between two non-zero values.',
    exploitScenario:
      'Alice approved Bob for 100 and now sends `approve(bob, 50)`. Bob sees it in the mempool, front-runs it with `transferFrom(alice, bob, 100)`, and after Alice\'s transaction spends the fresh 50 too: 150 instead of at most 100.',
    recommendation:
      'Require the current allowance or the new value to be zero (`require(value == 0 || allowance[msg.sender][spender] == 0)`), or offer `increaseAllowance` / `decreaseAllowance`, and tell integrators to reset to zero first.',
    references: ['https://swcregistry.io/docs/SWC-114', 'https://eips.ethereum.org/EIPS/eip-20#approve', 'https://docs.google.com/document/d/1YLPtQxZu1UAvO9cZ1O2RPXBbT0mooh4DYKjA_jp-RLM/'],
    messages: { default: '`approve` overwrites the allowance without requiring it or the new value to be zero: a spender can front-run a change and spend both amounts.' },
  },
  create(context) {
    return {
      FunctionDefinition(fn: FunctionDefinition) {
        if (fn.name !== 'approve' || fn.parameters.length !== 2 || !fn.body) return;
        if (fn.visibility !== 'public' && fn.visibility !== 'external' && fn.visibility !== 'default') return;
        const [spender, value] = fn.parameters.map((p) => p.name ?? '');
        // The allowance write in this body: `allowed[msg.sender][spender] = value`.
        const write = findAll(fn.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && n.operator === '=').find(
          (a) => a.left.type === 'IndexAccess' && a.left.base.type === 'IndexAccess' && isIdentifier(a.left.index, spender) && isIdentifier(a.right, value),
        );
        if (!write) return;
        const allowanceText = context.text(write.left).replace(/\s+/g, '');
        if (requiresZero(fn.body, value, allowanceText, (n) => context.text(n).replace(/\s+/g, ''))) return;
        context.report({ node: write, messageId: 'default' });
      },
    };
  },
});

function isIdentifier(node: ASTNode, name: string): boolean {
  return node.type === 'Identifier' && node.name === name;
}

/** A comparison of the new value or the current allowance with zero anywhere in the function. */
function requiresZero(body: ASTNode, value: string, allowanceText: string, textOf: (n: ASTNode) => string): boolean {
  return findAll(body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && (n.operator === '==' || n.operator === '!=')).some((cmp) => {
    const sides = [textOf(cmp.left), textOf(cmp.right)];
    return sides.includes('0') && (sides.includes(value) || sides.includes(allowanceText));
  });
}
