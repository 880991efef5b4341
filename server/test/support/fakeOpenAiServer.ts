// A local OpenAI-compatible chat-completions server for tests: real HTTP on 127.0.0.1 (ephemeral port),
// streaming (SSE) and plain replies, scripted per request, and a record of every request it received.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body (undefined when the body was not JSON). */
  body: ChatBody;
  rawBody: string;
}

export interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
  temperature?: number;
  [key: string]: unknown;
}

export interface ScriptedReply {
  /** HTTP status; 200 when absent. */
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message text of a successful reply (split into several SSE chunks when streaming). */
  content?: string;
  /** A JSON error body for non-200 replies, e.g. { error: { message, code } }. */
  errorBody?: unknown;
  /** Sent verbatim instead of a well-formed reply (malformed JSON tests). */
  rawBody?: string;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Never answer; the request stays open until the client gives up. */
  hang?: boolean;
  /** Delay between SSE chunks, so a test can cancel mid-stream. */
  chunkDelayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export type ReplyScript = (request: RecordedRequest) => ScriptedReply;

export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests whose connection the client closed before the reply ended. */
  readonly abortedRequests: RecordedRequest[] = [];
  private readonly queue: (ScriptedReply | ReplyScript)[] = [];
  private fallback: ReplyScript = () => ({ content: 'ok' });
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly abortWaiters: (() => void)[] = [];
  private port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The base URL the openai client is given, as for any OpenAI-compatible server. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Replies used in order, one per request; after them the fallback answers. */
  enqueue(...replies: (ScriptedReply | ReplyScript)[]): void {
    this.queue.push(...replies);
  }

  setFallback(script: ReplyScript): void {
    this.fallback = script;
  }

  reset(): void {
    this.requests.length = 0;
    this.abortedRequests.length = 0;
    this.queue.length = 0;
    this.fallback = () => ({ content: 'ok' });
  }

  /** Resolves when the client has closed a connection before its reply ended. */
  nextAbort(): Promise<void> {
    return new Promise((resolve) => this.abortWaiters.push(resolve));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: safeParse(rawBody), rawBody };
    this.requests.push(recorded);
    let finished = false;
    res.on('close', () => {
      if (finished) return;
      this.abortedRequests.push(recorded);
      for (const waiter of this.abortWaiters.splice(0)) waiter();
    });
    const next = this.queue.shift() ?? this.fallback;
    const reply = typeof next === 'function' ? next(recorded) : next;
    if (reply.hang) return;
    if (reply.delayMs) await sleep(reply.delayMs);
    if (res.destroyed) return;
    const status = reply.status ?? 200;
    const headers = { ...(reply.headers ?? {}) };
    if (reply.rawBody !== undefined) {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(reply.rawBody, () => (finished = true));
      return;
    }
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(reply.errorBody ?? { error: { message: `status ${status}`, type: 'error' } }), () => (finished = true));
      return;
    }
    const model = recorded.body.model ?? 'fake-model';
    const content = reply.content ?? '';
    const usage = reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 };
    const fullUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    if (recorded.body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
      for (const piece of splitIntoChunks(content)) {
        if (res.destroyed) return;
        res.write(`data: ${JSON.stringify(chunkEvent(model, { content: piece }, null))}\n\n`);
        if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      }
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify(chunkEvent(model, {}, 'stop'))}\n\n`);
      if (recorded.body.stream_options?.include_usage) {
        res.write(`data: ${JSON.stringify({ ...(chunkEvent(model, {}, null) as object), choices: [], usage: fullUsage })}\n\n`);
      }
      res.end('data: [DONE]\n\n', () => (finished = true));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        usage: fullUsage,
      }),
      () => (finished = true),
    );
  }
}

function chunkEvent(model: string, delta: Record<string, string>, finishReason: string | null): unknown {
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

/** Splits text into a few pieces so streaming really arrives in parts. */
function splitIntoChunks(text: string): string[] {
  if (text.length === 0) return [];
  const size = Math.max(1, Math.ceil(text.length / 4));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function safeParse(raw: string): ChatBody {
  try {
    return JSON.parse(raw) as ChatBody;
  } catch {
    return {};
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
