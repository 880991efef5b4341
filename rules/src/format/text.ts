// Plain-text output for terminals: findings grouped by file (paths relative to the working directory),
// one line each, then a summary line and what was left out. Colours only when the caller says the stream
// supports them.

import * as path from 'node:path';
import { styleText } from 'node:util';
import type { Finding, Severity } from '../model/finding';
import { leftOutNotes, plural, summaryLine, type AuditReport } from './report';

export interface TextOptions {
  cwd: string;
  color: boolean;
  /** Leave out the summary line and the notes on what was not reported. */
  quiet: boolean;
}

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = {
  high: ['bold', 'red'],
  medium: 'yellow',
  low: 'cyan',
  informational: 'gray',
  gas: 'gray',
};

export function renderText(report: AuditReport, options: TextOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(paint('underline', displayPath(options.cwd, file)));
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    const ruleWidth = Math.max(...findings.map((f) => f.ruleId.length));
    const positionWidth = Math.max(...findings.map((f) => position(f).length));
    for (const finding of findings) {
      // Pad before painting: escape codes would otherwise count towards the column width.
      lines.push(
        [
          ' ',
          paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(severityWidth)),
          finding.ruleId.padEnd(ruleWidth),
          paint('dim', position(finding).padEnd(positionWidth)),
          `${finding.message} ${paint('dim', `(confidence: ${finding.confidence})`)}`,
        ].join('  '),
      );
    }
    lines.push('');
  }
  if (!options.quiet) {
    const hidden = report.baselineMatched > 0 ? `; ${plural(report.baselineMatched, 'baseline finding')} hidden` : '';
    lines.push(paint('bold', summaryLine(report.findings, report.files.length) + hidden));
    lines.push(...leftOutNotes(report.leftOut, (folder) => `${displayPath(options.cwd, folder)}/`));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function position(finding: Finding): string {
  return `${finding.range.startLine}:${finding.range.startColumn}`;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? file : relative.split(path.sep).join('/');
}
