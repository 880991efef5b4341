// Parses Solidity source tolerantly: a syntax error becomes a located error, never an exception.

import { parse } from '@solidity-parser/parser';
import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { LineIndex } from '../model/lineIndex';
import type { SourceRange } from '../model/finding';
import { findExcessiveBracketNesting, MAX_BRACKET_DEPTH } from './bracketDepth';
import { dropMissingNodes } from './dropMissingNodes';

export interface SyntaxError {
  message: string;
  range: SourceRange;
}

export interface ParseOutcome {
  /** Present whenever the parser could recover a tree, even with syntax errors. */
  ast: SourceUnit | undefined;
  syntaxErrors: SyntaxError[];
}

interface RawParserError {
  message: string;
  line: number;
  column: number;
}

/** Lines skipped to get past tree-builder crashes before giving up on the file. */
const MAX_SKIPPED_LINES = 3;

/**
 * Syntax errors reported per file. Past the first few the parser is only resynchronising (a binary file gave
 * 18,000), and thousands of squiggles or report lines bury the one that matters.
 */
export const MAX_SYNTAX_ERRORS = 50;

export function parseSolidity(text: string, lines: LineIndex = new LineIndex(text)): ParseOutcome {
  const tooDeep = findExcessiveBracketNesting(text);
  if (tooDeep !== undefined) {
    const message = `brackets are nested more than ${MAX_BRACKET_DEPTH} levels deep here; the file is not parsed or analysed`;
    return { ast: undefined, syntaxErrors: [toSyntaxError(message, tooDeep, lines)] };
  }
  const outcome = parseTolerantly(text, lines, MAX_SKIPPED_LINES);
  return { ast: outcome.ast, syntaxErrors: capped(outcome.syntaxErrors) };
}

/** The first MAX_SYNTAX_ERRORS errors, then one that counts the rest, placed where the first of them is. */
function capped(errors: SyntaxError[]): SyntaxError[] {
  if (errors.length <= MAX_SYNTAX_ERRORS) return errors;
  const rest = errors.length - MAX_SYNTAX_ERRORS;
  const summary = { message: `Syntax error: ${rest} more syntax errors after this point are not listed; fix the ones above first`, range: errors[MAX_SYNTAX_ERRORS].range };
  return [...errors.slice(0, MAX_SYNTAX_ERRORS), summary];
}

/** `text` may differ from `lines.text` only by blanked lines, so offsets and lines stay those of the original. */
function parseTolerantly(text: string, lines: LineIndex, skipsLeft: number): ParseOutcome {
  try {
    const result = parse(text, { loc: true, range: true, tolerant: true });
    const rawErrors: RawParserError[] = Array.isArray(result.errors) ? result.errors : [];
    if (rawErrors.length > 0) dropMissingNodes(result);
    return { ast: result, syntaxErrors: fromParserErrors(rawErrors, lines) };
  } catch (err) {
    // The tree builder throws a TypeError on some incomplete statements (`uint x = ;`, common while typing) and
    // the parser's located errors are lost. Find the line that triggers it, blank it and parse the rest.
    const line = skipsLeft > 0 && isTreeBuilderCrash(err) ? firstCrashingLine(text, lines) : undefined;
    if (line !== undefined) {
      const start = lines.offsetAt(line, 0);
      const lineText = lines.lineText(line);
      const blanked = text.slice(0, start) + ' '.repeat(lineText.length) + text.slice(start + lineText.length);
      const rest = parseTolerantly(blanked, lines, skipsLeft - 1);
      const skipped = toSyntaxError('incomplete or malformed statement; this line was skipped', start + Math.max(lineText.search(/\S/), 0), lines);
      return { ast: rest.ast, syntaxErrors: [skipped, ...rest.syntaxErrors] };
    }
    // Tolerant mode still throws on some inputs (stack exhaustion on pathological nesting, lexer crashes on binary data).
    const raw = parserErrorsOf(err);
    const message = err instanceof RangeError ? 'The file is nested too deeply to parse; it was not analysed.' : undefined;
    const errors = raw.length > 0 ? fromParserErrors(raw, lines) : [toSyntaxError(message ?? `The parser failed: ${String(err)}`, 0, lines)];
    return { ast: undefined, syntaxErrors: errors };
  }
}

function isTreeBuilderCrash(err: unknown): boolean {
  return err instanceof TypeError && parserErrorsOf(err).length === 0;
}

/** The first line whose inclusion makes the tree builder crash: a binary search over prefixes of whole lines. */
function firstCrashingLine(text: string, lines: LineIndex): number | undefined {
  const crashesUpTo = (line: number): boolean => {
    const end = line >= lines.lineCount ? text.length : lines.offsetAt(line + 1, 0);
    try {
      parse(text.slice(0, end), { tolerant: true });
      return false;
    } catch (err) {
      return isTreeBuilderCrash(err);
    }
  };
  let low = 1;
  let high = lines.lineCount;
  if (!crashesUpTo(high)) return undefined;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (crashesUpTo(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function parserErrorsOf(err: unknown): RawParserError[] {
  if (err && typeof err === 'object' && 'errors' in err && Array.isArray((err as { errors: unknown }).errors)) {
    return (err as { errors: RawParserError[] }).errors;
  }
  return [];
}

/**
 * The parser's errors at their offsets. It ends lines at `\n` alone, where LineIndex (like the editor) also ends
 * them at a lone `\r`, so its line numbers are resolved by its own count.
 */
function fromParserErrors(raw: RawParserError[], lines: LineIndex): SyntaxError[] {
  if (raw.length === 0) return [];
  const { text } = lines;
  const parserLineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) parserLineStarts.push(i + 1);
  return raw.map((e) => toSyntaxError(e.message, Math.min((parserLineStarts[e.line - 1] ?? text.length) + Math.max(e.column, 0), text.length), lines));
}

function toSyntaxError(message: string, start: number, lines: LineIndex): SyntaxError {
  // Underline the token the parser stopped at so the squiggle is visible, not zero-width.
  const rest = lines.text.slice(start, start + 200);
  const token = /^[A-Za-z0-9_$]+|^\S/.exec(rest);
  const end = start + (token ? token[0].length : 0);
  return { message: `Syntax error: ${message}`, range: lines.range(start, end) };
}
