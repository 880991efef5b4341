// unchecked-lowlevel: the success flag of `call`, `delegatecall`, `staticcall` or `callcode` is never checked.

import type { ExpressionStatement, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { callResultUse } from '../analysis/callResultUse';
import { classifyCall, isLowLevelCall } from '../analysis/calls';
import { scopeOf } from '../analysis/scope';
import { indentationAt, isInBlock, unusedLocalName } from '../analysis/statementFixes';
import { defineRule } from '../engine/ruleApi';

export default defineRule({
  meta: {
    id: 'unchecked-lowlevel',
    title: 'Unchecked low-level call',
    severity: 'medium',
    confidence: 'high',
    category: 'external-calls',
    scope: 'function',
    swc: ['SWC-104'],
    description:
      'Low-level calls (`call`, `delegatecall`, `staticcall`, `callcode`) do not revert when the callee fails: they return `false`. When the flag is ignored, the function carries on as if the call had succeeded.',
    exploitScenario:
      'A withdrawal does `payable(user).call{value: amount}("")` and then sets `paid[user] = true`. The recipient is a contract whose receive function reverts (or the call runs out of gas); the call returns false, the ETH stays in the contract, but the user is recorded as paid and can never claim again. For `delegatecall` into an initialiser the contract silently stays uninitialised.',
    recommendation:
      'Check the flag: `(bool success, ) = target.call(data); require(success, "call failed");`, or use OpenZeppelin `Address.functionCall` / `Address.sendValue`, which revert with the callee\'s reason.',
    references: [
      'https://swcregistry.io/docs/SWC-104',
      'https://github.com/crytic/slither/wiki/Detector-Documentation#unchecked-low-level-calls',
      'https://docs.soliditylang.org/en/latest/units-and-global-variables.html#members-of-address-types',
    ],
    messages: {
      discarded: 'The return value of `{{kind}}` is ignored; a failed call goes unnoticed.',
      omitted: 'The success flag of `{{kind}}` is left out of the tuple; a failed call goes unnoticed.',
      unread: 'The success flag `{{name}}` of `{{kind}}` is never read; a failed call goes unnoticed.',
    },
    fixable: true,
  },
  create(context) {
    return {
      FunctionCall(node: FunctionCall) {
        const call = classifyCall(node, scopeOf(context));
        if (!isLowLevelCall(call)) return;
        const kind = call.name ?? 'call';
        const ancestors = context.ancestors();
        const use = callResultUse(node, ancestors, context.callable());
        if (use.kind === 'used') return;
        if (use.kind === 'unread') {
          context.report({ node, messageId: 'unread', data: { kind, name: use.name } });
          return;
        }
        if (use.kind === 'omitted') {
          context.report({ node, messageId: 'omitted', data: { kind } });
          return;
        }
        const statement = ancestors[ancestors.length - 1] as ExpressionStatement;
        // Only a statement directly in a block can become two: after `if (c) x.call(d);` a second statement would run unconditionally.
        const fixable = statement.type === 'ExpressionStatement' && isInBlock(ancestors.slice(0, -1), statement);
        const name = unusedLocalName(context.callable(), 'success');
        const indent = indentationAt(context.file.text, statement.range?.[0] ?? 0);
        context.report({
          node,
          messageId: 'discarded',
          data: { kind },
          fix: fixable
            ? {
                description: `Check the success flag of \`${kind}\` with require`,
                edits: (fixer) =>
                  fixer.replace(statement, `(bool ${name}, ) = ${context.text(node)};\n${indent}require(${name}, "${kind} failed");`),
              }
            : undefined,
        });
      },
    };
  },
});
