// The LSP trace channel with API keys blanked. AI requests carry the key from SecretStorage in their params,
// and `solAudit.trace.server: verbose` would print those params: every line is scrubbed before it is written.

import type { LogOutputChannel } from 'vscode';

const WRITERS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/** Blanks the value of every "apiKey" property in traced JSON (compact or indented). */
export function redactApiKeys(text: string): string {
  return text.replace(/("apiKey"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"');
}

export function redactingTraceChannel(channel: LogOutputChannel): LogOutputChannel {
  return new Proxy(channel, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && WRITERS.has(property)) {
        return (message: unknown, ...rest: unknown[]) => (value as (...a: unknown[]) => unknown).call(target, typeof message === 'string' ? redactApiKeys(message) : message, ...rest);
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
