// Everything the language server holds, in one object that server.ts creates and the handlers are given: open
// documents, findings per version, AI triage verdicts, the workspace index, settings per resource and the
// analysis worker. What
// belongs to a document is dropped when it closes.

import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { TriageAnnotations } from 'sol-audit-ai/triageAnnotations';
import type { AnalysisClient } from './analysisClient';
import { FINDING_ACTIONS, type FindingActionProvider } from './codeActions';
import { CodeLensRefresher } from './codeLensRefresh';
import { DiagnosticsService } from './diagnostics';
import { FindingStore } from './findingStore';
import { OpenDocuments } from './openDocuments';
import { SettingsStore } from './settings';
import { WorkspaceIndex } from './workspaceIndex';

/** What the client said it supports in `initialize`. */
export interface ClientSupport {
  configuration: boolean;
  dynamicRegistration: boolean;
  workspaceFolders: boolean;
}

export class ServerState {
  readonly documents = new OpenDocuments();
  readonly store = new FindingStore();
  readonly index = new WorkspaceIndex();
  /** AI triage verdicts shown on the diagnostics. */
  readonly triage = new TriageAnnotations();
  /** The code actions offered on a finding; the AI layer adds its own. */
  readonly findingActions: FindingActionProvider[] = [...FINDING_ACTIONS];
  readonly clientSupports: ClientSupport = { configuration: false, dynamicRegistration: false, workspaceFolders: false };
  readonly settings: SettingsStore;
  readonly codeLenses: CodeLensRefresher;
  readonly diagnostics: DiagnosticsService;

  constructor(
    readonly connection: Connection,
    readonly analysis: AnalysisClient,
  ) {
    this.settings = new SettingsStore(connection, () => this.clientSupports.configuration);
    this.codeLenses = new CodeLensRefresher(connection);
    this.diagnostics = new DiagnosticsService(connection, this.documents, this.settings, analysis, this.store, this.index, this.codeLenses, this.triage);
  }

  /** Drops the document's settings, findings and diagnostics, and the worker's buffer and tree of it. */
  closeDocument(uri: string): void {
    const filePath = URI.parse(uri).fsPath;
    this.settings.forget(uri);
    this.analysis.closeDocument(filePath);
    this.diagnostics.clear(uri);
    // Files importing it now read the disk copy, which may differ from the closed buffer.
    this.diagnostics.analyzeDependents(filePath);
  }

  /** Settings changed: every cached value goes and every analysed file is analysed again. */
  settingsChanged(): void {
    this.settings.clear();
    this.diagnostics.refreshAll();
    this.connection.languages.diagnostics.refresh().catch(() => undefined);
    this.codeLenses.request();
  }
}
