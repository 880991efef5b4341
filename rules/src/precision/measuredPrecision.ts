// Measured precision: how often a rule's High and Medium findings on real production code held up when an
// auditor read them (docs/precision.md, the triage table), graded like CodeQL's query precision.

export const PRECISION_LEVELS = ['very-high', 'high', 'medium', 'low'] as const;
export type PrecisionLevel = (typeof PRECISION_LEVELS)[number];

export const TRIAGE_LABELS = ['true', 'debatable', 'false'] as const;
export type TriageLabel = (typeof TRIAGE_LABELS)[number];

/** Triaged High/Medium findings of one rule on the corpus, by label. */
export type TriageCounts = Record<TriageLabel, number>;

export interface MeasuredPrecision extends TriageCounts {
  /** Undefined when the rule raised no High or Medium finding on the corpus: nothing to measure. */
  level?: PrecisionLevel;
}

// A level claims that share of findings held up (true or debatable: a real pattern an auditor would raise).
const LEVEL_FLOORS: [PrecisionLevel, number][] = [
  ['very-high', 0.9],
  ['high', 0.75],
  ['medium', 0.5],
  ['low', 0],
];
// "very-high" needs enough findings for the share to mean something; fewer earn at most "high".
const VERY_HIGH_MIN_FINDINGS = 10;

export function precisionLevel(counts: TriageCounts): PrecisionLevel | undefined {
  const total = counts.true + counts.debatable + counts.false;
  if (total === 0) return undefined;
  const share = (counts.true + counts.debatable) / total;
  for (const [level, floor] of LEVEL_FLOORS) {
    if (share < floor) continue;
    if (level === 'very-high' && total < VERY_HIGH_MIN_FINDINGS) return 'high';
    return level;
  }
  return 'low';
}

// Demoting a rule everywhere takes more evidence than a handful of findings, which often share one root cause
// (three findings on one struct of one contract); below this many, the level is shown but the profile keeps the rule.
const MIN_FINDINGS_TO_DEMOTE = 5;

/** Whether the `recommended` profile reports the rule at its own severity (else at most Low). */
export function meetsRecommendedPrecision(measured: MeasuredPrecision | undefined): boolean {
  if (measured?.level === undefined || measured.level === 'very-high' || measured.level === 'high') return true;
  return measured.true + measured.debatable + measured.false < MIN_FINDINGS_TO_DEMOTE;
}

/** "high (9 of 10 held up)", or a note that the corpus gave nothing to measure. */
export function describePrecision(measured: MeasuredPrecision | undefined): string {
  if (measured?.level === undefined) return 'not measured (no High or Medium finding on the real-world corpus)';
  const total = measured.true + measured.debatable + measured.false;
  return `${measured.level} (${measured.true + measured.debatable} of ${total} High/Medium findings on the real-world corpus held up)`;
}
