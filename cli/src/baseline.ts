// --baseline: reads the fingerprints of a previous JSON or SARIF result and hides findings already in it.
// Matching is by fingerprint (rule, file and the flagged code, not the line) and counts duplicates, so a
// second copy of a known bug in the same function is still reported.

import * as fs from 'node:fs';
import { type Finding, FINGERPRINT_KEY } from 'sol-audit-rules';
import { UsageError } from './cliErrors';

/** How many times each fingerprint occurs in the baseline. */
export type BaselineCounts = Map<string, number>;

export function loadBaseline(baselinePath: string): BaselineCounts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(baselinePath, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read baseline ${baselinePath}: ${(err as Error).message}`);
  }
  const fingerprints = fingerprintsOf(parsed);
  if (fingerprints === undefined) {
    throw new UsageError(`baseline ${baselinePath} is neither a sol-audit JSON result nor a SARIF log`);
  }
  const counts: BaselineCounts = new Map();
  for (const fingerprint of fingerprints) counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
  return counts;
}

function fingerprintsOf(document: unknown): string[] | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const record = document as { findings?: unknown; runs?: unknown };
  if (Array.isArray(record.findings)) {
    return record.findings.map((f: { fingerprint?: unknown }) => f?.fingerprint).filter((f): f is string => typeof f === 'string');
  }
  if (Array.isArray(record.runs)) {
    return record.runs.flatMap((run: { results?: { partialFingerprints?: Record<string, unknown> }[] }) =>
      (run?.results ?? []).map((r) => r?.partialFingerprints?.[FINGERPRINT_KEY]).filter((f): f is string => typeof f === 'string'),
    );
  }
  return undefined;
}

export function subtractBaseline(findings: readonly Finding[], baseline: BaselineCounts): { fresh: Finding[]; matched: number } {
  const remaining = new Map(baseline);
  const fresh: Finding[] = [];
  let matched = 0;
  for (const finding of findings) {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(finding.fingerprint, left - 1);
      matched++;
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, matched };
}
