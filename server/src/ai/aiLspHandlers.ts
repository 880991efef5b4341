// The AI layer's LSP surface: "Explain with AI" and "Fix with AI" code actions on every finding, and the
// solAudit/ai/* requests (explain, fix, ask, triage, preview, clear cache), which the analysis worker answers
// (aiWorkerHandlers.ts). Each request is cancellable ($/cancelRequest reaches the worker and aborts the HTTP
// request) and a failure becomes a readable error in the result: the static diagnostics never depend on the AI.

import { CodeActionKind } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import {
  AiAskRequest,
  AiClearCacheRequest,
  AiCommands,
  AiExplainRequest,
  AiFixRequest,
  AiOptionsNotification,
  AiPreviewRequest,
  AiTriageRequest,
  type ExplainFindingArgs,
} from 'sol-audit-protocol';
import type { ServerState } from '../serverState';
import { AiAskWorkerRequest, AiExplainWorkerRequest, AiFixWorkerRequest, AiPreviewWorkerRequest, AiTriageWorkerRequest, type AiDocument } from '../workerMessages';
import { ResponseCache } from 'sol-audit-ai/responseCache';

export function registerAiHandlers(state: ServerState): void {
  const { connection, analysis } = state;

  state.findingActions.push(({ stored, diagnostic, document }) => {
    // Skip syntax errors: there is no finding to explain, only code that does not parse.
    if (stored.finding.ruleId === 'syntax-error') return [];
    const args: ExplainFindingArgs = { uri: document.uri, ruleId: stored.finding.ruleId, message: stored.finding.message, range: stored.range };
    return [
      { title: `Explain ${stored.finding.ruleId} with AI`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Explain with AI', command: AiCommands.explainFinding, arguments: [args] } },
      { title: `Fix ${stored.finding.ruleId} with AI…`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Fix with AI', command: AiCommands.fixFinding, arguments: [args] } },
    ];
  });

  connection.onNotification(AiOptionsNotification, ({ hideLikelyFalse }) => {
    if (state.triage.hideLikelyFalse === hideLikelyFalse) return;
    state.triage.hideLikelyFalse = hideLikelyFalse;
    state.diagnostics.refreshAll();
  });

  // The analysis an AI request needs runs in the worker: these handlers add what only this thread knows (the
  // buffer, its version, the settings) and pass the request on, with its cancellation.
  connection.onRequest(AiExplainRequest, async (params, token) => analysis.request(AiExplainWorkerRequest, { ...params, document: await documentOf(state, params.uri) }, token));
  connection.onRequest(AiFixRequest, async (params, token) => analysis.request(AiFixWorkerRequest, { ...params, document: await documentOf(state, params.uri) }, token));
  connection.onRequest(AiAskRequest, async (params, token) => analysis.request(AiAskWorkerRequest, { ...params, document: await documentOf(state, params.uri) }, token));
  connection.onRequest(AiPreviewRequest, async (params, token) => analysis.request(AiPreviewWorkerRequest, { ...params, document: await documentOf(state, params.uri) }, token));

  connection.onRequest(AiTriageRequest, async (params, token) => {
    const uris = params.scope === 'file' ? [params.uri] : state.store.uris().filter((uri) => (state.store.get(uri)?.findings.length ?? 0) > 0);
    const documents = await Promise.all(uris.map((uri) => documentOf(state, uri)));
    const { annotations, ...result } = await analysis.request(AiTriageWorkerRequest, { ...params, documents }, token);
    for (const { finding, verdict } of annotations) state.triage.set(finding, verdict);
    // The verdicts show as suffixes of the diagnostics.
    state.diagnostics.refreshAll();
    return result;
  });

  connection.onRequest(AiClearCacheRequest, ({ cacheFolder }) => ({ removed: new ResponseCache(cacheFolder).clear() }));
}

async function documentOf(state: ServerState, uri: string): Promise<AiDocument> {
  const path = URI.parse(uri).fsPath;
  const open = state.documents.get(uri);
  return { uri, path, text: open?.getText(), version: open?.version, settings: await state.settings.get(uri), workspaceFolder: state.index.folderOf(path) };
}
