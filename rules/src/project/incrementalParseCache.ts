// The editor's parse cache: it keeps the tree-sitter tree of each open document, so a new text of it becomes
// tree.edit() + an incremental re-parse, and only the contract member or top-level item the edit changed is
// converted again and put into the previous AST (the nodes after it are moved). A text with syntax errors is read
// from a fresh parse, and only the item holding the edit and every error is converted again, when tree-sitter's
// own recovery is what parseSolidity keeps; an edit spanning items, or a text parseSolidity repairs, is converted
// in full.

import type { ASTNode, ContractDefinition, FunctionDefinition, ModifierDefinition, SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import type { Node as CstNode, Tree } from 'web-tree-sitter';
import { LineIndex } from '../model/lineIndex';
import { findExcessiveBracketNesting } from '../parse/bracketDepth';
import { parseSolidity, readingOf, type ParseOutcome, type SyntaxError } from '../parse/parseSolidity';
import { shiftPositions } from '../parse/shiftPositions';
import { convertContractHeader, convertNode, convertTree, treeSitterParser, treeSyntaxErrors } from '../parse/treeSitter';
import type { AstNode } from '../parse/treeSitter/convertContext';
import { createSourceFile, ParseCache, sourceFileFromParse, type SourceFile } from './sourceFile';

/**
 * How the last text of a file was parsed: unchanged; from its previous tree with only the edited item converted
 * ('spliced') or the whole tree converted ('incremental'); or from nothing.
 */
export type ParseKind = 'cached' | 'spliced' | 'incremental' | 'full';

interface Kept {
  file: SourceFile;
  /** A tree of `astText`. */
  tree: Tree;
  /**
   * The text `tree` and `file.ast` were made from: the file's, or the file's with the line being typed blanked
   * (parseSolidity skips it: see withTypedLineSkipped). Same length and lines as the file's text.
   */
  astText: string;
  kind: ParseKind;
  /**
   * Whether `file.ast` is the conversion of a fresh parse of `astText`, with no other repair (parseSolidity closes
   * blocks left open and blanks statements a bracket left open): then an item an edit changes may be converted alone.
   */
  plain: boolean;
}

/** The text change between two versions: [start, previousEnd) of the old text became [start, end) of the new. */
interface TextChange {
  start: number;
  previousEnd: number;
  end: number;
}

const CALLABLES = new Set(['function_definition', 'modifier_definition', 'constructor_definition', 'fallback_receive_definition']);

export class IncrementalParseCache extends ParseCache {
  /** Files whose tree is not kept (the workspace's closed files): parsed once per content. */
  private readonly plain = new Map<string, SourceFile>();
  private readonly kept = new Map<string, Kept>();
  private readonly lastKind = new Map<string, ParseKind>();

  /** `keepsTree` says which files are edited (open documents): only their trees are worth their memory. */
  constructor(private readonly keepsTree: (path: string) => boolean) {
    super();
  }

  override get(path: string, text: string): SourceFile {
    const cached = this.kept.get(path)?.file ?? this.plain.get(path);
    if (cached?.text === text) {
      this.lastKind.set(path, 'cached');
      return cached;
    }
    if (!this.keepsTree(path)) {
      this.delete(path);
      const file = createSourceFile(path, text);
      this.plain.set(path, file);
      this.lastKind.set(path, 'full');
      return file;
    }
    const kept = this.kept.get(path);
    // The re-parse consumes the old tree: forget it first, so a throw cannot leave a freed tree to free again.
    this.kept.delete(path);
    const next = kept ? reparse(kept, text) : fullParse(path, text);
    this.plain.delete(path);
    this.kept.set(path, next);
    this.lastKind.set(path, next.kind);
    return next.file;
  }

  /** Drops the file and frees its tree: WebAssembly memory is not garbage-collected. */
  override delete(path: string): void {
    this.kept.get(path)?.tree.delete();
    this.kept.delete(path);
    this.plain.delete(path);
    this.lastKind.delete(path);
  }

  lastParseOf(path: string): ParseKind {
    return this.lastKind.get(path) ?? 'cached';
  }

  /** Files whose tree is kept, for tests of the memory they hold. */
  keptTrees(): number {
    return this.kept.size;
  }
}

function parseTree(text: string, previous?: Tree): Tree {
  const tree = treeSitterParser().parse(text, previous);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * The tree's own conversion when it is free of errors, else parseSolidity's (its recovery re-parses with the
 * unclosed braces closed, and it refuses nesting too deep for the converter): one way to read a broken file.
 */
function outcomeOf(tree: Tree, text: string, lines: LineIndex): ParseOutcome {
  if (tree.rootNode.hasError || findExcessiveBracketNesting(text) !== undefined) return parseSolidity(text, lines);
  try {
    return { ast: convertTree(tree, text).ast, syntaxErrors: [] };
  } catch {
    // A converter failing on odd input: parseSolidity turns that into a located error, as for any other parse.
    return parseSolidity(text, lines);
  }
}

function fullParse(path: string, text: string, tree = parseTree(text), kind: ParseKind = 'full'): Kept {
  const lines = new LineIndex(text);
  const outcome = outcomeOf(tree, text, lines);
  return { file: sourceFileFromParse(path, text, outcome, lines), tree, astText: text, kind, plain: outcome.syntaxErrors.length === 0 };
}

/** The new version of a kept file: the old tree edited and re-parsed, and what changed converted again. */
function reparse(kept: Kept, text: string): Kept {
  const old = kept.file;
  // A copy of the old tree, in case the text is read with a typed line skipped: that text is parsed from it too.
  const base = kept.tree.copy();
  const change = textChange(kept.astText, text);
  const inComment = commentHolding(kept.tree.rootNode, change.start, change.previousEnd) !== undefined;
  // The old tree is consumed; from here on `old.ast` is moved in place into the new version. A text with nesting
  // parseSolidity refuses, or following a repaired one, is read the one way a broken file is read.
  let next = editAndParse(kept.tree, kept.astText, text);
  if (!old.ast || !kept.plain || findExcessiveBracketNesting(text) !== undefined) {
    base.delete();
    return fullParse(old.path, text, next.tree, 'incremental');
  }
  const lines = new LineIndex(text);
  let errors: SyntaxError[] = [];
  if (next.tree.rootNode.hasError) {
    // Read as parseSolidity reads it, from a fresh parse: tree-sitter's recovery around an error may differ when it
    // re-parses incrementally.
    const fresh = parseTree(text);
    next.tree.delete();
    const reading = readingOf(fresh, text, lines);
    if (!reading) {
      base.delete();
      return fullParse(old.path, text, fresh, 'incremental');
    }
    const skipped = reading.skippable[0];
    if (skipped) {
      // parseSolidity keeps the first line whose skipping leaves no item broken: when the text without it parses
      // clean (the usual case: the line being typed), that is this one, and the rest is the text before the line.
      const withoutLine = editAndParse(base, kept.astText, skipped.text);
      if (treeSyntaxErrors(withoutLine.tree, skipped.text).length > 0) {
        withoutLine.tree.delete();
        return fullParse(old.path, text, fresh, 'incremental');
      }
      fresh.delete();
      next = withoutLine;
      errors = [skipped.error];
    } else {
      base.delete();
      next = { ...next, tree: fresh };
      errors = reading.errors;
    }
  } else {
    base.delete();
  }

  const astText = next.text;
  let start = next.change.start;
  let end = next.change.end;
  for (const range of next.changed) {
    start = Math.min(start, range.startIndex);
    end = Math.max(end, range.endIndex);
  }
  // The converted item must hold every error: the rest of the tree is kept as it was.
  for (const error of errors) {
    start = Math.min(start, error.range.start);
    end = Math.max(end, error.range.start);
  }
  const clean = errors.length === 0 && old.syntaxErrors.length === 0;
  const comment = inComment && clean ? commentHolding(next.tree.rootNode, start, end) : undefined;
  let spliced: SourceFile | undefined;
  try {
    spliced =
      (comment ? movedOnly(old, kept.astText, astText, next.change, comment, lines) : undefined) ??
      splice(old, kept.astText, astText, next.tree, next.change, start, end, errors, lines);
  } catch {
    // A converter failing on the edited item: converting the whole tree afresh reports it where parses report it.
    spliced = undefined;
  }
  if (spliced) return { file: spliced, tree: next.tree, astText, kind: 'spliced', plain: true };
  // The whole conversion reads the document's text, from a tree of it.
  if (astText !== text) next.tree.delete();
  return fullParse(old.path, text, astText === text ? next.tree : parseTree(text), 'incremental');
}

interface Reparsed {
  /** The text parsed. */
  text: string;
  tree: Tree;
  /** How it differs from the text the previous tree was parsed from. */
  change: TextChange;
  /** Where the trees differ, by tree-sitter. */
  changed: { startIndex: number; endIndex: number }[];
}

/** `text` parsed from `previous`, a tree of `previousText`, which is consumed. */
function editAndParse(previous: Tree, previousText: string, text: string): Reparsed {
  const change = textChange(previousText, text);
  previous.edit({
    startIndex: change.start,
    oldEndIndex: change.previousEnd,
    newEndIndex: change.end,
    startPosition: pointAt(previousText, change.start),
    oldEndPosition: pointAt(previousText, change.previousEnd),
    newEndPosition: pointAt(text, change.end),
  });
  const tree = parseTree(text, previous);
  const changed = previous.getChangedRanges(tree);
  previous.delete();
  return { text, tree, change, changed };
}

/** The common prefix and suffix of two texts bound the change (an LSP client's ranges may be several; this is one). */
function textChange(old: string, text: string): TextChange {
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, previousEnd: old.length - suffix, end: text.length - suffix };
}

/** A tree-sitter point: rows end at '\n' only, columns count UTF-16 units (web-tree-sitter's string input). */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function countNewlines(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The comment holding [start, end), the edited text, inside its delimiters: after the opening two characters, and
 * before a block comment's closing two; text appended to a line comment (the usual typing) extends it.
 */
function commentHolding(root: CstNode, start: number, end: number): CstNode | undefined {
  // From the character before the edit: an insertion at the end of a line comment starts where the comment ends.
  const node = root.descendantForIndex(Math.max(0, start - 1), Math.max(0, start - 1, end - 1));
  if (node?.type !== 'comment' || start < node.startIndex + 2) return undefined;
  const lineComment = node.text.startsWith('//');
  return end <= node.endIndex - (lineComment ? 0 : 2) ? node : undefined;
}

/** An edit inside one comment: the same tree, the nodes after it moved (when none shares the comment's last line). */
function movedOnly(old: SourceFile, base: string, text: string, change: TextChange, comment: CstNode, lines: LineIndex): SourceFile | undefined {
  if (!old.ast || !restOfLineIsBlank(text, comment.endIndex)) return undefined;
  const lineDelta = countNewlines(text, change.start, change.end) - countNewlines(base, change.start, change.previousEnd);
  const delta = change.end - change.previousEnd;
  // Read before the move, in the old offsets: no item's text holds a comment outside every item.
  const outside = (old.ast.children as ASTNode[]).every((n) => !n.range || change.previousEnd <= n.range[0] || n.range[1] < change.start);
  shiftPositions(old.ast, { previousEnd: change.previousEnd, delta, lineDelta });
  const file = withText(old, old.ast, [], lines);
  // A comment in a body changes that callable's text only: finding reuse treats it as any edit of the body.
  const callable = callableWithBodyHolding(old.ast, change.start, change.end);
  if (callable) file.bodyEdit = { previousContentHash: old.contentHash, callable, previousEnd: (callable.range as [number, number])[1] + 1 - delta, delta };
  else if (outside) file.outsideEdit = { previousContentHash: old.contentHash, kind: 'comment', start: change.start, previousEnd: change.previousEnd, delta };
  return file;
}

function callableWithBodyHolding(ast: SourceUnit, start: number, end: number): FunctionDefinition | ModifierDefinition | undefined {
  const items = (ast.children as ASTNode[]).flatMap((n) => (n.type === 'ContractDefinition' ? (n.subNodes as ASTNode[]) : [n]));
  for (const item of items) {
    if (item.type !== 'FunctionDefinition' && item.type !== 'ModifierDefinition') continue;
    const body = item.body?.range;
    if (body && body[0] < start && end <= body[1]) return item;
  }
  return undefined;
}

/** Whether only blanks follow `offset` on its line: then no node after `offset` shares it, and all keep their columns. */
function restOfLineIsBlank(text: string, offset: number): boolean {
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? text.length : lineEnd);
  return rest.trim() === '';
}

/**
 * The new file when [start, end) of the new text lies inside one contract member or top-level item: that item is
 * converted from the new tree and replaces its old AST node, and the nodes after it are moved. A body edit of a
 * function or modifier is recorded for finding reuse. Undefined when the edit spans items. `errors` are the new
 * text's syntax errors, all inside [start, end); the old text's must lie inside the item replaced, whose broken
 * statements the new conversion leaves out in the same way.
 */
function splice(
  old: SourceFile,
  base: string,
  text: string,
  tree: Tree,
  change: TextChange,
  start: number,
  end: number,
  errors: SyntaxError[],
  lines: LineIndex,
): SourceFile | undefined {
  const ast = old.ast as SourceUnit;
  const item = childHolding(tree.rootNode, start, end);
  if (!item) return undefined;
  const oldItem = (ast.children as ASTNode[]).findIndex((n) => n.range?.[0] === item.startIndex);
  if (oldItem < 0) return undefined;
  let siblings = ast.children as ASTNode[];
  let index = oldItem;
  let target = item;
  const contractBody = item.type.endsWith('_declaration') ? item.namedChildren.find((c) => c?.type === 'contract_body') : undefined;
  const member = contractBody ? childHolding(contractBody, start, end) : undefined;
  const contract = siblings[oldItem];
  if (member && contract.type === 'ContractDefinition') {
    const memberIndex = (contract.subNodes as ASTNode[]).findIndex((n) => n.range?.[0] === member.startIndex);
    if (memberIndex >= 0) {
      siblings = contract.subNodes as ASTNode[];
      index = memberIndex;
      target = member;
    }
  }
  const replaced = siblings[index];
  const previousEnd = (replaced.range as [number, number])[1] + 1;
  const delta = change.end - change.previousEnd;
  // The item must end where the old one ended, moved by the edit, and nothing else may follow it on its line.
  if (target.endIndex !== previousEnd + delta || previousEnd < change.previousEnd || !restOfLineIsBlank(text, target.endIndex)) return undefined;
  const [replacedStart, replacedEnd] = replaced.range as [number, number];
  if (!old.syntaxErrors.every((e) => replacedStart <= e.range.start && e.range.start <= replacedEnd)) return undefined;

  const lineDelta = countNewlines(text, change.start, change.end) - countNewlines(base, change.start, change.previousEnd);
  let replacement: ASTNode;
  const clean = errors.length === 0 && old.syntaxErrors.length === 0;
  if (clean && contractBody && replaced.type === 'ContractDefinition' && headerOnly(text, change, target, contractBody, replaced, delta)) {
    // The members are kept, moved, under the header converted afresh: converting a large contract whole cost more
    // than re-running its rules.
    shiftPositions(ast, { previousEnd: change.previousEnd, delta, lineDelta });
    replacement = convertContractHeader(target, text, replaced.subNodes as unknown as AstNode[]) as unknown as ASTNode;
  } else {
    // Broken statements are left out as the whole conversion leaves them out: when the tree reports errors.
    const converted = convertNode(target, text, tree.rootNode.hasError && treeSyntaxErrors(tree, text).length > 0);
    // An error breaking the item itself leaves it out of the tree: the whole conversion says what else it breaks.
    if (converted === undefined) return undefined;
    replacement = converted as unknown as ASTNode;
    shiftPositions(ast, { previousEnd, delta, lineDelta }, replaced);
  }
  siblings[index] = replacement;

  const body = CALLABLES.has(target.type) ? target.childForFieldName('body') : null;
  const inBody = body !== null && body.startIndex < start && end < body.endIndex;
  const file = withText(old, ast, errors, lines);
  if (inBody && (replacement.type === 'FunctionDefinition' || replacement.type === 'ModifierDefinition')) {
    file.bodyEdit = { previousContentHash: old.contentHash, callable: replacement, previousEnd, delta };
  } else if (target !== item && contract.type === 'ContractDefinition') {
    const names = [contract.name, nameOf(replaced), nameOf(replacement)].filter((n): n is string => !!n);
    const start = (replacement.range as [number, number])[0];
    file.memberEdit = { previousContentHash: old.contentHash, kind: 'member', contract, names, previousBases: [], start, previousEnd, delta };
  } else if (contractBody && replaced.type === 'ContractDefinition' && replacement.type === 'ContractDefinition' && change.end <= contractBody.startIndex) {
    if (headerBlanksOnly(base, text, change, replaced, replacement)) {
      file.outsideEdit = { previousContentHash: old.contentHash, kind: 'layout', start: change.start, previousEnd: change.previousEnd, delta };
    } else {
      // The name, kind or bases changed: how contracts relate changed, for the contracts related to it before or after.
      const previousBases = replaced.baseContracts.map((b) => b.baseName.namePath);
      const start = (replacement.range as [number, number])[0];
      file.memberEdit = { previousContentHash: old.contentHash, kind: 'header', contract: replacement, names: [replaced.name, replacement.name], previousBases, start, previousEnd, delta };
    }
  } else if (replaced.type === 'PragmaDirective' && replacement.type === 'PragmaDirective') {
    file.outsideEdit = { previousContentHash: old.contentHash, kind: 'pragma', start: (replacement.range as [number, number])[0], previousEnd, delta };
  }
  return file;
}

/**
 * Whether an edit changed a contract's header before its body opens and kept its name and kind (its members read
 * them), with no member on the edited line (moving keeps columns).
 */
function headerOnly(text: string, change: TextChange, declaration: CstNode, body: CstNode, contract: ContractDefinition, delta: number): boolean {
  const firstMember = contract.subNodes[0]?.range?.[0];
  return (
    change.end <= body.startIndex &&
    declaration.childForFieldName('name')?.text === contract.name &&
    declaration.firstChild?.type === contract.kind &&
    (firstMember === undefined || text.lastIndexOf('\n', firstMember + delta) >= change.end)
  );
}

/**
 * Whether an edit in a contract's header changed only blanks: the same name, kind and bases (arguments included).
 * Its nodes moved, and nothing a rule reads changed.
 */
function headerBlanksOnly(old: string, text: string, change: TextChange, before: ContractDefinition, after: ContractDefinition): boolean {
  const blank = (t: string): boolean => t.trim() === '';
  const withoutPositions = (node: unknown): string => JSON.stringify(node, (key, value: unknown) => (key === 'loc' || key === 'range' ? undefined : value));
  return (
    blank(old.slice(change.start, change.previousEnd)) &&
    blank(text.slice(change.start, change.end)) &&
    before.name === after.name &&
    before.kind === after.kind &&
    withoutPositions(before.baseContracts) === withoutPositions(after.baseContracts)
  );
}

/** The names a member declares (a state variable's, a function's, an event's): code naming them may read it. */
function nameOf(member: ASTNode): string | undefined {
  if (member.type === 'StateVariableDeclaration') return member.variables[0]?.name ?? undefined;
  const name = (member as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The named child of `parent` holding [start, end) (a comment is no item: an edit there moves nothing). */
function childHolding(parent: CstNode, start: number, end: number): CstNode | undefined {
  for (const child of parent.namedChildren) {
    if (child && child.type !== 'comment' && child.startIndex <= start && end <= child.endIndex) return child;
  }
  return undefined;
}

/** A version of `old` with the text `lines` indexes, over the (moved or spliced) tree `ast`. */
function withText(old: SourceFile, ast: SourceUnit, syntaxErrors: SyntaxError[], lines: LineIndex): SourceFile {
  return sourceFileFromParse(old.path, lines.text, { ast, syntaxErrors }, lines);
}
