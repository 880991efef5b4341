// The engine's entry point: findings for a set of files of a project, with suppressions and severity
// overrides applied. The CLI and the language server both call this and nothing below it.

import { severityRank, type Finding } from '../model/finding';
import type { ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import type { FindingReuse } from './findingReuse';
import type { RuleSelection } from './ruleSelection';
import { runRules, syntaxErrorFindings } from './runRules';
import { applySuppressions } from './suppressions';

export interface AnalyzeOptions {
  /** Accumulates milliseconds per rule id (see runRules). */
  timings?: Map<string, number>;
  /** Carries findings over from the previous analysis of this file where its bodyEdit allows (the editor). */
  reuse?: FindingReuse;
}

export function analyzeFile(project: ProjectModel, file: SourceFile, selection: RuleSelection, options: AnalyzeOptions = {}): Finding[] {
  const ruleFindings = options.reuse
    ? options.reuse.runRules(selection.rules, file, project, options.timings)
    : runRules(selection.rules, file, project, { timings: options.timings });
  const raw = [...syntaxErrorFindings(file, project.root), ...ruleFindings];
  const kept = applySuppressions(file, project.root, raw, selection.knownRuleIds, selection.ranRuleIds).filter((f) => selection.ranRuleIds.has(f.ruleId));
  // Copies: the raw findings may be kept for reuse, and an override must not outlive its setting.
  const overridden = kept.map((finding) => {
    const override = selection.severityOverrides.get(finding.ruleId);
    if (override) return { ...finding, severity: override };
    const cap = selection.severityCaps.get(finding.ruleId);
    return cap && severityRank(finding.severity) < severityRank(cap) ? { ...finding, severity: cap } : finding;
  });
  return overridden.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start - b.range.start ||
    severityRank(a.severity) - severityRank(b.severity) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
