// The input every output format renders: the findings of one run plus the context a reader needs (root,
// scanned files, rule metadata, a way to read source text for excerpts). Formats never touch the disk.

import type { RuleMeta } from '../engine/ruleApi';
import type { ScanError } from '../engine/scan';
import { SEVERITIES, type Finding, type Severity } from '../model/finding';

export const TOOL_NAME = 'sol-audit';
export const TOOL_INFORMATION_URI = 'https://github.com/sol-audit/solidity-audit-hints';

export interface AuditReport {
  toolVersion: string;
  /** Absolute project root; finding paths in JSON, SARIF and Markdown are relative to it. */
  root: string;
  /** The enclosing git work tree, when there is one: SARIF paths are relative to it, as GitHub expects. */
  repositoryRoot?: string;
  /** Absolute paths of the files that were analysed and reported. */
  files: string[];
  lineCount: number;
  findings: Finding[];
  errors: ScanError[];
  /** Metadata of every rule that can appear in `findings` (registry rules and engine rules). */
  rules: RuleMeta[];
  /** Findings hidden because they are in the baseline. */
  baselineMatched: number;
  /** Source text of an analysed file, for code excerpts; undefined when it cannot be read. */
  readSource(absolutePath: string): string | undefined;
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "3 findings (1 high, 2 medium, 0 low, 0 informational) in 12 files"; gas is listed only when present. */
export function summaryLine(findings: readonly Finding[], fileCount: number): string {
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((s) => s !== 'gas' || counts.gas > 0).map((s) => `${counts[s]} ${s}`);
  return `${plural(findings.length, 'finding')} (${parts.join(', ')}) in ${plural(fileCount, 'file')}`;
}

export function metaById(rules: readonly RuleMeta[]): Map<string, RuleMeta> {
  return new Map(rules.map((meta) => [meta.id, meta]));
}
