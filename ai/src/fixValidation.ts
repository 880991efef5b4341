// Checks a fix the model proposes before anyone sees it: apply its edits to a copy of the file, and have the
// analysis session analyse that text exactly as it analysed the file. It is offered only if the file still
// parses, the targeted finding is gone and no new finding of medium or higher appears; otherwise the rejection
// says why.

import { severityRank, type Finding, type SourceFile, type TextEdit } from 'sol-audit-rules';
import type { AnalysedFile } from './aiService';
import type { AiTarget } from './contextAssembly';
import type { ProposedEdit } from './schemas';

export type FixCheck =
  | { ok: true; edits: TextEdit[]; newText: string; findingsAfter: Finding[] }
  | { ok: false; reason: string };

export interface FixCheckInput {
  /** The file as analysed; its findings are the "before" side. */
  analysed: AnalysedFile;
  target: AiTarget;
  /** The finding the fix is for. */
  finding: Finding;
  edits: ProposedEdit[];
}

const LINE_NUMBER_PREFIX = /^\s*\d+\| ?/gm;

export function checkFix(input: FixCheckInput): FixCheck {
  if (input.edits.length === 0) return { ok: false, reason: 'The model proposed no edits.' };
  const { file } = input.analysed;
  const resolved: TextEdit[] = [];
  for (const [index, edit] of input.edits.entries()) {
    const located = locateEdit(file, input.target, edit);
    if (typeof located === 'string') return { ok: false, reason: `Edit ${index + 1}: ${located}` };
    resolved.push(located);
  }
  resolved.sort((a, b) => a.start - b.start);
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i].start < resolved[i - 1].end) return { ok: false, reason: 'Two edits overlap.' };
  }
  const newText = applyEdits(file.text, resolved);
  const fixed = input.analysed.analyseProposedText(newText);
  if (!fixed) return { ok: false, reason: 'The fixed file could not be loaded.' };
  if (fixed.file.syntaxErrors.length > 0) {
    const first = fixed.file.syntaxErrors[0];
    return { ok: false, reason: `The fixed code does not parse (line ${first.range.startLine}: ${first.message}).` };
  }
  const before = input.analysed.findings;
  const after = fixed.findings;
  const shift = newText.length - file.text.length;
  const targetEnd = input.target.endOffset + shift;
  const stillThere = after.find((f) => f.ruleId === input.finding.ruleId && f.range.start >= input.target.startOffset && f.range.start <= targetEnd);
  if (stillThere) return { ok: false, reason: `The finding ${input.finding.ruleId} is still reported after the fix (line ${stillThere.range.startLine}).` };
  const introduced = newSeriousFindings(before, after, input.finding);
  if (introduced.length > 0) {
    const f = introduced[0];
    return { ok: false, reason: `The fix introduces a new ${f.severity} finding: ${f.ruleId} at line ${f.range.startLine} (${f.message}).` };
  }
  return { ok: true, edits: resolved, newText, findingsAfter: after };
}

/**
 * Medium-or-higher findings after the fix that match no finding before it, by fingerprint first, then by rule
 * and message (the flagged code may have been reworded). The targeted finding is excluded from the "before"
 * side: the same rule appearing elsewhere is new, not the old finding moved.
 */
function newSeriousFindings(before: Finding[], after: Finding[], target: Finding): Finding[] {
  const unmatched = before.filter((f) => f.fingerprint !== target.fingerprint || f.range.start !== target.range.start);
  const take = (matches: (f: Finding) => boolean): boolean => {
    const index = unmatched.findIndex(matches);
    if (index === -1) return false;
    unmatched.splice(index, 1);
    return true;
  };
  const serious = after.filter((f) => severityRank(f.severity) <= severityRank('medium'));
  const unexplained = serious.filter((f) => !take((b) => b.fingerprint === f.fingerprint));
  return unexplained.filter((f) => !take((b) => b.ruleId === f.ruleId && b.message === f.message));
}

/** Turns one proposed edit into offsets: an exact snippet (preferring the occurrence inside the target) or whole lines. */
function locateEdit(file: SourceFile, target: AiTarget, edit: ProposedEdit): TextEdit | string {
  if (edit.original !== null && edit.original !== '') {
    for (const original of [edit.original, edit.original.replace(LINE_NUMBER_PREFIX, '')]) {
      const occurrences = allIndexes(file.text, original);
      if (occurrences.length === 0) continue;
      const inside = occurrences.filter((o) => o >= target.startOffset && o <= target.endOffset);
      const pick = inside.length === 1 ? inside[0] : occurrences.length === 1 ? occurrences[0] : undefined;
      if (pick === undefined) return 'the original text occurs several times; it is ambiguous.';
      return { start: pick, end: pick + original.length, text: edit.replacement };
    }
    return 'the original text does not occur in the file.';
  }
  if (edit.startLine !== null && edit.endLine !== null && edit.startLine >= 1 && edit.endLine >= edit.startLine && edit.endLine <= file.lines.lineCount) {
    const start = file.lines.offsetAt(edit.startLine, 0);
    const end = file.lines.offsetAt(edit.endLine, Number.MAX_SAFE_INTEGER);
    return { start, end, text: edit.replacement.replace(/\n$/, '') };
  }
  return 'the edit names neither existing text nor a valid line range.';
}

function allIndexes(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export function applyEdits(text: string, sortedEdits: TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of sortedEdits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
