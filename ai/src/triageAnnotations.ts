// AI triage verdicts the editor shows on diagnostics: a message suffix per finding (by fingerprint, so it
// follows the finding across re-analyses) and, when the user asks, likely-false findings hidden. Nothing here
// changes or deletes a finding; clearing the verdicts restores the plain diagnostics.

import type { Finding } from 'sol-audit-rules';
import { triageSuffix } from './renderAnswer';
import type { TriageAnswer } from './schemas';

export class TriageAnnotations {
  private readonly byFingerprint = new Map<string, TriageAnswer>();
  hideLikelyFalse = false;

  set(finding: Finding, verdict: TriageAnswer): void {
    this.byFingerprint.set(finding.fingerprint, verdict);
  }

  get(finding: Finding): TriageAnswer | undefined {
    return this.byFingerprint.get(finding.fingerprint);
  }

  /** Appended to the diagnostic message; empty when the finding was not triaged. */
  suffixFor(finding: Finding): string {
    const verdict = this.get(finding);
    return verdict ? triageSuffix(verdict) : '';
  }

  hides(finding: Finding): boolean {
    return this.hideLikelyFalse && this.get(finding)?.verdict === 'likely-false';
  }

  clear(): void {
    this.byFingerprint.clear();
  }
}
