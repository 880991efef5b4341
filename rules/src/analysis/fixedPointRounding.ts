// Fixed-point rescaling: `(a * b) / UNIT` brings a product back to its unit, and a chain of such steps (a
// fixed-point multiply whose result is multiplied and rescaled again) loses less than about one unit of the result.

import type { ASTNode, BinaryOperation } from '@solidity-parser/parser/dist/src/ast-types';
import { containsNode } from './astQueries';

/** Parentheses and integer conversions around an expression: `uint256((x))` is `x` for rounding purposes. */
export function unwrapArithmetic(expr: ASTNode): ASTNode {
  let current = expr;
  for (;;) {
    if (current.type === 'TupleExpression' && !current.isArray && current.components.length === 1 && current.components[0]) {
      current = current.components[0] as ASTNode;
    } else if (current.type === 'FunctionCall' && current.arguments.length === 1 && current.expression.type === 'ElementaryTypeName' && /^u?int\d*$/.test(current.expression.name)) {
      current = current.arguments[0];
    } else {
      return current;
    }
  }
}

/** `(a * b) / d`: the division rescales a product, the way every fixed-point multiply does. */
export function isProductRescale(division: BinaryOperation): boolean {
  const dividend = unwrapArithmetic(division.left);
  return division.operator === '/' && dividend.type === 'BinaryOperation' && dividend.operator === '*';
}

/**
 * Whether `product` is itself rescaled: the dividend of the division that encloses it, looking through
 * parentheses and conversions (`(q * rate) / 100`). `ancestors` are the product's, outermost first.
 */
export function isRescaledProduct(product: BinaryOperation, ancestors: readonly ASTNode[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i];
    if (node.type === 'BinaryOperation' && node.operator === '/') return containsNode(node.left, product);
    const transparent =
      (node.type === 'TupleExpression' && !node.isArray && node.components.length === 1) ||
      (node.type === 'FunctionCall' && node.arguments.length === 1 && node.expression.type === 'ElementaryTypeName');
    if (!transparent) return false;
  }
  return false;
}

/**
 * A quotient that is a fixed-point product rescale, multiplied by a factor and rescaled again: a chain of
 * fixed-point multiplies, whose truncations together stay within about one unit of the final result.
 */
export function isFixedPointChain(division: BinaryOperation, product: BinaryOperation, ancestors: readonly ASTNode[]): boolean {
  return isProductRescale(division) && isRescaledProduct(product, ancestors);
}
