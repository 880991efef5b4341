// The one place a finding becomes an LSP diagnostic: source, code, documentation link, severity, tags,
// related locations, and the key code actions use to find the finding again.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ruleDocsUrl, type Severity } from 'sol-audit-rules';
import type { StoredFinding } from './findingStore';

export const DIAGNOSTIC_SOURCE = 'sol-audit';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  high: DiagnosticSeverity.Error,
  medium: DiagnosticSeverity.Warning,
  low: DiagnosticSeverity.Information,
  informational: DiagnosticSeverity.Hint,
  gas: DiagnosticSeverity.Hint,
};

/** Carried in `Diagnostic.data` so code actions find the exact finding of the exact document version. */
export interface DiagnosticKey {
  findingId: number;
  version: number;
}

/** `triageSuffix` is the AI triage verdict appended to the message (empty when there is none). */
export function findingToDiagnostic(stored: StoredFinding, version: number, triageSuffix: string): Diagnostic {
  const { finding } = stored;
  const tags: DiagnosticTag[] = [];
  if (finding.tags.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (finding.tags.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  const data: DiagnosticKey = { findingId: stored.id, version };
  return {
    range: stored.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.ruleId === 'syntax-error' ? finding.message : `${finding.message} (${finding.severity} severity, ${finding.confidence} confidence)${triageSuffix}`,
    relatedInformation: finding.related.map((r) => ({
      location: {
        uri: URI.file(r.file).toString(),
        range: {
          start: { line: r.range.startLine - 1, character: r.range.startColumn - 1 },
          end: { line: r.range.endLine - 1, character: r.range.endColumn - 1 },
        },
      },
      message: r.message,
    })),
    tags: tags.length > 0 ? tags : undefined,
    data,
  };
}
