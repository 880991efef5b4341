// divide-before-multiply: `(a / b) * c`, in one expression, through a local, a state variable or an internal
// helper's return holding `a / b`: the division truncates first (often to zero) and the multiplication scales the loss.

import type { ASTNode, BinaryOperation, Expression, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { isGetterEntryPoint } from '../analysis/entryPoints';
import { isFixedPointChain, isProductRescale, unwrapArithmetic as unwrap } from '../analysis/fixedPointRounding';
import { LocalDataFlow } from '../analysis/localDataFlow';
import { scopeOf, type FunctionScope } from '../analysis/scope';
import { defineRule } from '../engine/ruleApi';
import { findAll, walk } from '../engine/walk';
import type { ContractInfo } from '../project/projectModel';

export default defineRule({
  meta: {
    id: 'divide-before-multiply',
    title: 'Division before multiplication loses precision',
    severity: 'medium',
    confidence: 'medium',
    category: 'arithmetic',
    scope: 'contract',
    swc: [],
    description:
      'Integer division rounds down. Dividing first and multiplying the quotient scales the rounding error by the multiplier: `(amount / 1000) * rate` is zero for every amount below 1000 and off by up to `rate - 1` otherwise. Reported Medium where the result is booked or sent; Low in getters and library math, whose callers own the rounding. A chain of fixed-point multiplies (each step rescaling a product) is not reported: its error stays below about one unit of the result.',
    exploitScenario:
      'A fee is `(amount / PRECISION) * feeRate`. The attacker splits a large trade into many trades just below `PRECISION`; each pays zero fee, so the protocol earns nothing on volume it should charge for.',
    recommendation: 'Multiply before dividing (`amount * rate / PRECISION`), or use `Math.mulDiv(amount, rate, PRECISION)` to avoid both precision loss and intermediate overflow.',
    references: ['https://github.com/crytic/slither/wiki/Detector-Documentation#divide-before-multiply'],
    messages: {
      inline: 'The product multiplies the result of a division (`{{division}}`); multiply first, then divide.',
      viaLocal: '`{{local}}` holds the result of a division (`{{division}}`) and is multiplied here; multiply first, then divide.',
      viaState: '`{{name}}` stores the result of a division (`{{division}}`) and is multiplied here; a quotient that truncates to zero zeroes the product. Store the scaled product and divide last.',
      viaHelper: '`{{name}}()` returns the result of a division (`{{division}}`) and is multiplied here; a quotient that truncates to zero zeroes the product. Multiply first, then divide.',
    },
  },
  create(context) {
    return {
      BinaryOperation(node: BinaryOperation) {
        if (node.operator !== '*' && node.operator !== '*=') return;
        // Library code is mostly deliberate integer math (encoders, Euclid, fixed-point helpers): still
        // reported, with less certainty that the truncation is unintended.
        const confidence = context.contract()?.kind === 'library' ? 'low' : undefined;
        // Medium only where the rounded value reaches accounting or a transfer. Low in a getter (it only answers;
        // the caller acting on the answer owns the rounding) and in library math, whose callers we do not see.
        const callable = context.callable();
        const severity = confidence === 'low' || (callable?.type === 'FunctionDefinition' && isGetterEntryPoint(callable)) ? 'low' : undefined;
        // Skip a chain of fixed-point multiplies (`q = (a * b) / UNIT; (q * rate) / 100`): each step keeps its
        // error below one unit of its result, so the chain's rounding is not a precision bug.
        const fixedPoint = (division: BinaryOperation): boolean => isFixedPointChain(division, node, context.ancestors());
        for (const operand of node.operator === '*' ? [node.left, node.right] : [node.right]) {
          const division = divisionOf(operand);
          if (division && !roundsToMultiple(division, node, operand, context.text) && !remainderHandled(context.callable(), division, undefined, context.text) && !fixedPoint(division)) {
            context.report({ node, messageId: 'inline', data: { division: context.text(division) }, confidence, severity });
            return;
          }
        }
        if (!callable) return;
        const flow = LocalDataFlow.of(callable);
        for (const operand of [node.left, node.right]) {
          const inner = unwrap(operand);
          if (inner.type !== 'Identifier' || !flow.declaration(inner.name) || flow.isParameter(inner.name)) continue;
          // Only a division assigned before the product: `ratio = max / ratio` after a loop of `ratio * k` is not
          // one, and neither is the value the product helps compute (`z = (f(z * z) + z) / 3` reads the old `z`).
          const division = flow
            .definitionsOf(inner.name)
            .filter((value) => (value.range?.[1] ?? 0) < (node.range?.[0] ?? 0))
            .map(divisionOf)
            .find((d) => d !== undefined);
          if (!division || roundsToMultiple(division, node, operand, context.text) || fixedPoint(division)) continue;
          if (remainderHandled(callable, division, inner.name, context.text)) continue;
          context.report({
            node,
            messageId: 'viaLocal',
            data: { local: inner.name, division: context.text(division) },
            confidence,
            severity,
            related: [{ node: division, message: 'The division whose quotient is multiplied.' }],
          });
          return;
        }
        // A rate or share stored by another statement (`rewardPerToken = reward / totalStaked` in one function,
        // `rewardPerToken * stake` in another), or returned by an internal helper (`_rate() * stake`).
        const contract = context.contract();
        if (!contract) return;
        const scope = scopeOf(context, callable);
        for (const operand of [node.left, node.right]) {
          const stored = quotientTerms(unwrap(operand))
            .map((term) => storedQuotient(term, contract, scope))
            .find((q) => q !== undefined);
          // Skip a stored fixed-point rate (`reward * 1e18 / totalStaked`): the product was scaled up before the
          // division, so the quotient keeps its precision in the scale's units.
          if (!stored || isProductRescale(stored.division) || roundsToMultiple(stored.division, node, operand, context.text)) continue;
          if (remainderHandled(stored.fn, stored.division, undefined, context.text)) continue;
          context.report({
            node,
            messageId: stored.kind,
            data: { name: stored.name, division: context.text(stored.division) },
            confidence,
            severity,
            related: [{ node: stored.division, message: 'The division whose quotient is multiplied.' }],
          });
          return;
        }
      },
    };
  },
});

/** The operand itself and, for a sum or difference (`rewardPerToken - paidIndex[user]`), its terms. */
function quotientTerms(operand: ASTNode): ASTNode[] {
  if (operand.type !== 'BinaryOperation' || (operand.operator !== '-' && operand.operator !== '+')) return [operand];
  return [operand, unwrap(operand.left), unwrap(operand.right)];
}

interface StoredQuotient {
  kind: 'viaState' | 'viaHelper';
  name: string;
  division: BinaryOperation;
  /** The function that computes the division. */
  fn: FunctionDefinition;
}

/**
 * A quotient that reaches a product through storage or a helper: a state variable (or a mapping entry of one) that
 * some function of the contract or its bases assigns a division (`=` or `+=`), or an internal function of the
 * contract that returns one.
 */
function storedQuotient(operand: ASTNode, contract: ContractInfo, scope: FunctionScope): StoredQuotient | undefined {
  const base = operand.type === 'IndexAccess' ? unwrap(operand.base) : operand;
  if (base.type === 'Identifier') {
    const state = scope.stateVariable(base.name, base);
    if (!state || state.node.isDeclaredConst) return undefined;
    for (const { node: fn } of contract.functions()) {
      if (!fn.body) continue;
      for (const assignment of findAll(fn.body, (n): n is BinaryOperation => n.type === 'BinaryOperation' && (n.operator === '=' || n.operator === '+='))) {
        const target = assignment.left.type === 'IndexAccess' ? unwrap(assignment.left.base) : assignment.left;
        if (target.type !== 'Identifier' || target.name !== base.name) continue;
        const division = divisionOf(assignment.right);
        if (division) return { kind: 'viaState', name: base.name, division, fn };
      }
    }
    return undefined;
  }
  if (operand.type !== 'FunctionCall' || operand.expression.type !== 'Identifier') return undefined;
  const helper = contract.resolveFunction(operand.expression.name, operand.arguments.length);
  const fn = helper?.node;
  if (!fn?.body || (fn.visibility !== 'internal' && fn.visibility !== 'private')) return undefined;
  const named = (fn.returnParameters ?? []).map((p) => p.name).filter((n): n is string => !!n);
  for (const statement of findAll(fn.body, (n) => n.type === 'ReturnStatement' || (n.type === 'BinaryOperation' && n.operator === '='))) {
    const value =
      statement.type === 'ReturnStatement'
        ? statement.expression
        : statement.type === 'BinaryOperation' && statement.left.type === 'Identifier' && named.includes(statement.left.name)
          ? statement.right
          : undefined;
    const division = value ? divisionOf(value) : undefined;
    if (division) return { kind: 'viaHelper', name: operand.expression.name, division, fn };
  }
  return undefined;
}

/** The division an operand is, looking through parentheses and integer conversions; literal-only divisions excluded. */
function divisionOf(expr: Expression): BinaryOperation | undefined {
  const inner = unwrap(expr);
  if (inner.type !== 'BinaryOperation' || inner.operator !== '/') return undefined;
  // Skip constant divisions such as `(1e18 / 4)`: the compiler folds them and the author chose the value.
  if (isLiteral(inner.left) && isLiteral(inner.right)) return undefined;
  // Skip ceiling division `(a + d - 1) / d` or `(len + 2) / 3`: rounding up on purpose, usually to size a buffer.
  if (isCeilingDivision(inner)) return undefined;
  return inner;
}

function isLiteral(expr: ASTNode): boolean {
  // A worklist, not recursion: every operand must be a literal, and `1 + 2 + …` can be thousands of terms.
  const pending = [expr];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const inner = unwrap(next);
    if (inner.type === 'NumberLiteral') continue;
    if (inner.type !== 'BinaryOperation') return false;
    pending.push(inner.left, inner.right);
  }
  return true;
}

/**
 * `(a / b) * b` rounds `a` down to a multiple of `b` (and `a - b * (a / b)` is `a % b`): the truncation is the
 * point, so a product whose other factor is the divisor is not reported.
 */
function roundsToMultiple(division: BinaryOperation, product: BinaryOperation, quotientOperand: ASTNode, textOf: (n: ASTNode) => string): boolean {
  const otherFactor = quotientOperand === product.left ? product.right : product.left;
  return textOf(unwrap(otherFactor)).replace(/\s+/g, '') === textOf(unwrap(division.right)).replace(/\s+/g, '');
}

/**
 * Skip a division whose remainder the same function also computes, as `x % d` (Base64 sizing
 * `(len / 4) * 3` next to `len % 4`) or as `x - d * q` with the local quotient `q` (Euclid's algorithm):
 * the author works in whole quotients on purpose, so scaling one is not a precision slip.
 */
function remainderHandled(
  callable: ASTNode | undefined,
  division: BinaryOperation,
  quotientLocal: string | undefined,
  textOf: (n: ASTNode) => string,
): boolean {
  if (!callable) return false;
  const compact = (n: ASTNode) => textOf(unwrap(n)).replace(/\s+/g, '');
  const dividend = compact(division.left);
  const divisor = compact(division.right);
  let found = false;
  walk(callable, {
    enter(node) {
      if (found || node.type !== 'BinaryOperation') return;
      if (node.operator === '%') {
        found = compact(node.left) === dividend && compact(node.right) === divisor;
      } else if (node.operator === '*' && quotientLocal !== undefined) {
        const sides = [unwrap(node.left), unwrap(node.right)];
        found = sides.some((side, i) => side.type === 'Identifier' && side.name === quotientLocal && compact(sides[1 - i]) === divisor);
      }
    },
    exit() {},
  });
  return found;
}

function isCeilingDivision(division: BinaryOperation): boolean {
  const dividend = unwrap(division.left);
  if (dividend.type !== 'BinaryOperation' || (dividend.operator !== '+' && dividend.operator !== '-')) return false;
  const divisor = unwrap(division.right);
  const addend = unwrap(dividend.right);
  // `(a + d - 1) / d`
  if (dividend.operator === '-' && addend.type === 'NumberLiteral' && Number(addend.number) === 1) {
    const sum = unwrap(dividend.left);
    return sum.type === 'BinaryOperation' && sum.operator === '+' && sameText(unwrap(sum.right), divisor);
  }
  // `(a + 2) / 3`
  if (dividend.operator === '+' && addend.type === 'NumberLiteral' && divisor.type === 'NumberLiteral') {
    return Number(addend.number) === Number(divisor.number) - 1;
  }
  return false;
}

function sameText(a: ASTNode, b: ASTNode): boolean {
  if (a.type === 'Identifier' && b.type === 'Identifier') return a.name === b.name;
  if (a.type === 'NumberLiteral' && b.type === 'NumberLiteral') return a.number === b.number;
  return false;
}
