// The engine's entry point: findings for a set of files of a project, with suppressions and severity
// overrides applied. The CLI and the language server both call this and nothing below it.

import { severityRank, type Finding } from '../model/finding';
import type { ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import type { RuleSelection } from './ruleSelection';
import { runRules, syntaxErrorFindings } from './runRules';
import { applySuppressions } from './suppressions';

export interface AnalyzeOptions {
  /** Accumulates milliseconds per rule id (see runRules). */
  timings?: Map<string, number>;
}

export function analyzeFile(project: ProjectModel, file: SourceFile, selection: RuleSelection, options: AnalyzeOptions = {}): Finding[] {
  const raw = [...syntaxErrorFindings(file, project.root), ...runRules(selection.rules, file, project, options.timings)];
  const kept = applySuppressions(file, project.root, raw, selection.knownRuleIds, selection.ranRuleIds).filter((f) => selection.ranRuleIds.has(f.ruleId));
  for (const finding of kept) {
    const override = selection.severityOverrides.get(finding.ruleId);
    if (override) finding.severity = override;
  }
  return kept.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start - b.range.start ||
    severityRank(a.severity) - severityRank(b.severity) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
