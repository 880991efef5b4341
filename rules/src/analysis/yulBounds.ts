// Upper bounds that the syntax of an inline-assembly block proves for a Yul expression: a comparison is 0 or 1,
// `and(x, 0xff)` is at most 255, a local or a Yul function parameter is bounded when every value reaching it is.

import type { ASTNode, AssemblyCall, AssemblyExpression, InlineAssemblyStatement } from '@solidity-parser/parser/dist/src/ast-types';
import { containsNode } from './astQueries';
import { findAll, walk } from '../engine/walk';

const WORD = 1n << 256n;
/** Expressions nest at most this deep before the bound gives up (keeps the recursion shallow on any input). */
const MAX_DEPTH = 48;
const BOOLEAN_RESULTS = new Set(['lt', 'gt', 'slt', 'sgt', 'eq', 'iszero']);

/** A value reaching a use: an expression, `null` for the zero a variable starts with, `undefined` for unknown. */
type Source = AssemblyExpression | null | undefined;
type Definition = { node: ASTNode; value: Source };

/** Bounds of the Yul values of one inline-assembly statement. */
export class YulBounds {
  private readonly parents = new Map<ASTNode, ASTNode>();
  private readonly resolving = new Set<string>();

  private constructor(private readonly root: InlineAssemblyStatement) {
    walk(root, {
      enter: (node, ancestors) => {
        const parent = ancestors[ancestors.length - 1];
        if (parent) this.parents.set(node, parent);
      },
      exit() {},
    });
  }

  private static readonly cache = new WeakMap<InlineAssemblyStatement, YulBounds>();

  static of(root: InlineAssemblyStatement): YulBounds {
    let bounds = YulBounds.cache.get(root);
    if (!bounds) {
      bounds = new YulBounds(root);
      YulBounds.cache.set(root, bounds);
    }
    return bounds;
  }

  /** The largest value `expr` can take, or undefined when nothing in the block bounds it below 2**256. */
  upperBound(expr: AssemblyExpression, depth = 0): bigint | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (expr.type) {
      case 'DecimalNumber':
      case 'HexNumber':
        return literal(expr.value);
      case 'BooleanLiteral':
        return expr.value ? 1n : 0n;
      case 'AssemblyCall':
        return expr.arguments.length === 0 ? this.identifierBound(expr, depth) : this.callBound(expr, depth);
      default:
        return undefined;
    }
  }

  private callBound(call: AssemblyCall, depth: number): bigint | undefined {
    const name = call.functionName;
    if (BOOLEAN_RESULTS.has(name)) return 1n;
    if (name === 'byte') return 255n;
    const bound = (i: number): bigint | undefined => (call.arguments[i] ? this.upperBound(call.arguments[i], depth + 1) : undefined);
    const fits = (value: bigint | undefined): bigint | undefined => (value !== undefined && value < WORD ? value : undefined);
    const [a, b] = [bound(0), bound(1)];
    switch (name) {
      case 'and':
        return a === undefined ? b : b === undefined ? a : a < b ? a : b;
      case 'or':
      case 'xor':
        return a === undefined || b === undefined ? undefined : allOnesCovering(a > b ? a : b);
      case 'add':
        return a === undefined || b === undefined ? undefined : fits(a + b);
      case 'mul':
        return a === undefined || b === undefined ? undefined : fits(a * b);
      case 'div':
        return a;
      case 'mod':
        return b !== undefined && b > 0n && (a === undefined || b - 1n < a) ? b - 1n : a;
      // `shr(s, v)` only lowers `v`; a known shift lowers its bound too.
      case 'shr': {
        const shift = call.arguments[0] && isLiteral(call.arguments[0]) ? literal(call.arguments[0].value) : 0n;
        return b === undefined || shift === undefined ? undefined : b >> shift;
      }
      case 'shl':
        return a === undefined || b === undefined || a >= 256n ? undefined : fits(b << a);
      default:
        return undefined;
    }
  }

  /** A Yul local, parameter or return variable: the largest bound of the values that can reach this use. */
  private identifierBound(use: AssemblyCall, depth: number): bigint | undefined {
    const name = use.functionName;
    const scope = this.scopeOf(use);
    const key = `${name}@${scope.range?.[0] ?? 0}`;
    if (this.resolving.has(key)) return undefined;
    this.resolving.add(key);
    try {
      const sources = this.reachingValues(name, use, scope);
      if (sources === undefined || sources.length === 0) return undefined;
      let max = 0n;
      for (const source of sources) {
        const bound = source === null ? 0n : source === undefined ? undefined : this.upperBound(source, depth + 1);
        if (bound === undefined) return undefined;
        if (bound > max) max = bound;
      }
      return max;
    } finally {
      this.resolving.delete(key);
    }
  }

  /**
   * The values that can reach `use`: the nearest earlier definition that runs on every path to it, plus any
   * definition between them or inside a loop around the use that the nearest one does not precede. Without
   * such a definition, every definition of the name, and for a parameter the arguments of every call.
   */
  private reachingValues(name: string, use: AssemblyCall, scope: ASTNode): Source[] | undefined {
    const definitions = this.definitionsIn(scope, name);
    const start = use.range?.[0] ?? 0;
    const dominating = definitions.filter((d) => end(d.node) < start && this.dominates(d.node, use)).pop();
    if (dominating) {
      const reaching = definitions.filter((d) => {
        if (d === dominating) return true;
        const between = end(dominating.node) < (d.node.range?.[0] ?? 0) && end(d.node) < start;
        const loopCarried = this.loopsAround(use).some((loop) => containsNode(loop, d.node) && !containsNode(loop, dominating.node));
        return between || loopCarried;
      });
      return reaching.map((d) => d.value);
    }
    const values: Source[] = definitions.map((d) => d.value);
    if (scope.type === 'AssemblyFunctionDefinition') {
      const index = scope.arguments.findIndex((a) => a.name === name);
      if (index >= 0) {
        const calls = findAll(this.root, (n): n is AssemblyCall => n.type === 'AssemblyCall' && n.functionName === scope.name);
        if (calls.length === 0) return undefined;
        for (const call of calls) {
          const argument = call.arguments[index];
          if (!argument) return undefined;
          values.push(argument);
        }
      } else if (scope.returnArguments.some((r) => r.name === name)) {
        values.push(null);
      } else if (definitions.length === 0) {
        return undefined;
      }
    } else if (definitions.length === 0) {
      // A Solidity variable read inside assembly: nothing here bounds it.
      return undefined;
    }
    return values;
  }

  /** Assignments and `let`s of `name` in `scope`, not counting nested Yul functions (they cannot see it). */
  private definitionsIn(scope: ASTNode, name: string): Definition[] {
    const out: Definition[] = [];
    walk(scope, {
      enter(node) {
        if (node.type !== 'AssemblyLocalDefinition' && node.type !== 'AssemblyAssignment') return;
        const names = node.names.map((n) => (n.type === 'Identifier' ? n.name : undefined));
        if (!names.includes(name)) return;
        // `let a, b := f()`: which returned value lands where is beyond this analysis.
        out.push({ node, value: names.length === 1 ? node.expression : undefined });
      },
      exit() {},
      skip: (node) => node !== scope && node.type === 'AssemblyFunctionDefinition',
    });
    return out;
  }

  private scopeOf(node: ASTNode): ASTNode {
    for (let current = this.parents.get(node); current; current = this.parents.get(current)) {
      if (current.type === 'AssemblyFunctionDefinition') return current;
    }
    return this.root;
  }

  /** Whether `definition` is a statement of a block that also holds `use`: it runs on every path to the use. */
  private dominates(definition: ASTNode, use: ASTNode): boolean {
    const block = this.parents.get(definition);
    return !!block && block.type === 'AssemblyBlock' && containsNode(block, use);
  }

  private loopsAround(node: ASTNode): ASTNode[] {
    const loops: ASTNode[] = [];
    for (let current = this.parents.get(node); current; current = this.parents.get(current)) {
      if (current.type === 'AssemblyFor') loops.push(current);
      if (current.type === 'AssemblyFunctionDefinition') break;
    }
    return loops;
  }
}

/** The innermost inline-assembly statement among `ancestors` (outermost first). */
export function enclosingAssembly(ancestors: readonly ASTNode[]): InlineAssemblyStatement | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i];
    if (node.type === 'InlineAssemblyStatement') return node;
  }
  return undefined;
}

function isLiteral(expr: AssemblyExpression): expr is Extract<AssemblyExpression, { type: 'DecimalNumber' | 'HexNumber' }> {
  return expr.type === 'DecimalNumber' || expr.type === 'HexNumber';
}

function literal(text: string): bigint | undefined {
  try {
    return BigInt(text);
  } catch {
    return undefined;
  }
}

/** `2**k - 1` for the smallest k with `value < 2**k`: the largest `or` of two values up to `value`. */
function allOnesCovering(value: bigint): bigint {
  let ones = 0n;
  while (ones < value) ones = (ones << 1n) | 1n;
  return ones;
}

function end(node: ASTNode): number {
  return node.range?.[1] ?? 0;
}
