// The provider client: one chat-completions call through the openai package against any OpenAI-compatible
// endpoint, streaming or not, cancellable, with the package's retries (backoff, Retry-After) and timeout.

import OpenAI from 'openai';
import { AiError, isUnsupportedResponseFormat, noKeyError, scrubSecret, toAiError } from './aiErrors';
import { isLoopbackEndpoint } from 'sol-audit-protocol/aiEndpoint';
import type { AiSettings } from './aiSettings';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ResponseFormat =
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: boolean } }
  | { type: 'json_object' };

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  responseFormat?: ResponseFormat;
  /** When set the reply is streamed and each piece of text is passed here as it arrives. */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

export interface ChatResult {
  text: string;
  usage?: TokenUsage;
  model: string;
}

export interface AiLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Loopback servers ignore the key; the openai package still insists on one. */
const PLACEHOLDER_KEY = 'no-key-needed';

export class AiClient {
  private readonly openai: OpenAI;

  constructor(
    readonly settings: AiSettings,
    private readonly apiKey: string | undefined,
    private readonly logger?: AiLogger,
  ) {
    if (!apiKey && !isLoopbackEndpoint(settings.baseUrl)) throw noKeyError(settings.baseUrl);
    const scrub = (args: unknown[]): string => scrubSecret(args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' '), apiKey);
    this.openai = new OpenAI({
      apiKey: apiKey || PLACEHOLDER_KEY,
      baseURL: settings.baseUrl,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      // The package logs through console by default; route its warnings through ours, key scrubbed.
      logLevel: 'warn',
      logger: {
        error: (...args: unknown[]) => logger?.warn(scrub(args)),
        warn: (...args: unknown[]) => logger?.warn(scrub(args)),
        info: (...args: unknown[]) => logger?.info(scrub(args)),
        debug: () => undefined,
      },
    });
  }

  async chat(request: ChatRequest): Promise<ChatResult> {
    const base = {
      model: this.settings.model,
      messages: request.messages,
      temperature: this.settings.temperature,
      ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
    };
    try {
      if (request.onDelta) return await this.streamChat(base, request.onDelta, request.signal);
      const completion = await this.openai.chat.completions.create(base, { signal: request.signal });
      const choice = completion.choices?.[0];
      if (!choice || typeof choice.message?.content !== 'string') throw new AiError('malformed-response', 'The reply has no message content.');
      return { text: choice.message.content, usage: usageOf(completion.usage), model: completion.model ?? this.settings.model };
    } catch (err) {
      throw this.mapError(err, request.signal);
    }
  }

  private mapError(err: unknown, signal?: AbortSignal): AiError {
    if (signal?.aborted) return new AiError('cancelled', 'The AI request was cancelled.');
    // The fallback chain downgrades on this one instead of showing it.
    if (isUnsupportedResponseFormat(err)) return new AiError('unsupported-response-format', 'The server does not support this response_format.', 400);
    const mapped = toAiError(err, { baseUrl: this.settings.baseUrl, model: this.settings.model, apiKey: this.apiKey });
    this.logger?.warn(`AI request failed: ${mapped.kind}: ${mapped.message}`);
    return mapped;
  }

  private async streamChat(base: OpenAI.ChatCompletionCreateParamsNonStreaming, onDelta: (text: string) => void, signal?: AbortSignal): Promise<ChatResult> {
    const stream = await this.openai.chat.completions.create({ ...base, stream: true, stream_options: { include_usage: true } }, { signal });
    let text = '';
    let usage: TokenUsage | undefined;
    let model = this.settings.model;
    for await (const chunk of stream) {
      model = chunk.model || model;
      if (chunk.usage) usage = usageOf(chunk.usage);
      const piece = chunk.choices?.[0]?.delta?.content;
      if (piece) {
        text += piece;
        onDelta(piece);
      }
    }
    // The package ends the iteration quietly on abort; a cancelled answer must not pass for a complete one.
    if (signal?.aborted) throw new AiError('cancelled', 'The AI request was cancelled.');
    return { text, usage, model };
  }
}

function usageOf(usage: OpenAI.CompletionUsage | undefined | null): TokenUsage | undefined {
  return usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : undefined;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
