// The AI layer's LSP surface: "Explain with AI" and "Fix with AI" code actions on every finding, and the
// solAudit/ai/* requests (explain, fix, ask, triage, preview, clear cache). Each request is cancellable
// ($/cancelRequest aborts the HTTP request) and a failure becomes a readable error in the result: the static
// diagnostics never depend on the AI.

import { CodeActionKind, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { registerFindingActionProvider } from '../../codeActions';
import type { FindingStore } from '../../findingStore';
import type { OpenDocuments } from '../../openDocuments';
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
  type AiFindingParams,
  type AiRequestParams,
  type AiTriageResult,
  type ExplainFindingArgs,
} from '../../protocol';
import type { SettingsStore } from '../../settings';
import { AiError } from '../aiErrors';
import { normaliseAiSettings } from '../aiSettings';
import { AiService, type AiAnswerMeta, type AiCall, type AnalysedFile } from '../aiService';
import { analyseForAi, findFinding } from './editorAnalysis';
import { ResponseCache } from '../responseCache';
import { triageAnnotations } from '../triageAnnotations';

export interface AiServerContext {
  connection: Connection;
  documents: OpenDocuments;
  store: FindingStore;
  settings: SettingsStore;
  /** Re-publishes diagnostics after triage changed their suffixes. */
  refreshDiagnostics: () => void;
  /**
   * The workspace folder of a file, which `solAudit.exclude` is relative to (the workspace index's folderOf);
   * without it the excludes are read relative to the project root.
   */
  folderOf?: (filePath: string) => string | undefined;
}

export function registerAiHandlers(ctx: AiServerContext): void {
  const { connection } = ctx;
  const logger = { info: (m: string) => connection.console.info(m), warn: (m: string) => connection.console.warn(m) };
  const serviceFor = (cacheFolder: string): AiService => new AiService({ cache: cacheFolder ? new ResponseCache(cacheFolder) : undefined, logger });

  registerFindingActionProvider(({ stored, diagnostic, document }) => {
    // Skip syntax errors: there is no finding to explain, only code that does not parse.
    if (stored.finding.ruleId === 'syntax-error') return [];
    const args: ExplainFindingArgs = { uri: document.uri, ruleId: stored.finding.ruleId, message: stored.finding.message, range: stored.range };
    return [
      { title: `Explain ${stored.finding.ruleId} with AI`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Explain with AI', command: AiCommands.explainFinding, arguments: [args] } },
      { title: `Fix ${stored.finding.ruleId} with AI…`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Fix with AI', command: AiCommands.fixFinding, arguments: [args] } },
    ];
  });

  connection.onNotification(AiOptionsNotification, ({ hideLikelyFalse }) => {
    if (triageAnnotations.hideLikelyFalse === hideLikelyFalse) return;
    triageAnnotations.hideLikelyFalse = hideLikelyFalse;
    ctx.refreshDiagnostics();
  });

  connection.onRequest(AiExplainRequest, (params, token) =>
    guarded(async () => {
      const { analysed, finding } = await locateFinding(ctx, params);
      const answer = await serviceFor(params.cacheFolder).explain(analysed, finding, { ...callOf(params, token), onPartial: partialSender(connection, params.requestId) });
      return { markdown: answer.markdown, ...metaOf(answer.meta) };
    }),
  );

  connection.onRequest(AiFixRequest, (params, token) =>
    guarded(async () => {
      const document = ctx.documents.get(params.uri);
      const { analysed, finding } = await locateFinding(ctx, params);
      const answer = await serviceFor(params.cacheFolder).fix(analysed, finding, { ...callOf(params, token), onPartial: partialSender(connection, params.requestId) });
      const result: AiAnswerResult = { markdown: answer.markdown, rejection: answer.rejection, ...metaOf(answer.meta) };
      if (answer.proposal && document) {
        result.fix = {
          description: answer.proposal.description,
          version: document.version,
          newText: answer.proposal.newText,
          edits: answer.proposal.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text })),
        };
      }
      return result;
    }),
  );

  connection.onRequest(AiAskRequest, (params, token) =>
    guarded(async () => {
      const analysed = await analyse(ctx, params.uri);
      const offset = offsetOf(ctx.documents.get(params.uri), analysed, params.position);
      const answer = await serviceFor(params.cacheFolder).ask(analysed, offset, params.question, params.history, {
        ...callOf(params, token),
        onDelta: (text) => void connection.sendNotification(AiDeltaNotification, { requestId: params.requestId, text }),
      });
      const history = answer.history.filter((m): m is { role: 'user' | 'assistant'; content: string } => m.role !== 'system');
      return { markdown: answer.markdown, subject: answer.subject, history, ...metaOf(answer.meta) };
    }),
  );

  connection.onRequest(AiTriageRequest, (params, token) =>
    guarded(async (): Promise<AiTriageResult> => {
      const uris = params.scope === 'file' ? [params.uri] : ctx.store.uris().filter((uri) => (ctx.store.get(uri)?.findings.length ?? 0) > 0);
      const service = serviceFor(params.cacheFolder);
      const verdicts: AiTriageResult['verdicts'] = [];
      const sections: string[] = [];
      for (const uri of uris) {
        const analysed = await analyse(ctx, uri);
        const findings = analysed.findings.filter((f) => f.ruleId !== 'syntax-error');
        const results = await service.triage(analysed, findings, callOf(params, token));
        for (const result of results) {
          sections.push(AiService.renderTriage(result, analysed.project.root));
          if (!result.verdict) continue;
          triageAnnotations.set(result.finding, result.verdict);
          verdicts.push({ uri, ruleId: result.finding.ruleId, line: result.finding.range.startLine - 1, verdict: result.verdict.verdict, confidence: result.verdict.confidence });
        }
      }
      ctx.refreshDiagnostics();
      const summary = `## AI triage\n\n${verdicts.length} verdict(s) over ${uris.length} file(s). Verdicts are appended to the diagnostics; the findings themselves are unchanged.`;
      return { markdown: [summary, ...sections].join('\n\n---\n\n'), verdicts };
    }).then((r) => ({ verdicts: [], ...r }) as AiTriageResult),
  );

  connection.onRequest(AiPreviewRequest, async (params) => {
    const analysed = await analyse(ctx, params.uri);
    const settings = normaliseAiSettings(params.settings);
    const finding = params.ruleId && params.range ? findFinding(analysed.findings, params.ruleId, params.range.start.line, params.range.start.character) : undefined;
    const offset = offsetOf(ctx.documents.get(params.uri), analysed, params.position ?? params.range?.start ?? { line: 0, character: 0 });
    return serviceFor('').preview(params.kind, analysed, { finding, offset }, settings, params.question);
  });

  connection.onRequest(AiClearCacheRequest, ({ cacheFolder }) => ({ removed: new ResponseCache(cacheFolder).clear() }));
}

async function analyse(ctx: AiServerContext, uri: string): Promise<AnalysedFile> {
  const buffers = new Map(ctx.documents.all().map((d) => [URI.parse(d.uri).fsPath, d.getText()]));
  const settings = await ctx.settings.get(uri);
  const filePath = URI.parse(uri).fsPath;
  const analysed = analyseForAi(filePath, buffers, settings, ctx.folderOf?.(filePath));
  if (!analysed) throw new AiError('bad-request', `Cannot read ${URI.parse(uri).fsPath}.`);
  return analysed;
}

async function locateFinding(ctx: AiServerContext, params: AiFindingParams): Promise<{ analysed: AnalysedFile; finding: NonNullable<ReturnType<typeof findFinding>> }> {
  const analysed = await analyse(ctx, params.uri);
  const finding = findFinding(analysed.findings, params.ruleId, params.range.start.line, params.range.start.character);
  if (!finding) throw new AiError('bad-request', `The finding ${params.ruleId} is no longer reported in this file.`);
  return { analysed, finding };
}

function offsetOf(document: TextDocument | undefined, analysed: AnalysedFile, position: { line: number; character: number }): number {
  return document ? document.offsetAt(position) : analysed.file.lines.offsetAt(position.line + 1, position.character);
}

function callOf(params: AiRequestParams, token: CancellationToken): AiCall {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return { settings: normaliseAiSettings(params.settings), apiKey: params.apiKey, signal: controller.signal };
}

function partialSender(connection: Connection, requestId: string): (markdown: string) => void {
  return (markdown) => void connection.sendNotification(AiDeltaNotification, { requestId, text: markdown, replace: true });
}

function metaOf(meta: AiAnswerMeta): Partial<AiAnswerResult> {
  return { model: meta.model, endpointHost: meta.endpointHost, usage: meta.usage, costUsd: meta.costUsd, cached: meta.cached };
}

/** Turns any failure into a result the client shows; the message is already key-free (aiErrors). */
async function guarded<T extends Partial<AiAnswerResult>>(run: () => Promise<T>): Promise<T | AiAnswerResult> {
  try {
    return await run();
  } catch (err) {
    const error = err instanceof AiError ? { kind: err.kind, message: err.message } : { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
    return { markdown: `**The AI request failed.** ${error.message}\n\n_The static findings are not affected._`, error };
  }
}
