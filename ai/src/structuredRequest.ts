// The structured-output fallback chain: ask for json_schema; if the server rejects that response_format, ask
// for json_object; if that is rejected too, ask for plain text and extract the JSON; a reply that fails the
// schema is retried once, then shown as plain text with a notice.

import { AiError } from './aiErrors';
import type { AiClient, ChatMessage, ResponseFormat, TokenUsage } from './aiClient';
import type { StructuredOutputMode } from './aiSettings';
import { extractJsonObject } from './jsonExtraction';
import { schemaErrors, type VersionedSchema } from './schemas';

export type StructuredOutcome<T> =
  | { kind: 'structured'; value: T; mode: StructuredOutputMode; usage: TokenUsage; model: string }
  | { kind: 'text'; text: string; notice: string; mode: StructuredOutputMode; usage: TokenUsage; model: string };

const CHAIN: StructuredOutputMode[] = ['json_schema', 'json_object', 'none'];

/** The modes each endpoint rejected, so later requests to it start lower in the chain. Kept by its owner (an AiService). */
export class RejectedModes {
  private readonly byEndpoint = new Map<string, Set<StructuredOutputMode>>();

  of(baseUrl: string): Set<StructuredOutputMode> {
    let rejected = this.byEndpoint.get(baseUrl);
    if (!rejected) {
      rejected = new Set();
      this.byEndpoint.set(baseUrl, rejected);
    }
    return rejected;
  }
}

export async function requestStructured<T>(
  client: AiClient,
  messages: ChatMessage[],
  schema: VersionedSchema<T>,
  rejectedModes: RejectedModes,
  signal?: AbortSignal,
  /** Streams each attempt: called with the reply text so far (restarting from empty on a new attempt). */
  onPartial?: (textSoFar: string) => void,
): Promise<StructuredOutcome<T>> {
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const rejected = rejectedModes.of(client.settings.baseUrl);
  const modes = CHAIN.slice(CHAIN.indexOf(client.settings.structuredOutput)).filter((m) => !rejected.has(m));
  for (const mode of modes) {
    let conversation = messages;
    for (let attempt = 0; attempt < 2; attempt++) {
      let reply;
      try {
        let soFar = '';
        const onDelta = onPartial && ((piece: string) => onPartial((soFar += piece)));
        reply = await client.chat({ messages: conversation, responseFormat: responseFormatFor(mode, schema), signal, onDelta });
      } catch (err) {
        if (err instanceof AiError && err.kind === 'unsupported-response-format' && mode !== 'none') {
          rejected.add(mode);
          break;
        }
        throw err;
      }
      add(usage, reply.usage);
      const parsed = mode === 'none' ? extractJsonObject(reply.text) : parseOrExtract(reply.text);
      if (parsed !== undefined && schema.validate(parsed)) return { kind: 'structured', value: parsed as T, mode, usage, model: reply.model };
      const problem = parsed === undefined ? 'it was not a JSON object' : `it did not match the schema: ${schemaErrors(schema.validate)}`;
      if (attempt === 1) {
        return { kind: 'text', text: reply.text, notice: `The model's reply could not be used as structured output (${problem}); it is shown as plain text.`, mode, usage, model: reply.model };
      }
      conversation = [
        ...messages,
        { role: 'assistant', content: reply.text },
        { role: 'user', content: `Your reply could not be used: ${problem}. Reply again with only the JSON object in the required form.` },
      ];
    }
  }
  throw new AiError('malformed-response', 'The server rejected every structured-output mode.');
}

function responseFormatFor(mode: StructuredOutputMode, schema: VersionedSchema<unknown>): ResponseFormat | undefined {
  if (mode === 'json_schema') return { type: 'json_schema', json_schema: { name: schema.name, schema: schema.schema, strict: true } };
  if (mode === 'json_object') return { type: 'json_object' };
  return undefined;
}

function parseOrExtract(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return extractJsonObject(text);
  }
}

function add(total: TokenUsage, usage: TokenUsage | undefined): void {
  if (!usage) return;
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
}
