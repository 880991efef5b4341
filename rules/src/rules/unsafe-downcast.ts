// unsafe-downcast: `uintN(x)` / `intN(x)` narrowing a wider integer without a bound check or SafeCast. Integer
// conversions never revert, even with checked arithmetic: the high bits are dropped.

import type { ASTNode, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { senderCheck } from '../analysis/accessControl';
import { isMemberOf } from '../analysis/astQueries';
import { blockValueKind } from '../analysis/blockEnvironment';
import { isGetterEntryPoint } from '../analysis/entryPoints';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { FunctionTaint } from '../analysis/taint';
import { isValidatedByHelper } from '../analysis/validatedValues';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

const INTEGER_TYPE = /^(u?)int(\d*)$/;
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** Expressions whose value is made to fit on purpose: masks, shifts, modulo. */
const TRUNCATING_OPERATORS = new Set(['&', '>>', '%']);

export default defineRule({
  meta: {
    id: 'unsafe-downcast',
    title: 'Integer downcast without a bound check',
    severity: 'medium',
    confidence: 'medium',
    category: 'arithmetic',
    scope: 'reachable',
    swc: ['SWC-101'],
    description:
      'Converting an integer to a narrower type (`uint128(x)`, `int64(y)`) keeps only the low bits and never reverts, not even under Solidity 0.8 checked arithmetic. A value above the target range silently becomes a small one. Reported Medium where any caller picks the value and it is booked or sent; Low where only a checked caller (owner, role, a pinned token contract) picks it, or where a getter only returns it.',
    exploitScenario:
      'A staking contract stores `stakes[user] = uint96(amount)` to pack storage. The attacker stakes `2**96 + 1` tokens: the recorded stake is 1 while the contract keeps the whole deposit, or the reverse in a withdrawal path that records a tiny debt for a huge amount.',
    recommendation: 'Use OpenZeppelin `SafeCast` (`amount.toUint96()`), which reverts when the value does not fit, or check `x <= type(uint96).max` before converting.',
    references: ['https://docs.openzeppelin.com/contracts/5.x/api/utils#SafeCast', 'https://docs.soliditylang.org/en/latest/types.html#explicit-conversions'],
    messages: { default: '`{{target}}({{value}})` narrows a `{{source}}` without a bound check; values above `type({{target}}).max` are silently truncated.' },
  },
  create(context) {
    return {
      FunctionCall(call: FunctionCall) {
        const target = integerTypeOf(call);
        if (!target || call.arguments.length !== 1 || target.bits >= 256) return;
        const callable = context.callable();
        if (!callable?.body || callable.type !== 'FunctionDefinition') return;
        // Only values the caller picks: parameters of public and external functions. Internal helpers, library
        // encoders and packed-storage code narrow values their own contract already bounds.
        if (callable.visibility !== 'public' && callable.visibility !== 'external' && callable.visibility !== 'default') return;
        const value = call.arguments[0];
        // Skip literals, block values (timestamps fit in 48 bits for millennia) and deliberate truncation.
        if (value.type === 'NumberLiteral' || blockValueKind(value) !== undefined || isMemberOf(value, 'msg', 'value')) return;
        if (value.type === 'BinaryOperation' && TRUNCATING_OPERATORS.has(value.operator)) return;
        const scope = scopeOf(context, callable);
        if (!new FunctionTaint(scope, { parameters: true }).isTainted(value)) return;
        // Skip `uint160(uint256(bytes32 word))`-style decoding and address conversions: data, not amounts.
        if (isConversionFromBytes(value, scope) || context.ancestors().some((a) => isAddressConversionOf(a, call))) return;
        const sourceType = scope.typeOf(value)?.node;
        if (sourceType?.type !== 'ElementaryTypeName') return;
        const source = INTEGER_TYPE.exec(sourceType.name);
        if (!source) return;
        const sourceBits = source[2] ? Number(source[2]) : 256;
        // Only narrowing: same or wider targets, and sign changes at equal width, are other questions.
        if (sourceBits <= target.bits) return;
        const valueText = context.text(value).replace(/\s+/g, '');
        const bounded = findAll(callable.body, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator)).some(
          (cmp) => cmp.type === 'BinaryOperation' && [cmp.left, cmp.right].some((side) => context.text(side).replace(/\s+/g, '') === valueText),
        );
        if (bounded) return;
        const contract = context.contract();
        // Skip a value handed to a validation helper first (`if (_isValidRound(id)) … uint80(id)`).
        if (contract && isValidatedByHelper(valueText, call, callable, contract, context.project, context.text)) return;
        // Medium only where an outsider picks the value and it reaches accounting or a transfer. Low where a checked
        // caller picks it (an owner, a role, the token contract a callback is pinned to: a truncation is an
        // operator error) or where a getter only returns it.
        const trustedCaller = !!contract && !!senderCheck(callable, contract, context.project);
        context.report({
          node: call,
          messageId: 'default',
          severity: trustedCaller || isGetterEntryPoint(callable) ? 'low' : undefined,
          data: { target: target.name, value: context.text(value), source: sourceType.name === 'uint' ? 'uint256' : sourceType.name },
        });
      },
    };
  },
});

function integerTypeOf(call: FunctionCall): { name: string; bits: number } | undefined {
  const callee = call.expression;
  const name = callee.type === 'ElementaryTypeName' || callee.type === 'Identifier' ? callee.name : undefined;
  const match = name ? INTEGER_TYPE.exec(name) : null;
  if (!name || !match) return undefined;
  return { name, bits: match[2] ? Number(match[2]) : 256 };
}

function isConversionFromBytes(value: ASTNode, scope: FunctionScope): boolean {
  if (value.type !== 'FunctionCall' || value.arguments.length !== 1 || !integerTypeOf(value)) return false;
  const inner = scope.typeOf(value.arguments[0])?.node;
  return inner?.type === 'ElementaryTypeName' && /^bytes\d+$/.test(inner.name);
}

/** `address(uint160(x))`: the narrowing is the standard way to make an address. */
function isAddressConversionOf(node: ASTNode, call: FunctionCall): boolean {
  if (node.type !== 'FunctionCall' || node.arguments[0] !== call) return false;
  const callee = node.expression;
  return (callee.type === 'ElementaryTypeName' || callee.type === 'Identifier') && (callee.name === 'address' || callee.name === 'payable');
}
