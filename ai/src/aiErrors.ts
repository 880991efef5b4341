// Maps every failure of an AI request to one readable, actionable message, and scrubs the key from any text.
// Nothing here ever includes the API key: messages are built from status codes and the endpoint host.

import OpenAI from 'openai';
import { endpointHost } from './aiSettings';

export type AiErrorKind =
  | 'no-key'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown-model'
  | 'rate-limited'
  | 'context-too-long'
  | 'unreachable'
  | 'timeout'
  | 'malformed-response'
  | 'server-error'
  | 'bad-request'
  | 'cancelled'
  | 'unsupported-response-format'
  | 'untrusted-workspace';

export class AiError extends Error {
  constructor(
    readonly kind: AiErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AiError';
  }
}

export interface ErrorContext {
  baseUrl: string;
  model: string;
  /** Scrubbed from any text taken from the server's reply. */
  apiKey?: string;
}

export function noKeyError(baseUrl: string): AiError {
  return new AiError(
    'no-key',
    `No API key is set for ${endpointHost(baseUrl)}. Run "Solidity Audit: Set AI API key" in VS Code, or set OPENAI_API_KEY for the CLI.`,
  );
}

/** Whether a 400 reply means the server does not support the requested response_format. */
export function isUnsupportedResponseFormat(err: unknown): boolean {
  if (!(err instanceof OpenAI.APIError) || (err.status !== 400 && err.status !== 422)) return false;
  if (isContextTooLong(err)) return false;
  return /response_format|json_schema|json_object|structured|schema/i.test(`${err.message} ${JSON.stringify(err.error ?? '')}`);
}

export function toAiError(err: unknown, context: ErrorContext): AiError {
  if (err instanceof AiError) return err;
  const host = endpointHost(context.baseUrl);
  if (err instanceof OpenAI.APIUserAbortError) return new AiError('cancelled', 'The AI request was cancelled.');
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return new AiError('timeout', `${host} did not answer in time. Raise solAudit.ai.timeoutMs or try a smaller model.`);
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return new AiError('unreachable', `Cannot reach ${host}. Check solAudit.ai.baseUrl and that the server is running (for Ollama: "ollama serve").`);
  }
  if (err instanceof OpenAI.APIError) {
    const status = err.status;
    if (status === 401) return new AiError('unauthorized', `${host} rejected the API key (401). Set a valid key with "Solidity Audit: Set AI API key".`, status);
    if (status === 403) return new AiError('forbidden', `${host} refused access (403): the key has no permission for model "${context.model}" or this endpoint.`, status);
    if (status === 404) return new AiError('unknown-model', `${host} does not know model "${context.model}" (404). Check solAudit.ai.model and solAudit.ai.baseUrl.`, status);
    if (status === 429) {
      return new AiError('rate-limited', `${host} is rate limiting requests (429) and retries did not get through. Wait a moment and try again.`, status);
    }
    if (isContextTooLong(err)) {
      return new AiError('context-too-long', `The prompt is longer than model "${context.model}" accepts. Lower solAudit.ai.maxPromptTokens.`, status);
    }
    if (status !== undefined && status >= 500) return new AiError('server-error', `${host} failed with status ${status}; retries did not help. Try again later.`, status);
    const detail = scrubSecret(err.message, context.apiKey).slice(0, 300);
    return new AiError('bad-request', `${host} rejected the request (${status ?? 'no status'}): ${detail}`, status);
  }
  if (err instanceof SyntaxError || (err instanceof Error && /JSON/.test(err.message))) {
    return new AiError('malformed-response', `${host} sent a reply that is not valid OpenAI JSON. Is solAudit.ai.baseUrl an OpenAI-compatible /v1 endpoint?`);
  }
  const text = err instanceof Error ? err.message : String(err);
  return new AiError('malformed-response', `Unexpected reply from ${host}: ${scrubSecret(text, context.apiKey).slice(0, 300)}`);
}

function isContextTooLong(err: InstanceType<typeof OpenAI.APIError>): boolean {
  return err.code === 'context_length_exceeded' || /context length|maximum context|too many tokens|context_length/i.test(err.message);
}

/** Replaces every occurrence of the key (and any bearer token) in a text meant for users or logs. */
export function scrubSecret(text: string, secret: string | undefined): string {
  let out = text.replace(/Bearer\s+[A-Za-z0-9._\-]+/g, 'Bearer [redacted]');
  if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}
