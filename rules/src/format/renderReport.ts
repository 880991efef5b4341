// Picks the output module for a format name; every format renders the same AuditReport.

import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { AuditReport } from './report';
import { renderSarif } from './sarif';
import { renderText, type TextOptions } from './text';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';

export function renderReport(format: ReportFormat, report: AuditReport, textOptions: TextOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, textOptions);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}
