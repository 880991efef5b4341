// Parses Solidity source tolerantly with the tree-sitter front end: a syntax error becomes a located error, never
// an exception, and the items it breaks are left out while the rest of the file is still analysed.

import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { LineIndex } from '../model/lineIndex';
import type { SourceRange } from '../model/finding';
import { findExcessiveBracketNesting, MAX_BRACKET_DEPTH } from './bracketDepth';
import { findUnclosedBracket } from './unclosedBracket';
import type { Tree } from 'web-tree-sitter';
import { breaksAnItem, parseWithTreeSitter, treeSyntaxErrors, TreeSitterNotLoadedError, type TreeSitterParse, type TreeSyntaxError } from './treeSitter';

export interface SyntaxError {
  message: string;
  range: SourceRange;
}

export interface ParseOutcome {
  /** Present whenever a tree could be built, even with syntax errors. */
  ast: SourceUnit | undefined;
  syntaxErrors: SyntaxError[];
}

/**
 * Syntax errors reported per file. Past the first few the parser is only resynchronising (a binary file gave
 * thousands), and thousands of squiggles or report lines bury the one that matters.
 */
export const MAX_SYNTAX_ERRORS = 50;

/** Parses `text`; `loadTreeSitter()` must have resolved first (a parse before that throws: a programming error). */
export function parseSolidity(text: string, lines: LineIndex = new LineIndex(text)): ParseOutcome {
  const tooDeep = findExcessiveBracketNesting(text);
  if (tooDeep !== undefined) {
    const message = `brackets are nested more than ${MAX_BRACKET_DEPTH} levels deep here; the file is not parsed or analysed`;
    return { ast: undefined, syntaxErrors: [toSyntaxError(message, tooDeep, lines)] };
  }
  let parsed: TreeSitterParse;
  try {
    parsed = parseTolerantly(text, lines);
  } catch (err) {
    // Not loading the grammar first is our bug and must show; a converter failing on odd input must not stop a scan.
    if (err instanceof TreeSitterNotLoadedError) throw err;
    const message = err instanceof RangeError ? 'The file is nested too deeply to parse; it was not analysed.' : `The parser failed: ${String(err)}`;
    return { ast: undefined, syntaxErrors: [toSyntaxError(message, 0, lines)] };
  }
  // Text with no Solidity in it (binary data) parses to a root ERROR node, which converts to no source unit.
  const ast = parsed.ast.type === 'SourceUnit' ? parsed.ast : undefined;
  return { ast, syntaxErrors: capped(parsed.syntaxErrors.map((e) => toSyntaxError(e.message, e.start, lines))) };
}

/** A line parseSolidity may skip: the text with it blanked, and the error reported where it starts. */
export interface SkippableLine<E = TreeSyntaxError> {
  text: string;
  error: E;
}

/**
 * How parseSolidity reads `text` when `tree`, a fresh parse of it, leaves no block or bracket open and has a source
 * unit at its root: its syntax errors as tree-sitter's recovery reports them, and the lines it tries to skip in
 * turn when an error breaks an item (see withTypedLineSkipped); with none of them kept, the tree as it is.
 * Undefined when parseSolidity repairs the text otherwise (then only it reads the file). The caller has checked
 * the text against the nesting limit (findExcessiveBracketNesting): the editor does on every edit.
 */
export function readingOf(tree: Tree, text: string, lines: LineIndex): { errors: SyntaxError[]; skippable: SkippableLine<SyntaxError>[] } | undefined {
  if (tree.rootNode.type !== 'source_file') return undefined;
  const errors = treeSyntaxErrors(tree, text);
  if (errors.some((e) => e.unclosedBraces !== undefined) || (errors.length > 0 && findUnclosedBracket(text) !== undefined)) return undefined;
  const skippable = errors.length > 0 && breaksAnItem(tree.rootNode) ? skippableLines(text, errors[0], lines) : [];
  return {
    errors: capped(errors.map((e) => toSyntaxError(e.message, e.start, lines))),
    skippable: skippable.map((line) => ({ text: line.text, error: toSyntaxError(line.error.message, line.error.start, lines) })),
  };
}

/**
 * The lines tried when tree-sitter's recovery breaks an item: the line of the first error, then the nearest
 * non-blank line above it (the statement being typed is often the one before the line tree-sitter stumbles on:
 * `uint256 q =` above an `if`). A line holding a brace, or a bracket it does not close, is not skipped: blanking
 * it would leave a block or a call open.
 */
function skippableLines(text: string, firstError: TreeSyntaxError, lines: LineIndex): SkippableLine[] {
  const errorLine = lines.positionAt(firstError.start).line;
  let above = errorLine - 1;
  while (above >= 1 && lines.lineText(above).trim() === '') above--;
  const out: SkippableLine[] = [];
  for (const line of above >= 1 ? [errorLine, above] : [errorLine]) {
    const lineText = lines.lineText(line);
    if (/[{}]/.test(lineText) || !bracketsBalanced(lineText)) continue;
    const start = lines.offsetAt(line, 0);
    const error =
      line === errorLine
        ? { message: `${firstError.message} (this line was skipped)`, start: firstError.start }
        : { message: 'this line cannot be parsed and was skipped', start: start + Math.max(lineText.search(/\S/), 0) };
    out.push({ text: blanked(text, start, start + lineText.length), error });
  }
  return out;
}

/** Whether every `(` and `[` of a line is closed on it, in order. */
function bracketsBalanced(line: string): boolean {
  const open: string[] = [];
  for (const char of line) {
    if (char === '(' || char === '[') open.push(char);
    else if (char === ')' || char === ']') {
      if (open.pop() !== (char === ')' ? '(' : '[')) return false;
    }
  }
  return open.length === 0;
}

/**
 * The statement being typed, which tree-sitter's recovery reads on past (a half-typed line above an `if` closes
 * the function early and turns the rest of its body into errors among the members, down to the contract's last
 * brace): the text with one line of `skippable` blanked, the first whose parse breaks no item and has fewer
 * errors, reported at that line. The rest of the file reads as before the line was typed.
 */
function withTypedLineSkipped(first: TreeSitterParse, skippable: SkippableLine[]): TreeSitterParse | undefined {
  for (const line of skippable) {
    const parsed = parseWithTreeSitter(line.text);
    if (!parsed.breaksAnItem && parsed.syntaxErrors.length < first.syntaxErrors.length) return withSkipped(parsed, [line.error]);
  }
  return undefined;
}

/** Lines skipped to get past a spot tree-sitter cannot recover from, before giving up on the file. */
const MAX_SKIPPED_LINES = 3;

/**
 * Tree-sitter's recovery keeps the rest of the file around most errors, with two exceptions handled here, each at
 * most MAX_SKIPPED_LINES times. A `(` left open at the end of its statement can swallow the rest of the file into
 * one broken expression: that statement is blanked and the file parsed again. And on some input the whole file
 * becomes one ERROR node: the first line that loses the tree is blanked, as the ANTLR front end did for its crashes.
 * Blanking keeps every offset and line of the text.
 */
function parseTolerantly(text: string, lines: LineIndex): TreeSitterParse {
  const first = parseClosingBlocks(text);
  if (first.syntaxErrors.length === 0) return first;
  const openBlock = first.syntaxErrors.some((e) => e.unclosedBraces !== undefined);
  if (first.breaksAnItem && !openBlock && findUnclosedBracket(text) === undefined) {
    const skipped = withTypedLineSkipped(first, skippableLines(text, first.syntaxErrors[0], lines));
    if (skipped) return skipped;
  }
  // Tree-sitter's own recovery stays unless blanking the unclosed statements keeps more of the file.
  const blankedStatements = withUnclosedStatementsBlanked(text);
  const best = blankedStatements !== undefined && nodeCount(blankedStatements.parsed.ast) > nodeCount(first.ast) ? blankedStatements : { text, skipped: [], parsed: first };
  if (hasTree(best.parsed)) return best.parsed;
  return withTreeLosingLinesBlanked(best, lines) ?? first;
}

interface Repair {
  /** The text with the skipped parts blanked. */
  text: string;
  skipped: TreeSyntaxError[];
  parsed: TreeSitterParse;
}

function withUnclosedStatementsBlanked(text: string): Repair | undefined {
  let current = text;
  const skipped: TreeSyntaxError[] = [];
  for (let unclosed = findUnclosedBracket(current); unclosed !== undefined && skipped.length < MAX_SKIPPED_LINES; unclosed = findUnclosedBracket(current)) {
    current = blanked(current, unclosed.start, unclosed.end);
    skipped.push({ message: `'${text[unclosed.bracket]}' is not closed before the end of its statement, which was skipped`, start: unclosed.bracket });
  }
  return skipped.length === 0 ? undefined : { text: current, skipped, parsed: withSkipped(parseClosingBlocks(current), skipped) };
}

function withTreeLosingLinesBlanked(repair: Repair, lines: LineIndex): TreeSitterParse | undefined {
  let current = repair.text;
  const skipped = [...repair.skipped];
  for (let i = 0; i < MAX_SKIPPED_LINES; i++) {
    const line = firstLineLosingTheTree(current, lines);
    if (line === undefined) return undefined;
    const start = lines.offsetAt(line, 0);
    const lineText = lines.lineText(line);
    current = blanked(current, start, start + lineText.length);
    skipped.push({ message: 'this line cannot be parsed and was skipped', start: start + Math.max(lineText.search(/\S/), 0) });
    const parsed = withSkipped(parseClosingBlocks(current), skipped);
    if (hasTree(parsed)) return parsed;
  }
  return undefined;
}

/** `text` with the characters from `start` to `end` turned into spaces, line breaks kept. */
function blanked(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function withSkipped(parsed: TreeSitterParse, skipped: TreeSyntaxError[]): TreeSitterParse {
  return { ...parsed, syntaxErrors: [...skipped, ...parsed.syntaxErrors].sort((a, b) => a.start - b.start) };
}

/** How much of the file a tree holds: its nodes. */
function nodeCount(root: object): number {
  let count = 0;
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) pending.push(...value);
    else {
      if ('type' in value) count++;
      for (const [key, child] of Object.entries(value)) if (key !== 'loc' && key !== 'range') pending.push(child);
    }
  }
  return count;
}

function hasTree(parsed: TreeSitterParse): boolean {
  return parsed.ast.type === 'SourceUnit';
}

/** The first line whose inclusion loses the tree: a binary search over prefixes of whole lines. */
function firstLineLosingTheTree(text: string, lines: LineIndex): number | undefined {
  const losesTree = (line: number): boolean => {
    const end = line >= lines.lineCount ? text.length : lines.offsetAt(line + 1, 0);
    return !hasTree(parseClosingBlocks(text.slice(0, end)));
  };
  let low = 1;
  let high = lines.lineCount;
  if (!losesTree(high)) return undefined;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (losesTree(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function parseClosingBlocks(text: string): TreeSitterParse {
  return withBlocksClosed(text, parseWithTreeSitter(text));
}

/**
 * A file that ends inside a block (a function or contract still being typed) leaves tree-sitter no way to close
 * it, and its recovery makes the whole contract one ERROR node. Parsing the text with the missing `}` appended
 * keeps every complete member; the error stays the unclosed `{`. Offsets are unchanged: the braces come last.
 */
function withBlocksClosed(text: string, parsed: TreeSitterParse): TreeSitterParse {
  const unclosed = parsed.syntaxErrors.find((e) => e.unclosedBraces !== undefined);
  if (unclosed === undefined) return parsed;
  const closed = parseWithTreeSitter(text + '}'.repeat(unclosed.unclosedBraces!));
  const otherErrors = closed.syntaxErrors.filter((e) => e.start < text.length && e.start !== unclosed.start);
  return { ...closed, syntaxErrors: [...otherErrors, unclosed].sort((a, b) => a.start - b.start) };
}

/** The first MAX_SYNTAX_ERRORS errors, then one that counts the rest, placed where the first of them is. */
function capped(errors: SyntaxError[]): SyntaxError[] {
  if (errors.length <= MAX_SYNTAX_ERRORS) return errors;
  const rest = errors.length - MAX_SYNTAX_ERRORS;
  const summary = { message: `Syntax error: ${rest} more syntax errors after this point are not listed; fix the ones above first`, range: errors[MAX_SYNTAX_ERRORS].range };
  return [...errors.slice(0, MAX_SYNTAX_ERRORS), summary];
}

function toSyntaxError(message: string, start: number, lines: LineIndex): SyntaxError {
  // Underline the token the error is at so the squiggle is visible, not zero-width.
  const rest = lines.text.slice(start, start + 200);
  const token = /^[A-Za-z0-9_$]+|^\S/.exec(rest);
  const end = start + (token ? token[0].length : 0);
  return { message: `Syntax error: ${message}`, range: lines.range(start, end) };
}
