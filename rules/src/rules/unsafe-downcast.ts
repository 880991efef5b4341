// unsafe-downcast: `uintN(x)` / `intN(x)` narrowing a wider integer (a caller's input or a computed value) or changing
// its sign without a bound check or SafeCast. Integer conversions never revert, even with checked arithmetic.

import type { ASTNode, FunctionCall } from '@solidity-parser/parser/dist/src/ast-types';
import { senderCheck } from '../analysis/accessControl';
import { isMemberOf } from '../analysis/astQueries';
import { blockValueKind } from '../analysis/blockEnvironment';
import { isGetterEntryPoint } from '../analysis/entryPoints';
import { computedValue, conversionTarget, integerTypeOf } from '../analysis/integerConversions';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { FunctionTaint } from '../analysis/taint';
import { isValidatedByHelper } from '../analysis/validatedValues';
import { defineRule } from '../engine/ruleApi';
import { findAll } from '../engine/walk';

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
      'Converting an integer to a narrower type (`uint128(x)`, `int64(y)`) keeps only the low bits and never reverts, not even under Solidity 0.8 checked arithmetic. A value above the target range silently becomes a small one. The same holds for a computed value (a quotient, a library\'s or a helper\'s return) that nothing bounds, and for a sign change: `int256(amount)` turns an amount above `type(int256).max` negative, `uint256(delta)` turns a negative delta huge. Reported Medium where any caller\'s input reaches the value and it is booked or sent; Low where only a checked caller (owner, role, a pinned token contract) picks it, where a getter only returns it, or where it is computed from the contract\'s own state alone.',
    exploitScenario:
      'A staking contract stores `stakes[user] = uint96(amount)` to pack storage. The attacker stakes `2**96 + 1` tokens: the recorded stake is 1 while the contract keeps the whole deposit, or the reverse in a withdrawal path that records a tiny debt for a huge amount.',
    recommendation: 'Use OpenZeppelin `SafeCast` (`amount.toUint96()`), which reverts when the value does not fit, or check `x <= type(uint96).max` before converting.',
    references: ['https://docs.openzeppelin.com/contracts/5.x/api/utils#SafeCast', 'https://docs.soliditylang.org/en/latest/types.html#explicit-conversions'],
    messages: {
      default: '`{{target}}({{value}})` narrows a `{{source}}` without a bound check; values above `type({{target}}).max` are silently truncated.',
      computed: '`{{target}}({{value}})` narrows a computed `{{source}}` that nothing bounds on this path; a result above `type({{target}}).max` is silently truncated.',
      toSigned: '`{{target}}({{value}})` converts a `{{source}}` the caller influences to a signed type without a bound check; a value above `type({{target}}).max` turns negative.',
      toUnsigned: '`{{target}}({{value}})` converts a `{{source}}` the caller influences to an unsigned type without a sign check; a negative value becomes a huge one.',
    },
  },
  create(context) {
    return {
      FunctionCall(call: FunctionCall) {
        const target = conversionTarget(call);
        if (!target) return;
        const callable = context.callable();
        if (!callable?.body || callable.type !== 'FunctionDefinition') return;
        // Only values the caller picks or the function computes: public and external functions. Internal helpers,
        // library encoders and packed-storage code narrow values their own contract already bounds.
        if (callable.visibility !== 'public' && callable.visibility !== 'external' && callable.visibility !== 'default') return;
        const value = call.arguments[0];
        // Skip literals, block values (timestamps fit in 48 bits for millennia) and deliberate truncation.
        if (value.type === 'NumberLiteral' || blockValueKind(value) !== undefined || isMemberOf(value, 'msg', 'value')) return;
        if (value.type === 'BinaryOperation' && TRUNCATING_OPERATORS.has(value.operator)) return;
        const scope = scopeOf(context, callable);
        // Skip `uint160(uint256(bytes32 word))`-style decoding and address conversions: data, not amounts.
        if (isConversionFromBytes(value, scope) || context.ancestors().some((a) => isAddressConversionOf(a, call))) return;
        const source = integerTypeOf(value, scope);
        if (!source) return;
        const narrows = source.bits > target.bits;
        // A sign change: an unsigned value at least as wide as the signed target can exceed its maximum and turn
        // negative (`int256(amount)`, `-int128(liquidity)`); a signed value can be negative and turn huge.
        const flipsSign = source.signed !== target.signed && (!target.signed || source.bits >= target.bits);
        if (!narrows && !flipsSign) return;
        const flow = LocalDataFlow.of(callable);
        const callerChosen = new FunctionTaint(scope, { parameters: true }).isTainted(value);
        // A computed value (a quotient, a product, a helper's or a library's return) is as unbounded as the
        // caller's own input unless something checks it.
        const computed = callerChosen ? undefined : computedValue(value, flow, scope);
        if (!callerChosen && !computed) return;
        // A sign change only matters for values a caller can push past the boundary (its own input), and only where
        // the converted value is booked: a view or pure function's answer is its caller's to check.
        const getter = callable.stateMutability === 'view' || callable.stateMutability === 'pure';
        if (flipsSign && !narrows && ((!callerChosen && !computed?.callerInfluenced) || getter)) return;
        const valueText = context.text(value).replace(/\s+/g, '');
        const bounded = findAll(callable.body, (n) => n.type === 'BinaryOperation' && COMPARISONS.has(n.operator)).some(
          (cmp) => cmp.type === 'BinaryOperation' && [cmp.left, cmp.right].some((side) => context.text(side).replace(/\s+/g, '') === valueText),
        );
        if (bounded) return;
        const contract = context.contract();
        // Skip a value handed to a validation helper first (`if (_isValidRound(id)) … uint80(id)`).
        if (contract && isValidatedByHelper(valueText, call, callable, contract, context.project, context.text)) return;
        // Medium only where an outsider's input reaches the value and it is booked or sent. Low where a checked
        // caller picks it (an owner, a role, the token contract a callback is pinned to: a truncation is an
        // operator error), where a getter only returns it, or where it is computed from the contract's own state.
        const trustedCaller = !!contract && !!senderCheck(callable, contract, context.project);
        const ownState = !!computed && !computed.callerInfluenced;
        const severity = trustedCaller || isGetterEntryPoint(callable) || ownState ? 'low' : undefined;
        const data = { target: target.name, value: context.text(value), source: source.name };
        if (flipsSign) {
          context.report({ node: call, messageId: target.signed ? 'toSigned' : 'toUnsigned', severity, data });
        } else {
          context.report({ node: call, messageId: computed ? 'computed' : 'default', severity, data });
        }
      },
    };
  },
});

function isConversionFromBytes(value: ASTNode, scope: FunctionScope): boolean {
  if (value.type !== 'FunctionCall' || !conversionTarget(value)) return false;
  const inner = scope.typeOf(value.arguments[0])?.node;
  return inner?.type === 'ElementaryTypeName' && /^bytes\d+$/.test(inner.name);
}

/** `address(uint160(x))`: the narrowing is the standard way to make an address. */
function isAddressConversionOf(node: ASTNode, call: FunctionCall): boolean {
  if (node.type !== 'FunctionCall' || node.arguments[0] !== call) return false;
  const callee = node.expression;
  return (callee.type === 'ElementaryTypeName' || callee.type === 'Identifier') && (callee.name === 'address' || callee.name === 'payable');
}
