// The "Export audit report" command: the CLI's Markdown report for one workspace folder, rendered by the
// engine's formatter from the analysis session's report, so it shows exactly what the editor shows.

import { ENGINE_RULES, renderMarkdown } from 'sol-audit-rules';
import { version } from '../package.json';
import type { ProjectAnalyzer } from './projectAnalyzer';
import type { SolAuditSettings } from 'sol-audit-protocol';
import { analysisSettingsOf } from './settings';

export function renderWorkspaceReport(analyzer: ProjectAnalyzer, folder: string, settings: SolAuditSettings): string {
  const { session } = analyzer;
  const report = session.report([folder], analysisSettingsOf(settings, folder));
  return renderMarkdown({
    toolVersion: version,
    root: report.root,
    files: report.files,
    lineCount: report.lineCount,
    findings: report.findings,
    errors: report.errors,
    leftOut: report.leftOut,
    rules: [...session.registry.all().map((r) => r.meta), ...ENGINE_RULES],
    baselineMatched: 0,
    readSource: (p) => session.host.readFile(p),
  });
}
