// The tree-sitter front end: parse Solidity with tree-sitter-solidity (WebAssembly) and convert the concrete tree
// into the @solidity-parser/parser AST the rules read.

import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import type { Tree } from 'web-tree-sitter';
import { ConvertContext, type AstNode, type ConversionProblem, type ConverterTable, type CstNode } from './convertContext';
import { treeSitterParser } from './loadGrammar';
import { contractWithMembers, declarationConverters, enterContract } from './declarations';
import { statementConverters } from './statements';
import { expressionConverters } from './expressions';
import { assemblyConverters } from './assembly';
import { breaksAnItem, isBrokenListItem, syntaxErrorsOf, type TreeSyntaxError } from './recovery';
import { dropMissingNodes } from '../dropMissingNodes';

export { loadTreeSitter, treeSitterParser, TreeSitterNotLoadedError } from './loadGrammar';
export type { TreeSyntaxError } from './recovery';
export { breaksAnItem } from './recovery';

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
  /** Whether an error breaks a top-level item or a contract member (see recovery.ts). */
  breaksAnItem: boolean;
}

/** Parses `text` and converts it; `loadTreeSitter()` must have resolved first. */
export function parseWithTreeSitter(text: string): TreeSitterParse {
  const tree = treeSitterParser().parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  try {
    return convertTree(tree, text);
  } finally {
    tree.delete();
  }
}

/** Converts a tree of `text` that the caller keeps (and deletes): the incremental parse cache holds its trees. */
export function convertTree(tree: Tree, text: string): TreeSitterParse {
  const root = tree.rootNode;
  // A tree whose only ERROR nodes are ones the converters read (recovery.ts) has no syntax error.
  const syntaxErrors = treeSyntaxErrors(tree, text);
  const hasErrors = syntaxErrors.length > 0;
  const cx = new ConvertContext(text, converters, hasErrors ? isBrokenListItem : undefined);
  const ast = cx.convert(root) as unknown as SourceUnit;
  if (hasErrors) dropMissingNodes(ast);
  return { ast, problems: cx.problems, syntaxErrors, breaksAnItem: hasErrors && breaksAnItem(root) };
}

/**
 * Converts the header of a contract declaration (name, kind, bases, layout) of a tree without syntax errors, with
 * `members` as its members: an edit of the header alone keeps the members converted before.
 */
export function convertContractHeader(node: CstNode, text: string, members: AstNode[]): AstNode {
  return contractWithMembers(node, new ConvertContext(text, converters), () => members);
}

/**
 * Converts one node of a tree (a contract member or top-level item an edit changed) as the whole tree's conversion
 * would: in a tree with syntax errors, the list items they break are left out. Undefined when `node` itself is one.
 */
export function convertNode(node: CstNode, text: string, treeHasErrors = false): AstNode | undefined {
  if (treeHasErrors && isBrokenListItem(node)) return undefined;
  const cx = new ConvertContext(text, converters, treeHasErrors ? isBrokenListItem : undefined);
  const contract = contractEnteredBefore(node);
  if (contract !== undefined) enterContract(cx, contract);
  const ast = cx.convert(node);
  if (treeHasErrors) dropMissingNodes(ast);
  return ast;
}

/** The syntax errors of a tree: one per ERROR or MISSING node. */
export function treeSyntaxErrors(tree: Tree, text: string): TreeSyntaxError[] {
  return tree.rootNode.hasError ? syntaxErrorsOf(tree.rootNode, text) : [];
}

/**
 * The name of the contract a whole-file conversion would have entered last when it reaches `node`: the one holding
 * it, else the last one before it in the file (the converter never leaves a contract: the oracle's quirk).
 */
function contractEnteredBefore(node: CstNode): string | undefined {
  let item = node;
  while (item.parent !== null && item.parent.parent !== null) item = item.parent;
  if (item !== node) return item.childForFieldName('name')?.text;
  for (let sibling = item.previousNamedSibling; sibling !== null; sibling = sibling.previousNamedSibling) {
    if (CONTRACT_TYPES.has(sibling.type)) return sibling.childForFieldName('name')?.text;
  }
  return undefined;
}

const CONTRACT_TYPES = new Set(['contract_declaration', 'interface_declaration', 'library_declaration']);
