// unchecked-transfer: the boolean an ERC-20 `transfer` / `transferFrom` / `approve` returns is dropped, so a
// token that signals failure by returning false (instead of reverting) fails silently. SafeERC20 calls are silent.

import type { Expression, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { isZeroLiteral } from '../analysis/astQueries';
import { callResultUse } from '../analysis/callResultUse';
import { isFixedAtDeployment } from '../analysis/fixedAtDeployment';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { erc20Call } from '../analysis/tokenStandards';
import { defineRule } from '../engine/ruleApi';

/**
 * Low instead of High when the dropped boolean cannot lose funds on its own, or the token is one the deployer
 * chose: an `approve` that fails silently only makes the later pull revert, and a token fixed at deployment (a
 * constant, an immutable, storage only an initializer writes, such as LINK or WETH) is known to its deployer,
 * who can tell whether it returns false instead of reverting.
 */
function lowerSeverity(name: string, token: Expression | undefined, scope: FunctionScope): 'low' | undefined {
  if (name === 'approve') return 'low';
  return isFixedAtDeployment(token, scope) ? 'low' : undefined;
}

export default defineRule({
  meta: {
    id: 'unchecked-transfer',
    title: 'ERC-20 transfer result ignored',
    severity: 'high',
    confidence: 'medium',
    category: 'tokens',
    scope: 'function',
    swc: ['SWC-104'],
    description:
      'ERC-20 lets a token report failure by returning `false` instead of reverting, and several widely used tokens do. A contract that ignores the returned boolean carries on as if the tokens moved: it credits deposits that never arrived or marks payouts as done that never happened.',
    exploitScenario:
      'A vault calls `token.transferFrom(msg.sender, address(this), amount)` without checking the result and then credits `amount` shares. With a token that returns `false` when the allowance is short, the attacker deposits nothing, receives shares and withdraws other users\' tokens.',
    recommendation: 'Use OpenZeppelin `SafeERC20` (`token.safeTransfer`, `safeTransferFrom`, `forceApprove`), which reverts on `false` and also handles tokens that return nothing.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#unchecked-transfer', 'https://docs.openzeppelin.com/contracts/5.x/api/token/erc20#SafeERC20', 'https://swcregistry.io/docs/SWC-104'],
    messages: { default: 'The boolean returned by `{{name}}` is ignored; a token that returns false on failure is treated as success. Use SafeERC20.' },
    hasSuggestions: true,
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        if (node.expression.type !== 'MemberAccess') return;
        const use = callResultUse(node, context.ancestors(), context.callable());
        if (use.kind === 'used') return;
        const scope = scopeOf(context);
        // Only calls whose interface returns the boolean: one without it (USDT-style) is decoded as nothing. An
        // interface the project cannot resolve counts when a result is bound or its name is ERC-20's.
        const call = erc20Call(node, scope, use.kind !== 'discarded');
        if (!call) return;
        const name = call.name;
        // Skip `approve(spender, 0)`: resetting an allowance moves nothing, so a silent failure credits nothing.
        if (name === 'approve' && isZeroLiteral(node.arguments[1])) return;
        const lowered = lowerSeverity(name, call.token, scope);
        const callText = context.text(node);
        context.report({
          node,
          messageId: 'default',
          data: { name: `${call.interfaceName ?? 'token'}.${name}` },
          severity: lowered,
          // An unresolved interface of another name may declare no return value, and then nothing is dropped.
          confidence: lowered || call.returnsBool === 'unknown' ? 'low' : undefined,
          // Only a bare statement can be wrapped in place; SafeERC20 stays the better fix and needs an import.
          suggest:
            use.kind === 'discarded'
              ? [{ description: 'Wrap the call in `require(...)`', edits: (fixer) => fixer.replace(node, `require(${callText}, "${name} failed")`) }]
              : [],
        });
      },
    };
  },
});
