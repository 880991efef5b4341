// Machine-readable output: a versioned JSON document. Paths are relative to the project root with forward
// slashes, so a result can be compared across machines and used as a baseline.

import { relativeTo } from '../engine/runRules';
import type { AiTriageNote, Fix, Finding, SourceRange } from '../model/finding';
import type { LeftOutReason } from '../project/projectLayout';
import { countBySeverity, TOOL_NAME, type AuditReport, type SeverityCounts } from './report';

/** Bumped on any incompatible change of the shape below. */
export const JSON_FORMAT_VERSION = 1;

export interface JsonRelatedLocation {
  file: string;
  range: SourceRange;
  message: string;
}

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  confidence: Finding['confidence'];
  title: string;
  category: string;
  message: string;
  file: string;
  range: SourceRange;
  related: JsonRelatedLocation[];
  fingerprint: string;
  fix?: Fix;
  /** Present with `--ai-triage`: the model's verdict; the finding itself is unchanged. */
  aiTriage?: AiTriageNote;
}

export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  root: string;
  files: string[];
  /** Folders whose `.sol` files were not reported: dependencies (see --include-deps) and build outputs. */
  leftOut: { folder: string; reason: LeftOutReason; fileCount: number }[];
  summary: { findings: number; files: number; lines: number; bySeverity: SeverityCounts; baselineMatched: number };
  findings: JsonFinding[];
  errors: { file: string; message: string }[];
}

export function toJsonReport(report: AuditReport): JsonReport {
  const relative = (file: string): string => relativeTo(report.root, file);
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: report.toolVersion },
    root: report.root,
    files: report.files.map(relative),
    leftOut: report.leftOut.map((f) => ({ folder: relative(f.folder), reason: f.reason, fileCount: f.files.length })),
    summary: {
      findings: report.findings.length,
      files: report.files.length,
      lines: report.lineCount,
      bySeverity: countBySeverity(report.findings),
      baselineMatched: report.baselineMatched,
    },
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      confidence: f.confidence,
      title: f.title,
      category: f.category,
      message: f.message,
      file: relative(f.file),
      range: f.range,
      related: f.related.map((r) => ({ file: relative(r.file), range: r.range, message: r.message })),
      fingerprint: f.fingerprint,
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.aiTriage ? { aiTriage: f.aiTriage } : {}),
    })),
    errors: report.errors.map((e) => ({ file: relative(e.file), message: e.message })),
  };
}

export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
