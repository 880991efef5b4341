// Finds the finding an AI request names among the findings the analysis session shows for its document (the
// worker's aiWorkerHandlers.ts analyses; this only matches the client's rule id and position).

import type { Finding } from 'sol-audit-rules';

/** The finding a client names by rule and 0-based start position, falling back to the nearest same-rule line. */
export function findFinding(findings: Finding[], ruleId: string, line0: number, character0: number): Finding | undefined {
  const sameRule = findings.filter((f) => f.ruleId === ruleId);
  return (
    sameRule.find((f) => f.range.startLine === line0 + 1 && f.range.startColumn === character0 + 1) ??
    sameRule.sort((a, b) => Math.abs(a.range.startLine - 1 - line0) - Math.abs(b.range.startLine - 1 - line0))[0]
  );
}
