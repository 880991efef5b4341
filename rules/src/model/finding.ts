// The data every layer exchanges: severities, source ranges, findings and fixes.
// Lines and columns are 1-based with an exclusive end column (the SARIF convention); offsets are UTF-16 indices.

export const SEVERITIES = ['high', 'medium', 'low', 'informational', 'gas'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Lower rank = more severe. `gas` ranks below informational: it is never a security problem. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function confidenceRank(confidence: Confidence): number {
  return CONFIDENCES.indexOf(confidence);
}

export interface SourceRange {
  start: number;
  end: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  range: SourceRange;
  message: string;
}

export type FindingTag = 'deprecated' | 'unnecessary';

/** A model's second opinion on a finding (AI triage). It annotates the finding and never changes it otherwise. */
export interface AiTriageNote {
  verdict: 'likely-true' | 'likely-false' | 'uncertain';
  reasoning: string;
  confidence: number;
  model: string;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  category: string;
  message: string;
  file: string;
  range: SourceRange;
  related: RelatedLocation[];
  /** The deterministic fix, offered as the preferred quick fix. */
  fix?: Fix;
  /** Alternatives that change behaviour and so need a human choice. */
  suggestions: Fix[];
  tags: FindingTag[];
  /** Stable across line moves: rule, file and a hash of the flagged code. Used by baselines. */
  fingerprint: string;
  aiTriage?: AiTriageNote;
}
