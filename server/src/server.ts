// The Solidity Audit Hints language server: wires LSP handlers to the modules that do the work.
// Analysis runs in a worker thread (analysisWorker.ts); this thread only routes messages.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { registerAiHandlers } from './ai/lsp/aiLspHandlers';
import { AnalysisClient } from './analysisClient';
import { codeActionsFor } from './codeActions';
import { codeLensesFor } from './codeLens';
import { CodeLensRefresher } from './codeLensRefresh';
import { DiagnosticsService } from './diagnostics';
import { WATCHED_GLOBS, onWatchedFilesChanged } from './fileEvents';
import { FindingStore } from './findingStore';
import { hoverAt } from './hover';
import { OpenDocuments } from './openDocuments';
import { ExportReportRequest, ScanWorkspaceRequest } from './protocol';
import { SERVER_COMMANDS, executeCommand, exportReport } from './serverCommands';
import { SettingsStore } from './settings';
import { WorkspaceIndex } from './workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
const documents = new OpenDocuments();
const store = new FindingStore();
const index = new WorkspaceIndex();
const analysis = new AnalysisClient(undefined, (m) => connection.console.error(m));
let supportsConfiguration = false;
let supportsDynamicRegistration = false;
let supportsWorkspaceFolders = false;
const settings = new SettingsStore(connection, () => supportsConfiguration);
const codeLensRefresher = new CodeLensRefresher(connection);
const diagnostics = new DiagnosticsService(connection, documents, settings, analysis, store, index, codeLensRefresher);

connection.onInitialize((params) => {
  const caps = params.capabilities;
  supportsConfiguration = caps.workspace?.configuration === true;
  supportsDynamicRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsWorkspaceFolders = caps.workspace?.workspaceFolders === true;
  codeLensRefresher.supported = caps.workspace?.codeLens?.refreshSupport === true;
  index.setFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(!params.workspaceFolders && params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: SERVER_COMMANDS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
  };
});

connection.onInitialized(async () => {
  if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'solAudit' });
  if (supportsDynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
  }
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const current = index.folderPaths().map((p) => URI.file(p).toString());
      const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
      index.setFolders([...current.filter((u) => !removed.has(URI.parse(u).fsPath)), ...e.added.map((f) => f.uri)]);
    });
  }
  await index.scan(connection, settings, analysis, (a) => diagnostics.publishScanned(a));
});

documents.listen(connection, {
  opened: (doc) => void diagnostics.schedule(doc.uri, 'open'),
  changed: (doc, changes) => {
    store.applyChanges(doc.uri, doc.version, changes);
    void diagnostics.schedule(doc.uri, 'change');
  },
  saved: (doc) => void diagnostics.schedule(doc.uri, 'save'),
  closed: (uri) => {
    analysis.closeDocument(URI.parse(uri).fsPath);
    diagnostics.clear(uri);
    diagnostics.analyzeDependents(URI.parse(uri).fsPath);
  },
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  diagnostics.refreshAll();
  connection.languages.diagnostics.refresh().catch(() => undefined);
  codeLensRefresher.request();
});
connection.onDidChangeWatchedFiles((params) => onWatchedFilesChanged(params, analysis, diagnostics, store, documents, index));

connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  return doc ? hoverAt(doc, position, store) : null;
});
connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? codeActionsFor(params, doc, store) : [];
});
connection.onCodeLens(async ({ textDocument }) => {
  const record = store.get(textDocument.uri);
  return record && (await settings.get(textDocument.uri)).codeLens ? codeLensesFor(textDocument.uri, record) : [];
});
connection.onExecuteCommand((params) => executeCommand(connection, documents, params));
connection.onRequest(ScanWorkspaceRequest, () => index.scan(connection, settings, analysis, (a) => diagnostics.publishScanned(a)));
connection.onRequest(ExportReportRequest, (params) => exportReport(params, index, settings, analysis));
registerAiHandlers({ connection, documents, store, settings, refreshDiagnostics: () => diagnostics.refreshAll() });
connection.onShutdown(async () => {
  await analysis.dispose();
});

connection.listen();
