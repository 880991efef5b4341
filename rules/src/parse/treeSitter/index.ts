// The tree-sitter front end: parse Solidity with tree-sitter-solidity (WebAssembly) and convert the concrete tree
// into the @solidity-parser/parser AST the rules read.

import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { ConvertContext, type ConversionProblem, type ConverterTable } from './convertContext';
import { treeSitterParser } from './loadGrammar';
import { declarationConverters } from './declarations';
import { statementConverters } from './statements';
import { expressionConverters } from './expressions';
import { assemblyConverters } from './assembly';
import { isBrokenListItem, syntaxErrorsOf, type TreeSyntaxError } from './recovery';
import { dropMissingNodes } from '../dropMissingNodes';

export { loadTreeSitter, TreeSitterNotLoadedError } from './loadGrammar';
export type { TreeSyntaxError } from './recovery';

const converters: ConverterTable = {
  ...declarationConverters,
  ...statementConverters,
  ...expressionConverters,
  ...assemblyConverters,
};

export interface TreeSitterParse {
  ast: SourceUnit;
  problems: ConversionProblem[];
  /** One per ERROR or MISSING node; the list items they break are left out of `ast`. */
  syntaxErrors: TreeSyntaxError[];
}

/** Parses `text` and converts it; `loadTreeSitter()` must have resolved first. */
export function parseWithTreeSitter(text: string): TreeSitterParse {
  const tree = treeSitterParser().parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    // A tree whose only ERROR nodes are ones the converters read (recovery.ts) has no syntax error.
    const syntaxErrors = root.hasError ? syntaxErrorsOf(root, text) : [];
    const hasErrors = syntaxErrors.length > 0;
    const cx = new ConvertContext(text, converters, hasErrors ? isBrokenListItem : undefined);
    const ast = cx.convert(root) as unknown as SourceUnit;
    if (hasErrors) dropMissingNodes(ast);
    return { ast, problems: cx.problems, syntaxErrors };
  } finally {
    tree.delete();
  }
}
