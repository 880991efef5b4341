// The "Export audit report" command: the CLI's Markdown report for one workspace folder, rendered by the
// engine's formatter with the editor's rule settings applied.

import {
  ENGINE_RULES,
  defaultRegistry,
  renderMarkdown,
  reportedFiles,
  scanFiles,
  selectRules,
  severityRank,
} from 'sol-audit-rules';
import { version } from '../../package.json';
import type { ProjectAnalyzer } from './projectAnalyzer';
import type { SolAuditSettings } from './protocol';

export function renderWorkspaceReport(analyzer: ProjectAnalyzer, folder: string, settings: SolAuditSettings): string {
  const root = analyzer.rootOf(`${folder}/.`);
  const { config } = analyzer.configOf(root);
  const registry = defaultRegistry();
  const selection = selectRules(registry, config, { settings: settings.rules, profile: settings.profile });
  const { files, leftOut } = reportedFiles([folder], root, config, analyzer.host);
  const result = scanFiles(files, root, selection, analyzer.host);
  const minimumRank = severityRank(settings.minimumSeverity);
  return renderMarkdown({
    toolVersion: version,
    root,
    files: result.files,
    lineCount: result.lineCount,
    findings: result.findings.filter((f) => f.ruleId === 'syntax-error' || severityRank(f.severity) <= minimumRank),
    errors: result.errors,
    leftOut,
    rules: [...registry.all().map((r) => r.meta), ...ENGINE_RULES],
    baselineMatched: 0,
    readSource: (p) => analyzer.host.readFile(p),
  });
}
