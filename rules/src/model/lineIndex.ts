// Converts between UTF-16 offsets and 1-based line/column positions of one source text.

import type { SourceRange } from './finding';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of a 1-based line and 0-based column, clamped to the text. */
  offsetAt(line: number, column0: number): number {
    const lineIdx = Math.min(Math.max(line - 1, 0), this.lineStarts.length - 1);
    const lineEnd = lineIdx + 1 < this.lineStarts.length ? this.lineStarts[lineIdx + 1] - 1 : this.text.length;
    return Math.min(this.lineStarts[lineIdx] + Math.max(column0, 0), lineEnd);
  }

  positionAt(offset: number): { line: number; column: number } {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo] + 1 };
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }

  range(start: number, end: number): SourceRange {
    const s = this.positionAt(start);
    const e = this.positionAt(Math.max(end, start));
    return { start, end: Math.max(end, start), startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
}
