// The contract between the language server and the VS Code client: the settings shape, command ids and
// custom messages. Declared once in this package, which both import (the vscode-eslint `$shared/` idea).

import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** The LSP client id; also the settings section and the prefix of `solAudit.trace.server`. */
export const CLIENT_ID = 'solAudit';
export const SETTINGS_SECTION = 'solAudit';

export type SeverityName = 'high' | 'medium' | 'low' | 'informational' | 'gas';
export type RuleSettingValue = 'on' | 'off' | SeverityName;
export type ProfileName = 'recommended' | 'extended';

/** `solAudit.*` settings as the server reads them for one resource. */
export interface SolAuditSettings {
  enable: boolean;
  /** Rule id → on/off or a severity override; applied after `.sol-audit.json`. */
  rules: Record<string, RuleSettingValue>;
  /** Findings less severe than this are not shown. Syntax errors always are. */
  minimumSeverity: SeverityName;
  run: 'onType' | 'onSave';
  debounceMs: number;
  /** Globs relative to the workspace folder of files that are not reported. */
  exclude: string[];
  codeLens: boolean;
  /** Replaces the profile of `.sol-audit.json` when set; unset, that file decides (default `recommended`). */
  profile?: ProfileName;
}

export const DEFAULT_SETTINGS: SolAuditSettings = {
  enable: true,
  rules: {},
  minimumSeverity: 'gas',
  run: 'onType',
  debounceMs: 75,
  exclude: [],
  codeLens: true,
};

/** Commands. Server ones run through workspace/executeCommand; client ones are registered by the extension. */
export const Commands = {
  /** Server: inserts `// sol-audit-disable-next-line <rule>` above a line. Args: DisableForLineArgs. */
  disableForLine: 'solAudit.disableForLine',
  /** Client: opens a rule's documentation. Args: ruleId. */
  showRuleDocumentation: 'solAudit.showRuleDocumentation',
  /** Client: analyses every `.sol` file of the workspace. */
  scanWorkspace: 'solAudit.scanWorkspace',
  /** Client: writes the Markdown audit report of the workspace and opens it. */
  exportReport: 'solAudit.exportReport',
  /** Client, AI layer (issue 4): explains one finding. Args: ExplainFindingArgs. */
  explainFinding: 'solAudit.explainFinding',
  /** Client, AI layer (issue 4): reviews one function. Args: AskAboutFunctionArgs. */
  askAiAboutFunction: 'solAudit.askAiAboutFunction',
  /** Client: shows the output channel. */
  showOutput: 'solAudit.showOutput',
} as const;

export interface DisableForLineArgs {
  uri: string;
  version: number;
  /** 0-based line of the finding. */
  line: number;
  ruleId: string;
}

export interface ExplainFindingArgs {
  uri: string;
  ruleId: string;
  message: string;
  range: LspRange;
}

export interface AskAboutFunctionArgs {
  uri: string;
  contractName: string;
  functionName: string;
  range: LspRange;
  findingRuleIds: string[];
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Server → client: what the language status item shows. */
export interface StatusParams {
  state: 'idle' | 'analyzing' | 'error';
  /** Findings currently published, over all files. */
  findingCount: number;
  message?: string;
}
export const StatusNotification = new NotificationType<StatusParams>('solAudit/status');

export interface ScanWorkspaceResult {
  fileCount: number;
  findingCount: number;
}
export const ScanWorkspaceRequest = new RequestType0<ScanWorkspaceResult, void>('solAudit/scanWorkspace');

export interface ExportReportParams {
  /** Workspace folder URI; the first folder when absent. */
  folderUri?: string;
}
export interface ExportReportResult {
  markdown: string;
}
export const ExportReportRequest = new RequestType<ExportReportParams, ExportReportResult, void>('solAudit/exportReport');

/** The documentation URL of a rule: the server knows the rules, the client opens the page. */
export const RuleDocumentationRequest = new RequestType<{ ruleId: string }, string, void>('solAudit/ruleDocumentation');

// ---- AI layer (issue 4). The client sends the AI settings it read from application/machine scope and the
// key from SecretStorage with each request; the server never reads them from workspace configuration.

export interface AiSettingsParams {
  baseUrl: string;
  model: string;
  maxPromptTokens: number;
  temperature: number;
  timeoutMs: number;
  structuredOutput: 'json_schema' | 'json_object' | 'none';
  pricing?: { inputPerMillion: number; outputPerMillion: number };
}

export interface AiRequestParams {
  uri: string;
  settings: AiSettingsParams;
  /** From SecretStorage; absent for keyless local servers. Never logged. */
  apiKey?: string;
  /** The response cache folder (the extension's global storage). */
  cacheFolder: string;
  /** Chosen by the client; streamed text arrives as AiDeltaNotification with this id. */
  requestId: string;
}

export interface AiFindingParams extends AiRequestParams {
  ruleId: string;
  range: LspRange;
}

export interface AiAskParams extends AiRequestParams {
  position: LspRange['start'];
  question: string;
  history: { role: 'user' | 'assistant'; content: string }[];
}

export interface AiTriageParams extends AiRequestParams {
  /** The file of `uri`, or every analysed file of the workspace. */
  scope: 'file' | 'workspace';
}

export type AiPromptKind = 'explain' | 'fix' | 'triage' | 'ask';

export interface AiPreviewParams extends AiRequestParams {
  kind: AiPromptKind;
  ruleId?: string;
  range?: LspRange;
  position?: LspRange['start'];
  question?: string;
}

export interface AiAnswerResult {
  markdown: string;
  model?: string;
  endpointHost?: string;
  usage?: { promptTokens: number; completionTokens: number };
  costUsd?: number;
  cached?: boolean;
  /** "ask": what the question was about, e.g. "Vault.deposit". */
  subject?: string;
  /** "ask": the conversation to send with a follow-up. */
  history?: { role: 'user' | 'assistant'; content: string }[];
  /** "fix": present only when the fix passed the checks; applies to `version` of the document. */
  fix?: { description: string; version: number; edits: { range: LspRange; newText: string }[]; newText: string };
  rejection?: string;
  /** A readable failure (no key, 401, …); the static diagnostics are unaffected. */
  error?: { kind: string; message: string };
}

export interface AiTriageResult extends AiAnswerResult {
  verdicts: { uri: string; ruleId: string; line: number; verdict: 'likely-true' | 'likely-false' | 'uncertain'; confidence: number }[];
}

export interface AiPreviewResult {
  endpoint: string;
  model: string;
  promptTokens: number;
  sent: string[];
  trimmed: string[];
  messages: { role: string; content: string }[];
}

export interface AiDeltaParams {
  requestId: string;
  text: string;
  /** Explain and fix: `text` is the whole answer so far and replaces what was shown; otherwise it is appended. */
  replace?: boolean;
}

export interface AiOptionsParams {
  /** Hide diagnostics the AI triage judged likely-false (nothing is deleted; turning it off shows them again). */
  hideLikelyFalse: boolean;
}

export const AiCommands = {
  setApiKey: 'solAudit.ai.setApiKey',
  clearApiKey: 'solAudit.ai.clearApiKey',
  explainFinding: Commands.explainFinding,
  fixFinding: 'solAudit.ai.fixFinding',
  askAboutFunction: Commands.askAiAboutFunction,
  triageFile: 'solAudit.ai.triageFile',
  triageWorkspace: 'solAudit.ai.triageWorkspace',
  showRequest: 'solAudit.ai.showRequest',
  clearCache: 'solAudit.ai.clearCache',
} as const;

export const AiExplainRequest = new RequestType<AiFindingParams, AiAnswerResult, void>('solAudit/ai/explain');
export const AiFixRequest = new RequestType<AiFindingParams, AiAnswerResult, void>('solAudit/ai/fix');
export const AiAskRequest = new RequestType<AiAskParams, AiAnswerResult, void>('solAudit/ai/ask');
export const AiTriageRequest = new RequestType<AiTriageParams, AiTriageResult, void>('solAudit/ai/triage');
export const AiPreviewRequest = new RequestType<AiPreviewParams, AiPreviewResult, void>('solAudit/ai/preview');
export const AiClearCacheRequest = new RequestType<{ cacheFolder: string }, { removed: number }, void>('solAudit/ai/clearCache');
export const AiDeltaNotification = new NotificationType<AiDeltaParams>('solAudit/ai/delta');
export const AiOptionsNotification = new NotificationType<AiOptionsParams>('solAudit/ai/options');
