// The tree-sitter front end: parse Solidity with tree-sitter-solidity (WebAssembly) and convert the concrete tree
// into the @solidity-parser/parser AST the rules read.

import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { ConvertContext, type ConversionProblem, type ConverterTable } from './convertContext';
import { treeSitterParser } from './loadGrammar';
import { declarationConverters } from './declarations';
import { statementConverters } from './statements';
import { expressionConverters } from './expressions';
import { assemblyConverters } from './assembly';

export { loadTreeSitter } from './loadGrammar';

const converters: ConverterTable = {
  ...declarationConverters,
  ...statementConverters,
  ...expressionConverters,
  ...assemblyConverters,
};

export interface TreeSitterParse {
  ast: SourceUnit;
  problems: ConversionProblem[];
}

/** Parses `text` and converts it; `loadTreeSitter()` must have resolved first. */
export function parseWithTreeSitter(text: string): TreeSitterParse {
  const tree = treeSitterParser().parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  try {
    const cx = new ConvertContext(text, converters);
    const ast = cx.convert(tree.rootNode) as unknown as SourceUnit;
    return { ast, problems: cx.problems };
  } finally {
    tree.delete();
  }
}
