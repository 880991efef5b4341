// A minimal LSP client for protocol tests: starts the built server (server/dist/server.js) over stdio,
// answers the requests a real editor answers (configuration, applyEdit, progress), keeps its own copy of
// open documents, and lets tests wait for publishDiagnostics events instead of sleeping.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  TextDocumentEdit,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS, type SolAuditSettings } from 'sol-audit-protocol';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

type Waiter = { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve(p: PublishDiagnosticsParams): void };

export class LspTestClient {
  readonly connection: MessageConnection;
  settings: SolAuditSettings;
  readonly documents = new Map<string, TextDocument>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly progress: unknown[] = [];
  /** Resolves when the server's initial workspace scan reports its end. */
  readonly indexed: Promise<void>;
  private readonly waiters: Waiter[] = [];
  private readonly child: ChildProcess;
  peakRssKb = 0;
  /** How many workspace/codeLens/refresh requests the server sent. */
  codeLensRefreshes = 0;
  private readonly codeLensRefreshWaiters: (() => void)[] = [];

  /** `filesExclude` answers the server's requests for VS Code's `files.exclude` setting. */
  constructor(
    readonly workspaceFolder: string,
    settings: Partial<SolAuditSettings> = {},
    filesExclude: Record<string, boolean> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'solAudit' ? this.settings : item.section === 'files.exclude' ? filesExclude : {})),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, ({ edit }) => ({ applied: this.applyWorkspaceEdit(edit) }));
    this.connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.codeLensRefreshes++;
      for (const resolve of this.codeLensRefreshWaiters.splice(0)) resolve();
      return undefined;
    });
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => undefined);
    let indexedResolve: () => void = () => undefined;
    this.indexed = new Promise((resolve) => (indexedResolve = resolve));
    this.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      this.progress.push(params.value);
      if (params.value.kind === 'end') indexedResolve();
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const folderUri = URI.file(this.workspaceFolder).toString();
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(this.workspaceFolder) }],
      capabilities: {
        workspace: {
          configuration: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          codeLens: { refreshSupport: true },
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves on the next workspace/codeLens/refresh request from the server. */
  nextCodeLensRefresh(): Promise<void> {
    return new Promise((resolve) => this.codeLensRefreshWaiters.push(resolve));
  }

  uriOf(file: string): string {
    return URI.file(path.join(this.workspaceFolder, file)).toString();
  }

  /** Waits for the next publish for `uri` that satisfies `predicate` (the latest one counts if it already does). */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, acceptLatest = false): Promise<Diagnostic[]> {
    const current = this.latest.get(uri);
    if (acceptLatest && current && predicate(current)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve: (p) => resolve(p.diagnostics) }));
  }

  /** Diagnostics published for exactly the document's current version. */
  diagnosticsOfVersion(uri: string, version = this.documents.get(uri)?.version): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version, true);
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const doc = TextDocument.create(uri, 'solidity', 1, text);
    this.documents.set(uri, doc);
    const published = this.diagnosticsOfVersion(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'solidity', version: 1, text } });
    return published;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sends one incremental change and returns the document's new version. */
  async change(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    const version = doc.version + 1;
    const contentChanges = edits.map((e) => ({ range: e.range, text: e.newText }));
    // LSP applies the changes one after the other, each against the text the previous one produced.
    for (const change of contentChanges) TextDocument.update(doc, [change], version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Replaces the first occurrence of `search` with `replacement`. */
  async replaceText(uri: string, search: string, replacement: string): Promise<number> {
    const doc = this.documents.get(uri)!;
    const offset = doc.getText().indexOf(search);
    if (offset < 0) throw new Error(`"${search}" not found in ${uri}`);
    return this.change(uri, [{ range: { start: doc.positionAt(offset), end: doc.positionAt(offset + search.length) }, newText: replacement }]);
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    return (result ?? []) as CodeAction[];
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async setSettings(settings: Partial<SolAuditSettings>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Applies a versioned workspace edit the way VS Code does: refused when a version does not match. */
  applyWorkspaceEdit(edit: WorkspaceEdit): boolean {
    const pending: { uri: string; edits: TextEdit[] }[] = [];
    for (const change of edit.documentChanges ?? []) {
      if (!TextDocumentEdit.is(change)) return false;
      const doc = this.documents.get(change.textDocument.uri);
      if (!doc || (change.textDocument.version !== null && change.textDocument.version !== doc.version)) return false;
      pending.push({ uri: doc.uri, edits: change.edits as TextEdit[] });
    }
    for (const { uri, edits } of pending) void this.change(uri, [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character));
    return pending.length > 0;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
    this.child.kill();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }
}
