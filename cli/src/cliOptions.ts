// The options of the sol-audit command after commander has parsed them, and the argument parsers it uses.

import { InvalidArgumentError } from 'commander';
import { type Finding, type Profile, SEVERITIES, type Severity, severityRank } from 'sol-audit-rules';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const FAIL_ON_LEVELS = [...SEVERITIES, 'never'] as const;
export type FailOn = Severity | 'never';
/** High by default: CI fails on likely exploitable issues; lower it with --fail-on medium, or use never. */
export const DEFAULT_FAIL_ON: FailOn = 'high';

export interface CliOptions {
  format: OutputFormat;
  output?: string;
  failOn: FailOn;
  rules?: string[];
  excludeRules?: string[];
  /** Replaces the config file's profile. */
  profile?: Profile;
  config?: string;
  /** Report dependency folders too, as "reportDependencies": true does. */
  includeDeps?: boolean;
  listRules?: boolean;
  baseline?: string;
  color: boolean;
  /** False with --no-cache: analyse every file, read and write no cache. */
  cache: boolean;
  quiet?: boolean;
  jobs?: number;
  aiTriage?: boolean;
  aiBaseUrl?: string;
  aiModel?: string;
}

/** "a, b,,c" → ["a", "b", "c"]; repeated flags accumulate. */
export function parseIdList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((id) => id.trim()).filter((id) => id !== '')];
}

export function parsePositiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return n;
}

/** Whether the run should exit 1: a finding at or above the --fail-on severity remains after the baseline. */
export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => severityRank(f.severity) <= severityRank(failOn));
}
