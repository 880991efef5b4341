// A range-only node for reports on source text the parser has no node for (a keyword such as `constant` or
// `assembly`), so a finding underlines that text instead of the whole enclosing construct.

import type { BaseASTNode, FunctionDefinition } from '@solidity-parser/parser/dist/src/ast-types';

/** A node covering `[start, end)`; the parser's ranges are end-inclusive, hence `end - 1`. */
export function rangeNode(start: number, end: number): BaseASTNode {
  return { type: 'Identifier', range: [start, end - 1] };
}

/** The name of a function in its header (`transfer` in `function transfer(...)`), or the keyword when it has none. */
export function functionNameNode(text: string, fn: FunctionDefinition): BaseASTNode {
  const start = fn.range?.[0] ?? 0;
  const header = /^function\s+/.exec(text.slice(start));
  if (fn.name && header) return rangeNode(start + header[0].length, start + header[0].length + fn.name.length);
  // Constructors, fallback and receive functions: the keyword.
  const keyword = /^\w+/.exec(text.slice(start))?.[0] ?? '';
  return rangeNode(start, start + keyword.length);
}
