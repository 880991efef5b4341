// The contract between the language server and the VS Code client: the settings shape, command ids and
// custom messages. Declared once here; the client imports it (the vscode-eslint `$shared/` idea).

import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** The LSP client id; also the settings section and the prefix of `solAudit.trace.server`. */
export const CLIENT_ID = 'solAudit';
export const SETTINGS_SECTION = 'solAudit';

export type SeverityName = 'high' | 'medium' | 'low' | 'informational' | 'gas';
export type RuleSettingValue = 'on' | 'off' | SeverityName;

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
