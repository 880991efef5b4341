// A range-only node for reports on source text the parser has no node for (a keyword such as `constant` or
// `assembly`), so a finding underlines that text instead of the whole enclosing construct.

import type { BaseASTNode } from '@solidity-parser/parser/dist/src/ast-types';

/** A node covering `[start, end)`; the parser's ranges are end-inclusive, hence `end - 1`. */
export function rangeNode(start: number, end: number): BaseASTNode {
  return { type: 'Identifier', range: [start, end - 1] };
}
