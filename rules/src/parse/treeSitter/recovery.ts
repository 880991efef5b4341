// What a concrete tree with syntax errors yields: one located error per ERROR or MISSING node, and the list
// items (top-level units, contract members, statements) left out of the AST because an error breaks them, so the
// rest of the file is still converted and analysed.

import { isBuiltinMemberSuffix } from './assembly';
import type { CstNode } from './convertContext';

export interface TreeSyntaxError {
  message: string;
  /** UTF-16 offset of the token the error is reported at. */
  start: number;
  /** For a file that ends inside blocks: how many `}` would close them (see `parseSolidity`). */
  unclosedBraces?: number;
}

/**
 * Nodes whose converters convert each named child through `ConvertContext.convert` into one list of the AST
 * (`SourceUnit.children`, `ContractDefinition.subNodes`, `Block.statements`): a child left out there is only a
 * shorter list. Yul blocks are not among them (their statements are joined and read in place), so an error in
 * inline assembly leaves out the whole assembly statement.
 */
const LIST_NODES = new Set(['source_file', 'contract_body', 'function_body', 'block_statement']);

/**
 * Whether `node`, met during the conversion of a tree with errors, is a list item to leave out: an ERROR node,
 * or an item with an error outside the lists nested in it (those lists drop their own broken items). A MISSING
 * punctuation token (`;`, `)`, `}`) does not break an item: the parser's tree around it is complete; a MISSING
 * named node (an identifier, an expression) does.
 */
export function isBrokenListItem(node: CstNode): boolean {
  if (!node.hasError) return false;
  const parent = node.parent;
  if (parent === null || !LIST_NODES.has(parent.type)) return false;
  const pending: CstNode[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if ((current.isError && !isBuiltinMemberSuffix(current)) || (current.isMissing && current.isNamed)) return true;
    for (const child of current.children) {
      if (child !== null && (child.hasError || child.isMissing) && !LIST_NODES.has(child.type)) pending.push(child);
    }
  }
  return false;
}

const CONTRACT_DECLARATIONS = new Set(['contract_declaration', 'interface_declaration', 'library_declaration']);

/**
 * Whether an error breaks a top-level item or a contract member, not only statements inside bodies: tree-sitter's
 * recovery ran on past the statement being typed (`u` above an `if` closes the function early and leaves the
 * rest of its body an ERROR among the members).
 */
export function breaksAnItem(root: CstNode): boolean {
  if (!root.hasError) return false;
  for (const item of root.namedChildren) {
    if (item === null) continue;
    if (isBrokenListItem(item)) return true;
    const body = CONTRACT_DECLARATIONS.has(item.type) && item.hasError ? item.childForFieldName('body') : null;
    for (const member of body?.namedChildren ?? []) if (member !== null && isBrokenListItem(member)) return true;
  }
  return false;
}

/** Every ERROR and MISSING node of the tree in text order, not looking inside an ERROR node. */
export function syntaxErrorsOf(root: CstNode, text: string): TreeSyntaxError[] {
  const errors: TreeSyntaxError[] = [];
  const pending: CstNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.isError) {
      // `sstore(number.slot, v)`: an ERROR only because `number` is also a builtin; assembly.ts converts it.
      if (!isBuiltinMemberSuffix(node)) errors.push(unexpected(node, text));
    } else if (node.isMissing) errors.push({ message: `missing ${node.isNamed ? node.type.replaceAll('_', ' ') : `'${node.type}'`}`, start: node.startIndex });
    else {
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child !== null && (child.hasError || child.isMissing)) pending.push(child);
      }
    }
  }
  return errors;
}

/**
 * The error of an ERROR node: its first token is unexpected. An ERROR that runs to the end of the file with a `{`
 * left open is an unclosed block (the usual state while a function is being typed), so the error names that
 * brace instead of the node's first token, which may be far above.
 */
function unexpected(node: CstNode, text: string): TreeSyntaxError {
  if (text.slice(node.endIndex).trim() === '') {
    const unclosed = unclosedBraces(node);
    if (unclosed.length > 0) return { message: "'{' is not closed before the end of the file", start: unclosed.at(-1)!.startIndex, unclosedBraces: unclosed.length };
  }
  const token = firstToken(node);
  const shown = token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text;
  return { message: `unexpected '${shown}'`, start: token.startIndex };
}

/** The `{` tokens of a node that no `}` closes, outermost first. */
function unclosedBraces(node: CstNode): CstNode[] {
  const open: CstNode[] = [];
  const pending: CstNode[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.type === '{') open.push(current);
    else if (current.type === '}') open.pop();
    else if (current.type !== 'comment' && current.type !== 'string') {
      const children = current.children;
      for (let i = children.length - 1; i >= 0; i--) if (children[i] !== null) pending.push(children[i]!);
    }
  }
  return open;
}

/** The first token of a node, comments skipped; a string literal is one token. */
function firstToken(node: CstNode): CstNode {
  let current = node;
  for (;;) {
    if (current.type === 'string') return current;
    let child = current.firstChild;
    while (child !== null && child.type === 'comment') child = child.nextSibling;
    if (child === null) return current;
    current = child;
  }
}
