// The triage table of docs/precision.md: every High and Medium finding the real-world corpus raises, labelled
// true / debatable / false with a reason. Parsed here once for the precision test and the measured-precision module.

import { SEVERITIES, type Severity } from '../model/finding';
import { TRIAGE_LABELS, type MeasuredPrecision, type TriageLabel, precisionLevel } from './measuredPrecision';

export interface TriageRow {
  ruleId: string;
  severity: Severity;
  /** Corpus-prefixed path, e.g. `@chainlink/contracts/src/v0.8/vrf/VRF.sol`. */
  file: string;
  /** Text the reported line contains: robust to line moves, unlike a line number. */
  snippet: string;
  label: TriageLabel;
  reason: string;
}

export const TRIAGE_START = '<!-- triage:start -->';
export const TRIAGE_END = '<!-- triage:end -->';

export class TriageTableError extends Error {}

/** Rows between the triage markers: `| rule | severity | file | line contains | label | reason |`. */
export function parseTriageTable(markdown: string): TriageRow[] {
  const start = markdown.indexOf(TRIAGE_START);
  const end = markdown.indexOf(TRIAGE_END);
  if (start < 0 || end < start) throw new TriageTableError(`no ${TRIAGE_START} … ${TRIAGE_END} table`);
  const lines = markdown.slice(start + TRIAGE_START.length, end).split('\n').filter((line) => line.trim().startsWith('|'));
  // The first two lines are the header and its |---| separator.
  return lines.slice(2).map(parseRow);
}

function parseRow(line: string): TriageRow {
  const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  if (cells.length !== 6) throw new TriageTableError(`a triage row needs 6 cells: ${line}`);
  const [ruleId, severity, file, snippet, label, reason] = cells;
  if (!(SEVERITIES as readonly string[]).includes(severity)) throw new TriageTableError(`unknown severity "${severity}": ${line}`);
  if (!(TRIAGE_LABELS as readonly string[]).includes(label)) throw new TriageTableError(`label must be true, debatable or false: ${line}`);
  const code = /^`(.+)`$/.exec(snippet);
  if (!code) throw new TriageTableError(`the line snippet must be in backticks: ${line}`);
  if (reason.length === 0) throw new TriageTableError(`a triage row needs a reason: ${line}`);
  return { ruleId, severity: severity as Severity, file, snippet: code[1], label: label as TriageLabel, reason };
}

/** Triage counts and precision level per rule id. */
export function measurePrecision(rows: TriageRow[]): Map<string, MeasuredPrecision> {
  const byRule = new Map<string, MeasuredPrecision>();
  for (const row of rows) {
    const counts = byRule.get(row.ruleId) ?? { true: 0, debatable: 0, false: 0 };
    counts[row.label] += 1;
    byRule.set(row.ruleId, counts);
  }
  for (const counts of byRule.values()) counts.level = precisionLevel(counts);
  return byRule;
}
