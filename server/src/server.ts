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
import { registerAiHandlers } from './ai/aiLspHandlers';
import { AnalysisClient } from './analysisClient';
import { codeActionsFor } from './codeActions';
import { codeLensesFor } from './codeLens';
import { WATCHED_GLOBS, onWatchedFilesChanged } from './fileEvents';
import { hoverAt } from './hover';
import { AiDeltaNotification, ExportReportRequest, RuleDocumentationRequest, ScanWorkspaceRequest } from 'sol-audit-protocol';
import { ruleDocsUrl } from 'sol-audit-rules';
import { SERVER_COMMANDS, executeCommand, exportReport } from './serverCommands';
import { ServerState } from './serverState';

const connection = createConnection(ProposedFeatures.all);
const analysisClient = new AnalysisClient({
  log: (level, message) => connection.console[level](message),
  onAiDelta: (params) => void connection.sendNotification(AiDeltaNotification, params),
});
const state = new ServerState(connection, analysisClient);
const { documents, store, index, settings, analysis, diagnostics, clientSupports } = state;

connection.onInitialize((params) => {
  const caps = params.capabilities;
  clientSupports.configuration = caps.workspace?.configuration === true;
  clientSupports.dynamicRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  clientSupports.workspaceFolders = caps.workspace?.workspaceFolders === true;
  state.codeLenses.supported = caps.workspace?.codeLens?.refreshSupport === true;
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
  if (clientSupports.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'solAudit' });
  if (clientSupports.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
  }
  if (clientSupports.workspaceFolders) {
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
  closed: (uri) => state.closeDocument(uri),
});

connection.onDidChangeConfiguration(() => state.settingsChanged());
connection.onDidChangeWatchedFiles((params) => onWatchedFilesChanged(params, analysis, diagnostics, store, documents, index));

connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  return doc ? hoverAt(doc, position, store) : null;
});
connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? codeActionsFor(params, doc, store, state.findingActions) : [];
});
connection.onCodeLens(async ({ textDocument }) => {
  const record = store.get(textDocument.uri);
  return record && (await settings.get(textDocument.uri)).codeLens ? codeLensesFor(textDocument.uri, record) : [];
});
connection.onExecuteCommand((params) => executeCommand(connection, documents, params));
connection.onRequest(ScanWorkspaceRequest, () => index.scan(connection, settings, analysis, (a) => diagnostics.publishScanned(a)));
connection.onRequest(ExportReportRequest, (params) => exportReport(params, index, settings, analysis));
connection.onRequest(RuleDocumentationRequest, ({ ruleId }) => ruleDocsUrl(ruleId));
registerAiHandlers(state);
connection.onShutdown(async () => {
  await analysis.dispose();
});

connection.listen();
