// Parses Solidity source tolerantly: a syntax error becomes a located error, never an exception.

import { parse } from '@solidity-parser/parser';
import type { SourceUnit } from '@solidity-parser/parser/dist/src/ast-types';
import { LineIndex } from '../model/lineIndex';
import type { SourceRange } from '../model/finding';

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

export function parseSolidity(text: string, lines: LineIndex = new LineIndex(text)): ParseOutcome {
  try {
    const result = parse(text, { loc: true, range: true, tolerant: true });
    const rawErrors: RawParserError[] = Array.isArray(result.errors) ? result.errors : [];
    return { ast: result, syntaxErrors: rawErrors.map((e) => toSyntaxError(e, lines)) };
  } catch (err) {
    // Tolerant mode still throws on some inputs (stack exhaustion on pathological nesting, lexer crashes on binary data).
    const raw = parserErrorsOf(err);
    const message = err instanceof RangeError ? 'The file is nested too deeply to parse; it was not analysed.' : undefined;
    const errors = raw.length > 0 ? raw : [{ message: message ?? `The parser failed: ${String(err)}`, line: 1, column: 0 }];
    return { ast: undefined, syntaxErrors: errors.map((e) => toSyntaxError(e, lines)) };
  }
}

function parserErrorsOf(err: unknown): RawParserError[] {
  if (err && typeof err === 'object' && 'errors' in err && Array.isArray((err as { errors: unknown }).errors)) {
    return (err as { errors: RawParserError[] }).errors;
  }
  return [];
}

function toSyntaxError(raw: RawParserError, lines: LineIndex): SyntaxError {
  const start = lines.offsetAt(raw.line, raw.column);
  // Underline the token the parser stopped at so the squiggle is visible, not zero-width.
  const rest = lines.text.slice(start, start + 200);
  const token = /^[A-Za-z0-9_$]+|^\S/.exec(rest);
  const end = start + (token ? token[0].length : 0);
  return { message: `Syntax error: ${raw.message}`, range: lines.range(start, end) };
}
