// Findings per document and version. Code actions, hovers and code lenses read them here and never
// re-analyse. Between analyses the ranges follow the edits, and while a file does not parse the last good
// findings stay (moved by the edits) next to the syntax error.

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { LspRange } from 'sol-audit-protocol';
import type { AnalyzedFinding, FileAnalysis, OutlineContract } from './workerMessages';

type Position = LspRange['start'];

export interface StoredFinding extends AnalyzedFinding {
  id: number;
  /** Moved by edits since it was computed: its fix edits no longer apply to the current text. */
  moved: boolean;
}

export interface FindingRecord {
  /** The document version the ranges below refer to. */
  version: number;
  findings: StoredFinding[];
  outline: OutlineContract[];
  dependencies: string[];
}

export class FindingStore {
  private readonly records = new Map<string, FindingRecord>();
  private nextId = 1;

  get(uri: string): FindingRecord | undefined {
    return this.records.get(uri);
  }

  /** The record when it matches `version` exactly: what code actions may build edits from. */
  at(uri: string, version: number): FindingRecord | undefined {
    const record = this.records.get(uri);
    return record && record.version === version ? record : undefined;
  }

  uris(): string[] {
    return [...this.records.keys()];
  }

  delete(uri: string): void {
    this.records.delete(uri);
  }

  totalFindings(): number {
    let n = 0;
    for (const r of this.records.values()) n += r.findings.length;
    return n;
  }

  /** Stores an analysis of `version`; with a syntax error the previous findings (already moved) are kept. */
  record(uri: string, version: number, analysis: FileAnalysis): FindingRecord {
    const fresh = analysis.findings.map((f): StoredFinding => ({ ...f, id: this.nextId++, moved: false }));
    const previous = this.records.get(uri);
    let findings = fresh;
    let outline = analysis.outline;
    if (analysis.hasSyntaxError && previous && previous.version === version) {
      const kept = previous.findings.filter((f) => f.finding.ruleId !== 'syntax-error');
      findings = [...kept, ...fresh.filter((f) => f.finding.ruleId === 'syntax-error')];
      // When the parser recovered no tree, the code lenses stay where the last good tree put them.
      if (outline.length === 0) outline = previous.outline;
    }
    const record: FindingRecord = { version, findings, outline, dependencies: analysis.dependencies };
    this.records.set(uri, record);
    return record;
  }

  /** Moves the findings of a document through one didChange, so they stay on the code they flag. */
  applyChanges(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const record = this.records.get(uri);
    if (!record) return;
    for (const change of changes) {
      if (!('range' in change)) {
        // A full-text replacement says nothing about where the old code went.
        record.findings = [];
        record.outline = [];
        continue;
      }
      const move = (range: LspRange): LspRange => moveRange(range, change.range, change.text);
      for (const f of record.findings) {
        f.range = move(f.range);
        f.moved = true;
      }
      for (const c of record.outline) {
        c.range = move(c.range);
        for (const fn of c.functions) fn.range = move(fn.range);
      }
    }
    record.version = version;
  }
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Where a position ends up after `edited` is replaced by `text`; `isEnd` keeps range ends from growing over an insertion. */
function movePosition(pos: Position, edited: LspRange, text: string, isEnd: boolean): Position {
  const beforeEdit = isEnd ? compare(pos, edited.start) <= 0 : compare(pos, edited.start) < 0;
  if (beforeEdit) return pos;
  // Lines of the inserted text as the editor counts them: a lone `\r` ends one too.
  const lines = text.split(/\r\n|\r|\n/);
  const newEnd = {
    line: edited.start.line + lines.length - 1,
    character: (lines.length === 1 ? edited.start.character : 0) + lines[lines.length - 1].length,
  };
  // A position inside the replaced text collapses onto the edit.
  if (compare(pos, edited.end) < 0) return isEnd ? newEnd : edited.start;
  if (pos.line === edited.end.line) return { line: newEnd.line, character: newEnd.character + pos.character - edited.end.character };
  return { line: pos.line + newEnd.line - edited.end.line, character: pos.character };
}

export function moveRange(range: LspRange, edited: LspRange, text: string): LspRange {
  const start = movePosition(range.start, edited, text, false);
  const end = movePosition(range.end, edited, text, true);
  return { start, end: compare(end, start) < 0 ? start : end };
}
