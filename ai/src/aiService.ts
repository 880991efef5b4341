// The AI features over one analysed file: explain a finding, propose a checked fix, answer questions about a
// function, triage findings, and preview exactly what a request would send. Shared by the language server and
// the CLI; it needs no LSP and no VS Code. Answers are cached on disk; nothing here changes a static finding.

import type { AnalysisSession, AnalysisSettings, Finding, ProjectModel, RuleRegistry, SourceFile, TextEdit } from 'sol-audit-rules';
import { AiClient, type AiLogger, type ChatMessage, type TokenUsage } from './aiClient';
import { AiError } from './aiErrors';
import { endpointHost, type AiSettings } from './aiSettings';
import { assembleContext, type AssembledContext } from './contextAssembly';
import { checkFix } from './fixValidation';
import { buildPrompt, PROMPT_VERSION, type BuiltPrompt, type PromptKind } from './promptBuilder';
import { renderExplanation, renderFindingHeader, renderFooter, renderPartialExplanation, renderTriage } from './renderAnswer';
import { cacheKey, type ResponseCache } from './responseCache';
import { EXPLANATION_SCHEMA, TRIAGE_SCHEMA, type Explanation, type TriageAnswer, type VersionedSchema } from './schemas';
import { RejectedModes, requestStructured, type StructuredOutcome } from './structuredRequest';
import { estimateCostUsd } from './usageCost';

/**
 * One file as the AI layer sees it, answered by the engine's analysis session: the findings shown for it (the
 * same the diagnostics and the report show) and the same analysis of a proposed text (fix checks).
 */
export interface AnalysedFile {
  project: ProjectModel;
  file: SourceFile;
  findings: Finding[];
  registry: RuleRegistry;
  /** What would be shown for the file with `text` in place of its own, under the same settings. */
  analyseProposedText(text: string): { file: SourceFile; findings: Finding[] } | undefined;
}

/** The AnalysedFile of one document of a session, or undefined when it cannot be read. */
export function analysedFileOf(session: AnalysisSession, filePath: string, settings: AnalysisSettings): AnalysedFile | undefined {
  const analysis = session.analyseDocument(filePath, settings);
  if (!analysis) return undefined;
  return {
    project: analysis.project,
    file: analysis.file,
    findings: analysis.findings,
    registry: session.registry,
    analyseProposedText: (text) => session.analyseProposedText(filePath, text, settings),
  };
}

export interface AiCall {
  settings: AiSettings;
  apiKey?: string;
  signal?: AbortSignal;
  /** Streamed text as it arrives ("ask"); a cache hit delivers the whole answer at once. */
  onDelta?: (text: string) => void;
  /** Explain and fix: the Markdown rendered so far from the streaming JSON, replacing the previous one. */
  onPartial?: (markdownSoFar: string) => void;
}

export interface AiAnswerMeta {
  model: string;
  endpointHost: string;
  usage?: TokenUsage;
  costUsd?: number;
  cached: boolean;
  /** The estimated prompt size sent (counted locally). */
  promptTokens: number;
  sent: string[];
  trimmed: string[];
  notice?: string;
  durationMs: number;
}

export interface ExplainAnswer {
  markdown: string;
  explanation?: Explanation;
  meta: AiAnswerMeta;
}

export interface FixAnswer extends ExplainAnswer {
  /** Present only when the fix passed the checks. */
  proposal?: { description: string; edits: TextEdit[]; newText: string };
  rejection?: string;
}

export interface AskAnswer {
  markdown: string;
  /** What the question was about, e.g. "Vault.deposit". */
  subject: string;
  /** The conversation to send back with a follow-up question. */
  history: ChatMessage[];
  meta: AiAnswerMeta;
}

export interface TriageResult {
  finding: Finding;
  verdict?: TriageAnswer;
  /** The reason no verdict was obtained (the finding itself is untouched). */
  error?: string;
  meta?: AiAnswerMeta;
}

export interface RequestPreview {
  endpoint: string;
  model: string;
  messages: ChatMessage[];
  promptTokens: number;
  sent: string[];
  trimmed: string[];
}

interface CachedStructured<T> {
  outcome: StructuredOutcome<T>;
}

export interface AiServiceOptions {
  cache?: ResponseCache;
  logger?: AiLogger;
  /** Shared by the services of one process (the server's worker) so an endpoint's rejected modes are tried once. */
  rejectedModes?: RejectedModes;
}

export class AiService {
  private readonly rejectedModes: RejectedModes;

  constructor(private readonly options: AiServiceOptions = {}) {
    this.rejectedModes = options.rejectedModes ?? new RejectedModes();
  }

  /** Exactly what the request would send, built the same way as the request itself; nothing is sent. */
  preview(kind: PromptKind, analysed: AnalysedFile, position: { finding?: Finding; offset?: number }, settings: AiSettings, question?: string): RequestPreview {
    const prompt = this.prompt(kind, analysed, position, settings, question);
    return { endpoint: settings.baseUrl, model: settings.model, messages: prompt.messages, promptTokens: prompt.promptTokens, sent: prompt.sent, trimmed: prompt.trimmed };
  }

  async explain(analysed: AnalysedFile, finding: Finding, call: AiCall): Promise<ExplainAnswer> {
    const started = Date.now();
    const prompt = this.prompt('explain', analysed, { finding }, call.settings);
    const { outcome, cached } = await this.structured(prompt, EXPLANATION_SCHEMA, call, (raw) => call.onPartial?.(renderPartialExplanation(raw)));
    const meta = this.meta(call, prompt, outcome, cached, started);
    const body = outcome.kind === 'structured' ? renderExplanation(outcome.value) : outcome.text;
    return { markdown: [renderFindingHeader(finding, analysed.project.root), body, renderFooter(meta)].join('\n\n'), explanation: outcome.kind === 'structured' ? outcome.value : undefined, meta };
  }

  async fix(analysed: AnalysedFile, finding: Finding, call: AiCall): Promise<FixAnswer> {
    const started = Date.now();
    const context = this.context(analysed, { finding });
    const prompt = buildPrompt('fix', context, { maxPromptTokens: call.settings.maxPromptTokens });
    const { outcome, cached } = await this.structured(prompt, EXPLANATION_SCHEMA, call, (raw) => call.onPartial?.(renderPartialExplanation(raw)));
    const meta = this.meta(call, prompt, outcome, cached, started);
    if (outcome.kind !== 'structured') {
      const rejection = 'The model did not return edits in the required form, so there is no fix to check.';
      return { markdown: [renderFindingHeader(finding, analysed.project.root), outcome.text, `**No fix offered.** ${rejection}`, renderFooter(meta)].join('\n\n'), rejection, meta };
    }
    const check = checkFix({ analysed, target: context.target, finding, edits: outcome.value.fix.edits });
    const verdict = check.ok
      ? '**Fix checked:** the file still parses, the finding is gone and no new finding of medium or higher appears.'
      : `**Fix rejected:** ${check.reason}`;
    const markdown = [renderFindingHeader(finding, analysed.project.root), renderExplanation(outcome.value), verdict, renderFooter(meta)].join('\n\n');
    return check.ok
      ? { markdown, explanation: outcome.value, meta, proposal: { description: outcome.value.fix.description, edits: check.edits, newText: check.newText } }
      : { markdown, explanation: outcome.value, meta, rejection: check.reason };
  }

  async ask(analysed: AnalysedFile, offset: number, question: string, history: ChatMessage[], call: AiCall): Promise<AskAnswer> {
    const started = Date.now();
    const prompt = this.prompt('ask', analysed, { offset }, call.settings, question, history);
    const key = this.key(call.settings, prompt, undefined);
    const hit = this.options.cache?.get<{ text: string; usage?: TokenUsage; model: string }>(key);
    let reply = hit;
    if (hit) call.onDelta?.(hit.text);
    else {
      const client = this.client(call);
      reply = await client.chat({ messages: prompt.messages, signal: call.signal, onDelta: call.onDelta ?? (() => undefined) });
      this.options.cache?.set(key, reply);
    }
    const answer = reply as { text: string; usage?: TokenUsage; model: string };
    const meta: AiAnswerMeta = {
      model: answer.model,
      endpointHost: endpointHost(call.settings.baseUrl),
      usage: answer.usage,
      costUsd: estimateCostUsd(answer.usage, call.settings.pricing),
      cached: !!hit,
      promptTokens: prompt.promptTokens,
      sent: prompt.sent,
      trimmed: prompt.trimmed,
      durationMs: Date.now() - started,
    };
    const newHistory: ChatMessage[] = [...prompt.messages.slice(1), { role: 'assistant', content: answer.text }];
    return { markdown: [answer.text, renderFooter(meta)].join('\n\n'), subject: prompt.subject, history: newHistory, meta };
  }

  /** One verdict per finding, in order; a failure for one finding is reported on it and the others go on. */
  async triage(analysed: AnalysedFile, findings: Finding[], call: AiCall, onResult?: (result: TriageResult) => void): Promise<TriageResult[]> {
    const results: TriageResult[] = [];
    for (const finding of findings) {
      if (call.signal?.aborted) throw new AiError('cancelled', 'The AI request was cancelled.');
      const started = Date.now();
      let result: TriageResult;
      try {
        const prompt = this.prompt('triage', analysed, { finding }, call.settings);
        const { outcome, cached } = await this.structured(prompt, TRIAGE_SCHEMA, call);
        const meta = this.meta(call, prompt, outcome, cached, started);
        result = outcome.kind === 'structured' ? { finding, verdict: outcome.value, meta } : { finding, error: outcome.notice, meta };
      } catch (err) {
        // Errors that will fail every finding the same way stop the run; others stay on their finding.
        if (err instanceof AiError && ['no-key', 'unauthorized', 'forbidden', 'unknown-model', 'unreachable', 'cancelled'].includes(err.kind)) throw err;
        result = { finding, error: err instanceof Error ? err.message : String(err) };
      }
      results.push(result);
      onResult?.(result);
    }
    return results;
  }

  /** Renders one triage verdict for the panel. */
  static renderTriage(result: TriageResult, root: string): string {
    return [renderFindingHeader(result.finding, root), result.verdict ? renderTriage(result.verdict) : `_No verdict: ${result.error ?? 'unknown error'}_`].join('\n\n');
  }

  private context(analysed: AnalysedFile, position: { finding?: Finding; offset?: number }): AssembledContext {
    return assembleContext({
      project: analysed.project,
      file: analysed.file,
      offset: position.finding?.range.start ?? position.offset ?? 0,
      findings: analysed.findings,
      registry: analysed.registry,
      focus: position.finding,
    });
  }

  private prompt(kind: PromptKind, analysed: AnalysedFile, position: { finding?: Finding; offset?: number }, settings: AiSettings, question?: string, history?: ChatMessage[]): BuiltPrompt {
    return buildPrompt(kind, this.context(analysed, position), { maxPromptTokens: settings.maxPromptTokens, question, history });
  }

  private async structured<T>(prompt: BuiltPrompt, schema: VersionedSchema<T>, call: AiCall, onRaw?: (raw: string) => void): Promise<{ outcome: StructuredOutcome<T>; cached: boolean }> {
    const key = this.key(call.settings, prompt, schema.version);
    const hit = this.options.cache?.get<CachedStructured<T>>(key);
    if (hit) return { outcome: hit.outcome, cached: true };
    const outcome = await requestStructured(this.client(call), prompt.messages, schema, this.rejectedModes, call.signal, call.onPartial && onRaw);
    // Only valid answers are cached: a plain-text fallback should be retried next time.
    if (outcome.kind === 'structured') this.options.cache?.set(key, { outcome } satisfies CachedStructured<T>);
    return { outcome, cached: false };
  }

  private key(settings: AiSettings, prompt: BuiltPrompt, schemaVersion: string | undefined): string {
    return cacheKey({ baseUrl: settings.baseUrl, model: settings.model, promptVersion: PROMPT_VERSION, schemaVersion, messages: [settings.temperature, prompt.messages] });
  }

  private client(call: AiCall): AiClient {
    return new AiClient(call.settings, call.apiKey, this.options.logger);
  }

  private meta(call: AiCall, prompt: BuiltPrompt, outcome: StructuredOutcome<unknown>, cached: boolean, started: number): AiAnswerMeta {
    return {
      model: outcome.model,
      endpointHost: endpointHost(call.settings.baseUrl),
      usage: outcome.usage,
      costUsd: estimateCostUsd(outcome.usage, call.settings.pricing),
      cached,
      promptTokens: prompt.promptTokens,
      sent: prompt.sent,
      trimmed: prompt.trimmed,
      notice: outcome.kind === 'text' ? outcome.notice : undefined,
      durationMs: Date.now() - started,
    };
  }
}
