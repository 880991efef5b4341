// Converts between UTF-16 offsets and 1-based line/column positions of one source text. Lines end where LSP
// and VS Code end them (`\n`, `\r\n` or a lone `\r`), so a position computed here is one the editor shows.

import type { SourceRange } from './finding';

const LF = 10;
const CR = 13;

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of a 1-based line and 0-based column, clamped to the text and to the line's end before its line break. */
  offsetAt(line: number, column0: number): number {
    const lineIdx = Math.min(Math.max(line - 1, 0), this.lineStarts.length - 1);
    return Math.min(this.lineStarts[lineIdx] + Math.max(column0, 0), this.contentEnd(lineIdx));
  }

  /**
   * The position of an offset. An offset inside a line break (after the `\r` of `\r\n`) or past it maps to the end
   * of its line, as in LSP's TextDocument, so a range that swallowed a line break never reaches past the line.
   */
  positionAt(offset: number): { line: number; column: number } {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.min(clamped, this.contentEnd(lo)) - this.lineStarts[lo] + 1 };
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    return this.text.slice(start, this.contentEnd(line - 1));
  }

  range(start: number, end: number): SourceRange {
    const s = this.positionAt(start);
    const e = this.positionAt(Math.max(end, start));
    return { start, end: Math.max(end, start), startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }

  /** Offset where the 0-based line's text ends, before its line break. */
  private contentEnd(lineIdx: number): number {
    const next = lineIdx + 1 < this.lineStarts.length ? this.lineStarts[lineIdx + 1] : this.text.length;
    let end = next;
    // A line holds no CR or LF of its own, so every one before the next line's start belongs to the break.
    while (end > this.lineStarts[lineIdx] && (this.text.charCodeAt(end - 1) === LF || this.text.charCodeAt(end - 1) === CR)) end--;
    return end;
  }
}
