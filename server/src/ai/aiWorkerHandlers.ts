// The AI requests as the analysis worker answers them: the analysis they need (the findings shown, context
// assembly, fix checks) runs here, through the worker's analysis session, never on the LSP main thread.
// Streamed text goes back as AiDeltaNotification; a cancelled request aborts its HTTP request; a failure
// becomes a readable error in the result, so the static diagnostics never depend on the AI.

import type { CancellationToken, MessageConnection } from 'vscode-jsonrpc';
import type { Finding } from 'sol-audit-rules';
import type { ProjectAnalyzer } from '../projectAnalyzer';
import { AiDeltaNotification, type AiAnswerResult, type AiRequestParams, type LspRange } from 'sol-audit-protocol';
import { analysisSettingsOf } from '../settings';
import {
  AiAskWorkerRequest,
  AiExplainWorkerRequest,
  AiFixWorkerRequest,
  AiPreviewWorkerRequest,
  AiTriageWorkerRequest,
  LogNotification,
  type AiDocument,
  type AiTriageWorkerResult,
} from '../workerMessages';
import { AiError, AiService, analysedFileOf, normaliseAiSettings, RejectedModes, ResponseCache, type AiAnswerMeta, type AiCall, type AnalysedFile } from 'sol-audit-ai';
import { findFinding } from './editorAnalysis';

export function registerAiWorkerHandlers(connection: MessageConnection, analyzer: ProjectAnalyzer): void {
  const logger = {
    info: (message: string) => void connection.sendNotification(LogNotification, { level: 'info', message }),
    warn: (message: string) => void connection.sendNotification(LogNotification, { level: 'warn', message }),
  };
  // An endpoint that rejected a structured-output mode is not asked with it again while the worker lives.
  const rejectedModes = new RejectedModes();
  const serviceFor = (cacheFolder: string): AiService => new AiService({ cache: cacheFolder ? new ResponseCache(cacheFolder) : undefined, logger, rejectedModes });
  const partialSender = (requestId: string) => (markdown: string) => void connection.sendNotification(AiDeltaNotification, { requestId, text: markdown, replace: true });

  /** The document's analysis as the diagnostics show it, with the buffer the main thread sent. */
  const analyse = (document: AiDocument): AnalysedFile => {
    if (document.text !== undefined) analyzer.host.openTexts.set(document.path, document.text);
    const analysed = analysedFileOf(analyzer.session, document.path, analysisSettingsOf(document.settings, document.workspaceFolder));
    if (!analysed) throw new AiError('bad-request', `Cannot read ${document.path}.`);
    return analysed;
  };

  const locate = (document: AiDocument, ruleId: string, range: LspRange): { analysed: AnalysedFile; finding: Finding } => {
    const analysed = analyse(document);
    const finding = findFinding(analysed.findings, ruleId, range.start.line, range.start.character);
    if (!finding) throw new AiError('bad-request', `The finding ${ruleId} is no longer reported in this file.`);
    return { analysed, finding };
  };

  connection.onRequest(AiExplainWorkerRequest, (params, token) =>
    guarded(async () => {
      const { analysed, finding } = locate(params.document, params.ruleId, params.range);
      const answer = await serviceFor(params.cacheFolder).explain(analysed, finding, { ...callOf(params, token), onPartial: partialSender(params.requestId) });
      return { markdown: answer.markdown, ...metaOf(answer.meta) };
    }),
  );

  connection.onRequest(AiFixWorkerRequest, (params, token) =>
    guarded(async () => {
      const { analysed, finding } = locate(params.document, params.ruleId, params.range);
      const answer = await serviceFor(params.cacheFolder).fix(analysed, finding, { ...callOf(params, token), onPartial: partialSender(params.requestId) });
      const result: AiAnswerResult = { markdown: answer.markdown, rejection: answer.rejection, ...metaOf(answer.meta) };
      const { version } = params.document;
      if (answer.proposal && version !== undefined) {
        const { lines } = analysed.file;
        const position = (offset: number) => {
          const p = lines.positionAt(offset);
          return { line: p.line - 1, character: p.column - 1 };
        };
        result.fix = {
          description: answer.proposal.description,
          version,
          newText: answer.proposal.newText,
          edits: answer.proposal.edits.map((e) => ({ range: { start: position(e.start), end: position(e.end) }, newText: e.text })),
        };
      }
      return result;
    }),
  );

  connection.onRequest(AiAskWorkerRequest, (params, token) =>
    guarded(async () => {
      const analysed = analyse(params.document);
      const offset = analysed.file.lines.offsetAt(params.position.line + 1, params.position.character);
      const answer = await serviceFor(params.cacheFolder).ask(analysed, offset, params.question, params.history, {
        ...callOf(params, token),
        onDelta: (text) => void connection.sendNotification(AiDeltaNotification, { requestId: params.requestId, text }),
      });
      const history = answer.history.filter((m): m is { role: 'user' | 'assistant'; content: string } => m.role !== 'system');
      return { markdown: answer.markdown, subject: answer.subject, history, ...metaOf(answer.meta) };
    }),
  );

  connection.onRequest(AiTriageWorkerRequest, (params, token) =>
    guarded(async (): Promise<AiTriageWorkerResult> => {
      const service = serviceFor(params.cacheFolder);
      const result: AiTriageWorkerResult = { markdown: '', verdicts: [], annotations: [] };
      const sections: string[] = [];
      for (const document of params.documents) {
        const analysed = analyse(document);
        const findings = analysed.findings.filter((f) => f.ruleId !== 'syntax-error');
        for (const triaged of await service.triage(analysed, findings, callOf(params, token))) {
          sections.push(AiService.renderTriage(triaged, analysed.project.root));
          if (!triaged.verdict) continue;
          result.annotations.push({ finding: triaged.finding, verdict: triaged.verdict });
          const { verdict, confidence } = triaged.verdict;
          result.verdicts.push({ uri: document.uri, ruleId: triaged.finding.ruleId, line: triaged.finding.range.startLine - 1, verdict, confidence });
        }
      }
      const summary = `## AI triage\n\n${result.verdicts.length} verdict(s) over ${params.documents.length} file(s). Verdicts are appended to the diagnostics; the findings themselves are unchanged.`;
      result.markdown = [summary, ...sections].join('\n\n---\n\n');
      return result;
    }).then((r) => ({ verdicts: [], annotations: [], ...r })),
  );

  connection.onRequest(AiPreviewWorkerRequest, (params) => {
    const analysed = analyse(params.document);
    const finding = params.ruleId && params.range ? findFinding(analysed.findings, params.ruleId, params.range.start.line, params.range.start.character) : undefined;
    const position = params.position ?? params.range?.start ?? { line: 0, character: 0 };
    const offset = analysed.file.lines.offsetAt(position.line + 1, position.character);
    return serviceFor('').preview(params.kind, analysed, { finding, offset }, normaliseAiSettings(params.settings), params.question);
  });
}

function callOf(params: AiRequestParams, token: CancellationToken): AiCall {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return { settings: normaliseAiSettings(params.settings), apiKey: params.apiKey, signal: controller.signal };
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
