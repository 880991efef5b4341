// The input every output format renders: the findings of one run plus the context a reader needs (root,
// scanned files, rule metadata, a way to read source text for excerpts). Formats never touch the disk.

import type { RuleMeta } from '../engine/ruleApi';
import type { ScanError } from '../engine/scan';
import type { LeftOutFolder, LeftOutReason } from '../project/projectLayout';
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
  /** Dependency folders and build outputs whose files were not reported. */
  leftOut: LeftOutFolder[];
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

/** Folders named in a left-out note before the rest are only counted. */
const MAX_FOLDERS_NAMED = 3;

const LEFT_OUT_WHY: Record<LeftOutReason, string> = {
  dependency: 'in dependency folders not reported',
  'build-output': 'in build outputs not analysed',
};

// Only dependencies can be switched back on; a build output holds copies of sources, so it stays out.
const LEFT_OUT_HOW: Record<LeftOutReason, string> = {
  dependency: '; --include-deps (or "reportDependencies": true) reports them',
  'build-output': '',
};

/**
 * One sentence per reason saying which files were not looked at, e.g. "12 files in dependency folders not
 * reported (lib/, node_modules/); --include-deps (or …) reports them". `display` writes a folder's path.
 */
export function leftOutNotes(leftOut: readonly LeftOutFolder[], display: (folder: string) => string): string[] {
  const reasons = [...new Set(leftOut.map((f) => f.reason))].sort();
  return reasons.map((reason) => {
    const folders = leftOut.filter((f) => f.reason === reason);
    const fileCount = folders.reduce((n, f) => n + f.files.length, 0);
    const named = folders.slice(0, MAX_FOLDERS_NAMED).map((f) => display(f.folder));
    const more = folders.length > MAX_FOLDERS_NAMED ? ` and ${plural(folders.length - MAX_FOLDERS_NAMED, 'more folder')}` : '';
    return `${plural(fileCount, 'file')} ${LEFT_OUT_WHY[reason]} (${named.join(', ')}${more})${LEFT_OUT_HOW[reason]}`;
  });
}
