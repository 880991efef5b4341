// The AI commands of the extension: set/clear the key, explain, fix (diff preview the user accepts), ask with
// follow-ups, triage, show what will be sent, clear the cache. Each one checks trust and consent, sends the
// settings and key with the request, and shows the answer in the AI panel. Register with `aiCommandTable`.

import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import {
  AiAskRequest,
  AiClearCacheRequest,
  AiCommands,
  AiDeltaNotification,
  AiExplainRequest,
  AiFixRequest,
  AiOptionsNotification,
  AiPreviewRequest,
  AiTriageRequest,
  type AiAnswerResult,
  type AiPromptKind,
  type AiRequestParams,
  type AskAboutFunctionArgs,
  type ExplainFindingArgs,
  type LspRange,
} from 'sol-audit-protocol';
import { isLoopbackEndpoint } from 'sol-audit-protocol/aiEndpoint';
import { endpointOrigin, hideLikelyFalse, readAiSettings } from './aiConfiguration';
import { ensureAiAllowed } from './aiConsent';
import { AiPanel } from './aiPanel';
import { AiSecrets } from './aiSecrets';
import { AiUsageStatus } from './aiUsageStatus';

const DEFAULT_QUESTION = 'Review this function for security issues';
const FIX_SCHEME = 'sol-audit-ai-fix';

export type CommandTable = Record<string, (...args: unknown[]) => unknown>;

export function aiCommandTable(context: vscode.ExtensionContext, client: LanguageClient): CommandTable {
  const ai = new AiCommandsImpl(context, client);
  return {
    [AiCommands.setApiKey]: () => ai.secrets.promptAndStore(),
    [AiCommands.clearApiKey]: () => ai.secrets.clear(),
    [AiCommands.explainFinding]: (args) => ai.explain(args as ExplainFindingArgs | undefined),
    [AiCommands.fixFinding]: (args) => ai.fix(args as ExplainFindingArgs | undefined),
    [AiCommands.askAboutFunction]: (args) => ai.ask(args as AskAboutFunctionArgs | undefined),
    [AiCommands.triageFile]: () => ai.triage('file'),
    [AiCommands.triageWorkspace]: () => ai.triage('workspace'),
    [AiCommands.showRequest]: () => ai.showRequest(),
    [AiCommands.clearCache]: () => ai.clearCache(),
  };
}

class AiCommandsImpl {
  readonly secrets: AiSecrets;
  private readonly panel = new AiPanel();
  private readonly status = new AiUsageStatus();
  private readonly proposals = new Map<string, string>();
  private readonly streams = new Map<string, (text: string, replace: boolean) => void>();
  private nextId = 1;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.secrets = new AiSecrets(context.secrets);
    context.subscriptions.push(
      this.panel,
      this.status,
      client.onNotification(AiDeltaNotification, ({ requestId, text, replace }) => this.streams.get(requestId)?.(text, replace === true)),
      vscode.workspace.registerTextDocumentContentProvider(FIX_SCHEME, { provideTextDocumentContent: (uri) => this.proposals.get(uri.toString()) ?? '' }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('solAudit.ai.hideLikelyFalse') && this.client.isRunning()) void this.syncOptions();
      }),
    );
  }

  async explain(args: ExplainFindingArgs | undefined): Promise<void> {
    const target = args ?? this.findingUnderCursor();
    if (!target) return void vscode.window.showInformationMessage('sol-audit: put the cursor on a finding to explain it.');
    const base = await this.prepare(target.uri, 'explain', { ruleId: target.ruleId, range: target.range });
    if (!base) return;
    const { token } = this.panel.begin(`AI: ${target.ruleId}`, `## Explain ${target.ruleId}`);
    const result = await this.streaming(base.requestId, () => cancellable(this.client.sendRequest(AiExplainRequest, { ...base, ruleId: target.ruleId, range: target.range }, token)));
    if (result) this.show(result);
  }

  async fix(args: ExplainFindingArgs | undefined): Promise<void> {
    const target = args ?? this.findingUnderCursor();
    if (!target) return void vscode.window.showInformationMessage('sol-audit: put the cursor on a finding to fix it.');
    const base = await this.prepare(target.uri, 'fix', { ruleId: target.ruleId, range: target.range });
    if (!base) return;
    const { token } = this.panel.begin(`AI fix: ${target.ruleId}`, `## Fix ${target.ruleId} with AI`);
    const result = await this.streaming(base.requestId, () => cancellable(this.client.sendRequest(AiFixRequest, { ...base, ruleId: target.ruleId, range: target.range }, token)));
    if (!result) return;
    this.show(result);
    if (!result.fix) {
      if (!result.error) void vscode.window.showWarningMessage(`sol-audit: no AI fix offered. ${result.rejection ?? ''}`);
      return;
    }
    await this.previewAndApply(target.uri, result.fix);
  }

  async ask(args: AskAboutFunctionArgs | undefined): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = args?.uri ?? editor?.document.uri.toString();
    const position = args?.range.start ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
    if (!uri || !position) return void vscode.window.showInformationMessage('sol-audit: open a Solidity file and put the cursor in a function.');
    const question = await vscode.window.showInputBox({ title: 'Ask AI about this function', value: DEFAULT_QUESTION, ignoreFocusOut: true });
    if (!question) return;
    let name = args ? `${args.contractName}.${args.functionName}` : 'this function';
    let history: { role: 'user' | 'assistant'; content: string }[] = [];
    let transcript = '';
    const send = async (q: string): Promise<void> => {
      const base = await this.prepare(uri, 'ask', { position, question: q });
      if (!base) return;
      const { token } = this.panel.begin(`AI: ${name}`, `## ${name}\n\n${transcript}**You:** ${q}`, (next) => void send(next));
      this.streams.set(base.requestId, (text) => this.panel.append(text));
      try {
        const result = await cancellable(this.client.sendRequest(AiAskRequest, { ...base, position, question: q, history }, token));
        if (!result) return;
        if (result.subject && result.subject !== name) {
          name = result.subject;
          this.panel.retitle(`AI: ${name}`, `## ${name}\n\n${transcript}**You:** ${q}`);
        }
        this.show(result);
        if (result.history) {
          history = result.history;
          transcript += `**You:** ${q}\n\n${history[history.length - 1]?.content ?? ''}\n\n---\n\n`;
        }
      } finally {
        this.streams.delete(base.requestId);
      }
    };
    await send(question);
  }

  async triage(scope: 'file' | 'workspace'): Promise<void> {
    const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? '';
    if (scope === 'file' && !uri) return void vscode.window.showInformationMessage('sol-audit: open a Solidity file to triage its findings.');
    const base = await this.prepare(uri, 'triage', {});
    if (!base) return;
    await this.syncOptions();
    const { token } = this.panel.begin('AI triage', `## AI triage of the ${scope}`);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'sol-audit: AI triage', cancellable: true },
      (_progress, cancel) => {
        cancel.onCancellationRequested(() => this.panel.dispose());
        return cancellable(this.client.sendRequest(AiTriageRequest, { ...base, scope }, token));
      },
    );
    if (result) this.show(result);
  }

  async showRequest(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage('sol-audit: open a Solidity file first.');
    const finding = this.findingUnderCursor();
    const kind: AiPromptKind = finding ? 'explain' : 'ask';
    const position = { line: editor.selection.active.line, character: editor.selection.active.character };
    const base = await this.baseParams(editor.document.uri.toString());
    await this.openPreview(kind, { ...base, apiKey: undefined }, { ruleId: finding?.ruleId, range: finding?.range, position, question: DEFAULT_QUESTION });
  }

  async clearCache(): Promise<void> {
    const { removed } = await this.client.sendRequest(AiClearCacheRequest, { cacheFolder: this.cacheFolder() });
    void vscode.window.showInformationMessage(`sol-audit: cleared ${removed} cached AI answer(s).`);
  }

  /** Trust, consent and the key; undefined when the request must not be sent. */
  private async prepare(uri: string, kind: AiPromptKind, extra: { ruleId?: string; range?: LspRange; position?: LspRange['start']; question?: string }): Promise<AiRequestParams | undefined> {
    const base = await this.baseParams(uri);
    if (!base.apiKey && !isLoopbackEndpoint(base.settings.baseUrl)) {
      // Ask for the key first: confirming the endpoint and then failing with "no key" would waste a step.
      const choice = await vscode.window.showWarningMessage(`sol-audit: no AI API key is set for ${endpointOrigin(base.settings.baseUrl)}.`, 'Set AI API key');
      if (choice) await this.secrets.promptAndStore();
      return undefined;
    }
    const consent = await ensureAiAllowed(this.context.globalState, base.settings.baseUrl, base.settings.model);
    if (consent === 'preview') await this.openPreview(kind, { ...base, apiKey: undefined }, extra);
    return consent === 'allowed' ? base : undefined;
  }

  private async baseParams(uri: string): Promise<AiRequestParams> {
    const settings = readAiSettings();
    return { uri, settings, apiKey: await this.secrets.get(settings.baseUrl), cacheFolder: this.cacheFolder(), requestId: `ai-${this.nextId++}` };
  }

  private async openPreview(kind: AiPromptKind, base: AiRequestParams, extra: { ruleId?: string; range?: LspRange; position?: LspRange['start']; question?: string }): Promise<void> {
    const preview = await this.client.sendRequest(AiPreviewRequest, { ...base, kind, ...extra });
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(preview, null, 2) });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
  }

  private show(result: AiAnswerResult): void {
    this.panel.finish(result.markdown);
    if (result.error) {
      const actions = ['no-key', 'unauthorized'].includes(result.error.kind) ? ['Set AI API key'] : [];
      void vscode.window.showErrorMessage(`sol-audit AI: ${result.error.message}`, ...actions).then((choice) => {
        if (choice) void vscode.commands.executeCommand(AiCommands.setApiKey);
      });
      return;
    }
    this.status.record(result);
  }

  /** Shows the checked fix as a diff and applies it only when the user accepts, and only to the same version. */
  private async previewAndApply(uri: string, fix: NonNullable<AiAnswerResult['fix']>): Promise<void> {
    const original = vscode.Uri.parse(uri);
    const proposed = vscode.Uri.from({ scheme: FIX_SCHEME, path: original.path, query: `v${fix.version}-${Date.now()}` });
    this.proposals.set(proposed.toString(), fix.newText);
    await vscode.commands.executeCommand('vscode.diff', original, proposed, `AI fix (checked): ${fix.description}`);
    const choice = await vscode.window.showInformationMessage(
      `Apply the AI fix? It was checked: the file parses, the finding is gone, nothing of medium or higher is new.`,
      { modal: true },
      'Apply',
    );
    this.proposals.delete(proposed.toString());
    if (choice !== 'Apply') return;
    const document = await vscode.workspace.openTextDocument(original);
    if (document.version !== fix.version) return void vscode.window.showWarningMessage('sol-audit: the file changed since the fix was checked; ask again.');
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) edit.replace(original, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    await vscode.workspace.applyEdit(edit);
  }

  private findingUnderCursor(): ExplainFindingArgs | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const at = editor.selection.active;
    const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'sol-audit' && d.range.contains(at));
    if (!diagnostic) return undefined;
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    const r = diagnostic.range;
    return {
      uri: editor.document.uri.toString(),
      ruleId: code,
      message: diagnostic.message,
      range: { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } },
    };
  }

  /** Routes the request's streamed Markdown (which replaces the previous partial answer) to the panel. */
  private async streaming<T>(requestId: string, send: () => Promise<T>): Promise<T> {
    this.streams.set(requestId, (text) => this.panel.replace(text));
    try {
      return await send();
    } finally {
      this.streams.delete(requestId);
    }
  }

  private cacheFolder(): string {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'ai-cache').fsPath;
  }

  private async syncOptions(): Promise<void> {
    await this.client.sendNotification(AiOptionsNotification, { hideLikelyFalse: hideLikelyFalse() });
  }
}

/** Undefined when the user cancelled (closed the panel, started another request); other errors propagate. */
async function cancellable<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled) return undefined;
    throw err;
  }
}
