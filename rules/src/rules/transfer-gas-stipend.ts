// transfer-gas-stipend: ETH sent with `transfer` or `send`, which forward only 2300 gas to the recipient.

import type { FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { classifyCall } from '../analysis/calls';
import { scopeOf } from '../analysis/scope';
import { indentationAt, isInBlock, unusedLocalName } from '../analysis/statementFixes';
import { defineRule } from '../engine/ruleApi';
import { mayCompileBelow } from '../parse/pragma';

export default defineRule({
  meta: {
    id: 'transfer-gas-stipend',
    title: 'ETH sent with a fixed 2300 gas stipend',
    severity: 'low',
    confidence: 'medium',
    category: 'denial-of-service',
    scope: 'function',
    readsCompilerVersion: true,
    swc: ['SWC-134'],
    description:
      '`transfer` and `send` forward a fixed 2300 gas stipend. Smart-contract wallets (Safe and other multisigs, account-abstraction wallets, proxies) need more in their receive function, and gas repricings such as EIP-1884 have broken recipients that used to fit, so the payment reverts (`transfer`) or fails (`send`).',
    exploitScenario:
      'A DAO treasury is a Safe multisig behind a proxy. `withdraw()` pays it with `payable(treasury).transfer(amount)`; the proxy\'s receive path costs more than 2300 gas, so every withdrawal reverts and the funds stay locked in the contract.',
    recommendation:
      'Send with `(bool success, ) = to.call{value: amount}(""); require(success);` (OpenZeppelin `Address.sendValue`), and protect the function against reentrancy (checks-effects-interactions or `nonReentrant`), since the recipient now gets enough gas to call back.',
    references: [
      'https://swcregistry.io/docs/SWC-134',
      'https://consensys.io/diligence/blog/2019/09/stop-using-soliditys-transfer-now/',
      'https://eips.ethereum.org/EIPS/eip-1884',
    ],
    messages: { default: '`{{method}}` forwards only 2300 gas; smart-contract wallets cannot receive it.' },
    hasSuggestions: true,
  },
  create(context) {
    // `{value: v}` call options exist from 0.6.2; older code gets no suggestion.
    const canSuggest = !mayCompileBelow(context.file.pragma, '0.6.2');
    return {
      FunctionCall(node: FunctionCall) {
        const call = classifyCall(node, scopeOf(context));
        if (call.kind !== 'eth-transfer' && call.kind !== 'send') return;
        const method = call.kind === 'send' ? 'send' : 'transfer';
        const ancestors = context.ancestors();
        const statement = ancestors.at(-1);
        const { target, value } = call;
        // Only a `transfer` statement can be rewritten as-is: `send` returns a flag the caller already handles.
        const suggestable =
          canSuggest && method === 'transfer' && target && value && statement?.type === 'ExpressionStatement' && isInBlock(ancestors.slice(0, -1), statement);
        const name = unusedLocalName(context.callable(), 'success');
        const indent = indentationAt(context.file.text, statement?.range?.[0] ?? 0);
        context.report({
          node,
          messageId: 'default',
          data: { method },
          suggest:
            suggestable && target && value && statement
              ? [
                  {
                    description: 'Send with call{value: ...} and require success (add reentrancy protection)',
                    edits: (fixer) =>
                      fixer.replace(
                        statement,
                        `(bool ${name}, ) = ${context.text(target)}.call{value: ${context.text(value)}}("");\n${indent}require(${name}, "ETH transfer failed");`,
                      ),
                  },
                ]
              : undefined,
        });
      },
    };
  },
});
