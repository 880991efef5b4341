// fee-on-transfer: a contract pulls `amount` tokens in with `transferFrom(..., address(this), amount)` and
// credits `amount`, without measuring what arrived; tokens that take a fee on transfer deliver less.

import type { ASTNode, Expression, FunctionCall, Identifier } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { isAnalysedContract, isSelfReference } from '../analysis/entryPoints';
import { isFixedAtDeployment } from '../analysis/fixedAtDeployment';
import { scopeOf } from '../analysis/scope';
import { stateWrites } from '../analysis/stateAccess';
import { looksLikeErc721 } from '../analysis/tokenStandards';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const PULL_FUNCTIONS = new Set(['transferFrom', 'safeTransferFrom']);
const MINT_FUNCTIONS = new Set(['_mint']);

/** `(from, to, amount)` of a token pull, whether called on the token, through `using SafeERC20` or as `SafeERC20.safeTransferFrom(token, ...)`. */
function pullArguments(args: Expression[], isUnboundLibraryCall: boolean): Expression[] | undefined {
  if (args.length === 3) return args;
  if (isUnboundLibraryCall && args.length === 4) return args.slice(1);
  return undefined;
}

function mentions(root: ASTNode, name: string): boolean {
  return findAll(root, (n): n is Identifier => n.type === 'Identifier' && n.name === name).length > 0;
}

/** The value side of a state-writing node: the right of an assignment, else the node itself. */
function writtenValue(node: ASTNode): ASTNode {
  return node.type === 'BinaryOperation' ? node.right : node;
}

export default defineRule({
  meta: {
    id: 'fee-on-transfer',
    title: 'Deposit credited without measuring the tokens received',
    severity: 'medium',
    confidence: 'low',
    category: 'tokens',
    scope: 'function',
    swc: [],
    description:
      'Some ERC-20 tokens (USDT and USDC can switch it on, many others have it on) keep a fee on every transfer, so `transferFrom(user, address(this), amount)` delivers less than `amount`. A contract that credits the requested `amount` instead of the balance difference books more tokens than it holds; the shortfall is paid by the last users to withdraw.\n\nConfidence is low: a contract that only accepts a known, fee-free token is fine. The rule stays silent when the function reads a `balanceOf` (it likely measures the difference).',
    exploitScenario:
      'A vault accepts a 1%-fee token. The attacker deposits 100 tokens (the vault receives 99) and is credited 100, withdraws 100, and repeats: each round drains 1 token of other depositors\' funds until the vault is insolvent.',
    recommendation:
      'Measure what arrived: `uint256 before = token.balanceOf(address(this)); token.safeTransferFrom(msg.sender, address(this), amount); uint256 received = token.balanceOf(address(this)) - before;` and credit `received`. Or document and enforce an allow-list of fee-free tokens.',
    references: ['https://github.com/d-xo/weird-erc20#fee-on-transfer', 'https://solodit.cyfrin.io/?q=fee-on-transfer'],
    messages: { default: '`{{amount}}` is credited after `{{call}}` without measuring the balance received; a fee-on-transfer token delivers less.' },
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        const fn = context.callable();
        if (!fn?.body || !isAnalysedContract(context.contract())) return;
        const name = node.expression.type === 'MemberAccess' ? node.expression.memberName : undefined;
        if (!name || !PULL_FUNCTIONS.has(name)) return;
        const scope = scopeOf(context);
        const call = classifyCall(node, scope);
        if (call.kind !== 'external' && call.kind !== 'library') return;
        const pulled = pullArguments(call.args, call.kind === 'library' && !call.boundReceiver);
        if (!pulled || !isSelfReference(pulled[1]) || pulled[2].type !== 'Identifier') return;
        // Skip NFT pulls: an ERC-721 `transferFrom` moves a token id, not an amount a fee can shrink.
        if (call.receiverContract && looksLikeErc721(call.receiverContract)) return;
        const amount = pulled[2].name;
        if (/id$/i.test(amount)) return;
        // Skip functions that read a balance: they likely measure the difference (or check it).
        if (findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'MemberAccess' && n.expression.memberName === 'balanceOf').length > 0) return;
        const after = (n: ASTNode): boolean => (n.range?.[0] ?? 0) > (node.range?.[1] ?? 0);
        const credit =
          stateWrites(fn.body, scope).find((w) => after(w.node) && mentions(writtenValue(w.node), amount))?.node ??
          findAll(fn.body, (n): n is FunctionCall => n.type === 'FunctionCall' && n.expression.type === 'Identifier' && MINT_FUNCTIONS.has(n.expression.name) && after(n) && n.arguments.some((a) => mentions(a, amount)))[0];
        if (!credit) return;
        // One asset fixed at deployment (a wrapper's underlying, a staking token) is a Low note: its deployer
        // knows whether it charges a fee. A token the caller names is the Medium case.
        const token = call.kind === 'library' ? (call.boundReceiver ?? call.args[0]) : call.target;
        context.report({
          node,
          messageId: 'default',
          severity: isFixedAtDeployment(token, scope) ? 'low' : undefined,
          data: { amount, call: `${context.text(node.expression)}(...)` },
          related: [{ node: credit, message: 'credits the requested amount' }],
        });
      },
    };
  },
});
