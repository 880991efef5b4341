// The protocol between the server's main thread and the analysis worker, typed once and carried by
// vscode-jsonrpc over the worker's port (messagePortTransport.ts), the way protocol.ts types LSP: requests
// answer or fail with a readable error, and a newer request cancels a stale one through $/cancelRequest.
// Positions are already LSP positions (0-based line, UTF-16 character): the worker holds the text they refer to.

import { NotificationType, ProgressType, RequestType } from 'vscode-jsonrpc';
import type { Finding, ParseKind } from 'sol-audit-rules';
import type { TriageAnswer } from 'sol-audit-ai';
import type {
  AiAnswerResult,
  AiAskParams,
  AiFindingParams,
  AiPreviewParams,
  AiPreviewResult,
  AiTriageParams,
  AiTriageResult,
  LspRange,
  SolAuditSettings,
} from 'sol-audit-protocol';

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
  /** How the text was parsed (the engine's incremental parse cache says). */
  parse: ParseKind;
  /** A broken `.sol-audit.json` that applies to this file. */
  configError?: { path: string; message: string };
}

export interface AnalyzeParams {
  path: string;
  text: string;
  settings: SolAuditSettings;
  /** Absolute path of the workspace folder, for the exclude globs of the settings. */
  workspaceFolder?: string;
}

export interface AnalyzeResult {
  analysis: FileAnalysis;
  ms: number;
}

/** One open document. Cancelled (LSPErrorCodes.RequestCancelled) when a newer edit asks again first. */
export const AnalyzeRequest = new RequestType<AnalyzeParams, AnalyzeResult, void>('worker/analyze');

export interface ScanParams {
  paths: string[];
  settings: SolAuditSettings;
  workspaceFolder?: string;
  /** The $/progress token the chunks of analyses arrive on (ScanProgress). */
  partialResultToken: string;
}

export interface ScanChunk {
  analyses: FileAnalysis[];
  done: number;
  total: number;
}

/** Files analysed in chunks, so edits of open files are served between them; resolves after the last chunk. */
export const ScanRequest = new RequestType<ScanParams, void, void>('worker/scan');
export const ScanProgress = new ProgressType<ScanChunk>();

export interface ReportParams {
  folder: string;
  settings: SolAuditSettings;
}

/** The Markdown audit report of a workspace folder. */
export const ReportRequest = new RequestType<ReportParams, string, void>('worker/report');

/** An open editor buffer, which wins over the disk for imports. */
export const DocumentTextNotification = new NotificationType<{ path: string; text: string }>('worker/documentText');

/** A closed document: the worker drops its buffer, tree and kept findings. */
export const DocumentClosedNotification = new NotificationType<{ path: string }>('worker/documentClosed');

/** Files changed on disk: drop cached parses and configs of these paths. */
export const InvalidateNotification = new NotificationType<{ paths: string[] }>('worker/invalidate');

/** A line for the server's log (the worker has no LSP connection of its own). */
export const LogNotification = new NotificationType<{ level: 'info' | 'warn'; message: string }>('worker/log');

// ---- AI requests. They run in the worker because the analysis they need (context assembly, fix checks) lives
// there. Each carries what only the main thread knows about the file; streamed text comes back as the client's
// own AiDeltaNotification, which the main thread forwards.

/** The file an AI request is about, as the main thread sees it. */
export interface AiDocument {
  uri: string;
  path: string;
  /** The open buffer (it may be newer than the last analysis); absent for a file read from the disk. */
  text?: string;
  /** The open buffer's version, which the edits of a fix apply to. */
  version?: number;
  settings: SolAuditSettings;
  workspaceFolder?: string;
}

export type WithDocument<P> = P & { document: AiDocument };

export const AiExplainWorkerRequest = new RequestType<WithDocument<AiFindingParams>, AiAnswerResult, void>('worker/ai/explain');
export const AiFixWorkerRequest = new RequestType<WithDocument<AiFindingParams>, AiAnswerResult, void>('worker/ai/fix');
export const AiAskWorkerRequest = new RequestType<WithDocument<AiAskParams>, AiAnswerResult, void>('worker/ai/ask');
export const AiPreviewWorkerRequest = new RequestType<WithDocument<AiPreviewParams>, AiPreviewResult, void>('worker/ai/preview');

export interface AiTriageWorkerParams extends AiTriageParams {
  /** The file of the request, or every file of the workspace with findings. */
  documents: AiDocument[];
}

export interface AiTriageWorkerResult extends AiTriageResult {
  /** Each verdict with its finding, for the main thread's triage annotations. */
  annotations: { finding: Finding; verdict: TriageAnswer }[];
}

export const AiTriageWorkerRequest = new RequestType<AiTriageWorkerParams, AiTriageWorkerResult, void>('worker/ai/triage');
