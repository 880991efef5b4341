// Messages between the server's main thread and the analysis worker, and the analysed-file shape they carry.
// Positions are already LSP positions (0-based line, UTF-16 character): the worker holds the text they refer to.

import type { Finding } from 'sol-audit-rules';
import type { LspRange, SolAuditSettings } from './protocol';

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

export interface LspFix {
  description: string;
  edits: LspTextEdit[];
}

export interface AnalyzedFinding {
  finding: Finding;
  range: LspRange;
  fix?: LspFix;
  suggestions: LspFix[];
}

export interface OutlineFunction {
  name: string;
  range: LspRange;
}

export interface OutlineContract {
  name: string;
  kind: string;
  range: LspRange;
  functions: OutlineFunction[];
}

export interface FileAnalysis {
  path: string;
  findings: AnalyzedFinding[];
  /** Files this one imports, transitively: a change to any of them re-analyses this one. */
  dependencies: string[];
  outline: OutlineContract[];
  hasSyntaxError: boolean;
  /** How the text was parsed: reused, a function spliced into the last good tree, or a full parse. */
  parse: 'cached' | 'spliced' | 'full';
  /** A broken `.sol-audit.json` that applies to this file. */
  configError?: { path: string; message: string };
}

export interface AnalyzeRequest {
  kind: 'analyze';
  id: number;
  path: string;
  text: string;
  settings: SolAuditSettings;
  /** Absolute path of the workspace folder, for the exclude globs of the settings. */
  workspaceFolder?: string;
}

export interface ScanRequest {
  kind: 'scan';
  id: number;
  paths: string[];
  settings: SolAuditSettings;
  workspaceFolder?: string;
}

export interface ReportRequest {
  kind: 'report';
  id: number;
  folder: string;
  settings: SolAuditSettings;
}

/** An open editor buffer that wins over the disk for imports; `text: undefined` when it was closed. */
export interface DocumentSync {
  kind: 'document';
  path: string;
  text: string | undefined;
}

/** Files changed on disk: drop cached parses and configs of these paths. */
export interface Invalidate {
  kind: 'invalidate';
  paths: string[];
}

export type ToWorker = AnalyzeRequest | ScanRequest | ReportRequest | DocumentSync | Invalidate;

export type FromWorker =
  | { kind: 'analyzed'; id: number; analysis: FileAnalysis; ms: number }
  | { kind: 'cancelled'; id: number }
  | { kind: 'scanned'; id: number; analyses: FileAnalysis[]; done: number; total: number; last: boolean }
  | { kind: 'report'; id: number; markdown: string }
  | { kind: 'failed'; id: number; message: string };
