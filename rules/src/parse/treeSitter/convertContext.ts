// The shared machinery of the concrete-tree → AST conversion: dispatch by tree-sitter node type, and the
// `loc` / `range` of @solidity-parser/parser, whose quirks the rules (and the differential test) rely on:
// `range` is [first char, last char] inclusive; `loc.start` is the first token's line (1-based) and column
// (0-based); `loc.end` is the line and column where the node's LAST TOKEN starts, not where it ends.

import type { Node as CstNode } from 'web-tree-sitter';

export type { CstNode };

/** A node of the @solidity-parser/parser AST, as the rules read it. */
export interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  range?: [number, number];
  [key: string]: unknown;
}

export type Converter = (node: CstNode, cx: ConvertContext) => AstNode;

/** Converters keyed by tree-sitter node type; each category module exports one table. */
export type ConverterTable = Readonly<Record<string, Converter>>;

export interface ConversionProblem {
  message: string;
  node: CstNode;
}

export class ConvertContext {
  /** Node types with no converter, and other shapes the converter could not map: the differential test lists them. */
  readonly problems: ConversionProblem[] = [];

  constructor(
    readonly source: string,
    private readonly converters: ConverterTable,
    /** For a tree with syntax errors: the list items to leave out (recovery.ts). */
    private readonly leaveOut?: (node: CstNode) => boolean,
  ) {}

  /** Converts one node by its type; an unknown type is recorded as a problem and becomes an `Unconverted` node. */
  convert(node: CstNode): AstNode {
    // A left-out item is a hole in its list, which the caller removes once the whole tree is converted.
    if (this.leaveOut?.(node)) return null as unknown as AstNode;
    const converter = this.converters[node.type];
    if (converter === undefined) {
      this.problems.push({ message: `no converter for tree-sitter node type '${node.type}'`, node });
      return this.located({ type: 'Unconverted', cstType: node.type }, node);
    }
    return converter(node, this);
  }

  /** The source text of a node. */
  text(node: CstNode): string {
    return node.text;
  }

  /**
   * Sets `loc` and `range` on `ast` to span from the first token of `from` to the last token of `to` (default
   * `from`), the way @solidity-parser/parser does, and returns it.
   */
  located<T extends AstNode>(ast: T, from: CstNode, to: CstNode = from): T {
    const last = lastToken(to);
    ast.loc = {
      start: { line: from.startPosition.row + 1, column: from.startPosition.column },
      end: { line: last.startPosition.row + 1, column: last.startPosition.column },
    };
    ast.range = [from.startIndex, to.endIndex - 1];
    return ast;
  }

  /**
   * Like `located`, for a node that tree-sitter splits into several tokens but @solidity-parser/parser lexes as
   * ONE (a string or hex literal): `loc.end` is where the node starts.
   */
  locatedToken<T extends AstNode>(ast: T, node: CstNode): T {
    const start = { line: node.startPosition.row + 1, column: node.startPosition.column };
    ast.loc = { start, end: { ...start } };
    ast.range = [node.startIndex, node.endIndex - 1];
    return ast;
  }

  problem(message: string, node: CstNode): void {
    this.problems.push({ message, node });
  }
}

/**
 * The last token of a node as the ANTLR lexer splits it, skipping trailing comments: a string (`"a"`) is one
 * token, and so is each `hex"…"` / `unicode"…"` fragment, which tree-sitter splits at the quotes.
 */
export function lastToken(node: CstNode): CstNode {
  // Each read of a node's type is a call into WebAssembly, so each is read once.
  let current = node;
  let type = node.type;
  for (;;) {
    if (type === 'string') return current;
    const fragmentStart = FRAGMENT_START[type];
    const count = current.childCount;
    let child = count === 0 ? null : current.child(count - 1);
    let childType = child?.type;
    while (child !== null && (childType === 'comment' || (fragmentStart !== undefined && childType !== fragmentStart))) {
      child = child.previousSibling;
      childType = child?.type;
    }
    if (child === null || fragmentStart !== undefined) return child ?? current;
    current = child;
    type = childType!;
  }
}

/** Literals made of fragments that ANTLR lexes as one token each, and the keyword each fragment starts with. */
const FRAGMENT_START: Readonly<Record<string, string>> = {
  hex_string_literal: 'hex',
  unicode_string_literal: 'unicode',
  yul_hex_string_literal: 'hex',
};

/** The arguments of a call as a `FunctionCall` holds them: the `call_argument` children of `parent`. */
export function callArguments(parent: CstNode, cx: ConvertContext): CallArgumentFields {
  const { values, names } = callArgumentNodes(parent);
  return callArgumentFields(values.map((value) => cx.convert(value)), names, cx);
}

export interface CallArgumentFields {
  arguments: AstNode[];
  names: string[];
  identifiers: AstNode[];
}

/**
 * The argument expressions of a call, and the names of named arguments, unconverted: expressions.ts converts them
 * on its own stack, so that `f(f(f(…)))` nested thousands deep does not recurse once per level.
 */
export function callArgumentNodes(parent: CstNode): { values: CstNode[]; names: CstNode[] } {
  const values: CstNode[] = [];
  const names: CstNode[] = [];
  for (const argument of parent.namedChildren) {
    if (argument?.type !== 'call_argument') continue;
    const positional = argument.firstNamedChild;
    if (positional?.type === 'expression') {
      values.push(positional);
      continue;
    }
    // Named arguments `f({a: 1, b: 2})`: one call_argument holding every name-value pair.
    for (const pair of argument.namedChildren) {
      if (pair?.type !== 'call_struct_argument') continue;
      names.push(pair.childForFieldName('name')!);
      values.push(pair.childForFieldName('value')!);
    }
  }
  return { values, names };
}

/** The argument fields of a `FunctionCall`, from the converted argument values and the names of named arguments. */
export function callArgumentFields(args: AstNode[], names: CstNode[], cx: ConvertContext): CallArgumentFields {
  return { arguments: args, names: names.map((name) => cx.text(name)), identifiers: names.map((name) => cx.convert(name)) };
}
