// The structured-output fallback chain against a server that lacks json_schema, then json_object: the same
// answer is obtained with json_object, then by extracting JSON from text; unusable replies end as markdown.

import * as assert from 'node:assert/strict';
import { AiClient } from '../../../ai/src/aiClient';
import { extractJsonObject } from '../../../ai/src/jsonExtraction';
import { TRIAGE_SCHEMA } from '../../../ai/src/schemas';
import { RejectedModes, requestStructured } from '../../../ai/src/structuredRequest';
import { FakeOpenAiServer, type RecordedRequest, type ScriptedReply } from '../support/fakeOpenAiServer';
import { settingsFor } from './aiTestSupport';

const VERDICT = { verdict: 'likely-true', reasoning: 'tx.origin guards a withdrawal.', confidence: 0.8 };
const messages = [{ role: 'user' as const, content: 'Reply with JSON' }];

/** A server that rejects the listed response_format types the way llama.cpp and older vLLM do. */
function rejecting(types: string[], content: string): (r: RecordedRequest) => ScriptedReply {
  return (request) =>
    types.includes(request.body.response_format?.type ?? 'none')
      ? { status: 400, errorBody: { error: { message: `response_format type ${request.body.response_format?.type} is not supported` } } }
      : { content };
}

describe('structured output fallback chain', () => {
  const server = new FakeOpenAiServer();
  before(() => server.start());
  after(() => server.stop());
  let rejectedModes: RejectedModes;
  beforeEach(() => {
    server.reset();
    rejectedModes = new RejectedModes();
  });

  it('uses json_schema when the server supports it', async () => {
    server.setFallback(() => ({ content: JSON.stringify(VERDICT) }));
    const outcome = await requestStructured(new AiClient(settingsFor(server.baseUrl), undefined), messages, TRIAGE_SCHEMA, rejectedModes);
    assert.equal(outcome.kind, 'structured');
    assert.equal(outcome.mode, 'json_schema');
    assert.equal(server.requests[0].body.response_format?.json_schema?.name, 'sol_audit_triage_v1');
    assert.equal(server.requests[0].body.response_format?.json_schema?.strict, true);
  });

  it('falls back to json_object, and remembers it for the next request', async () => {
    server.setFallback(rejecting(['json_schema'], JSON.stringify(VERDICT)));
    const client = new AiClient(settingsFor(server.baseUrl), undefined);
    const outcome = await requestStructured(client, messages, TRIAGE_SCHEMA, rejectedModes);
    assert.deepEqual(outcome.kind === 'structured' && outcome.value, VERDICT);
    assert.equal(outcome.mode, 'json_object');
    assert.deepEqual(server.requests.map((r) => r.body.response_format?.type), ['json_schema', 'json_object']);
    await requestStructured(client, messages, TRIAGE_SCHEMA, rejectedModes);
    assert.equal(server.requests[2].body.response_format?.type, 'json_object', 'json_schema is not tried again');
  });

  it('falls back to extracting JSON from text when no JSON mode is supported', async () => {
    server.setFallback(rejecting(['json_schema', 'json_object'], `Sure! Here it is:\n\`\`\`json\n${JSON.stringify(VERDICT, null, 2)}\n\`\`\`\nHope it helps.`));
    const outcome = await requestStructured(new AiClient(settingsFor(server.baseUrl), undefined), messages, TRIAGE_SCHEMA, rejectedModes);
    assert.equal(outcome.mode, 'none');
    assert.deepEqual(outcome.kind === 'structured' && outcome.value, VERDICT);
    assert.deepEqual(server.requests.map((r) => r.body.response_format?.type ?? 'none'), ['json_schema', 'json_object', 'none']);
  });

  it('starts lower in the chain when the setting says so', async () => {
    server.setFallback(() => ({ content: JSON.stringify(VERDICT) }));
    await requestStructured(new AiClient(settingsFor(server.baseUrl, { structuredOutput: 'none' }), undefined), messages, TRIAGE_SCHEMA, rejectedModes);
    assert.equal(server.requests[0].body.response_format, undefined);
  });

  it('ends with plain markdown and a notice when no JSON can be had, after one retry', async () => {
    server.setFallback(rejecting(['json_schema', 'json_object'], 'I think this is **probably a real bug**.'));
    const outcome = await requestStructured(new AiClient(settingsFor(server.baseUrl), undefined), messages, TRIAGE_SCHEMA, rejectedModes);
    assert.equal(outcome.kind, 'text');
    assert.match(outcome.kind === 'text' ? outcome.notice : '', /not a JSON object/);
    assert.equal(server.requests.length, 4, 'json_schema, json_object, text, one retry');
  });

  it('retries a reply that fails the schema once, telling the model what was wrong', async () => {
    server.enqueue({ content: JSON.stringify({ ...VERDICT, verdict: 'maybe' }) }, { content: JSON.stringify(VERDICT) });
    const outcome = await requestStructured(new AiClient(settingsFor(server.baseUrl), undefined), messages, TRIAGE_SCHEMA, rejectedModes);
    assert.equal(outcome.kind, 'structured');
    assert.match(server.requests[1].body.messages?.at(-1)?.content ?? '', /\/verdict must be equal to one of the allowed values/);
  });

  it('extracts JSON tolerantly: fences, prose, trailing commas, braces inside strings', () => {
    assert.deepEqual(extractJsonObject('x {"a": "}{", "b": [1, 2,],} y'), { a: '}{', b: [1, 2] });
    assert.deepEqual(extractJsonObject('```json\n{"a": 1}\n```'), { a: 1 });
    assert.equal(extractJsonObject('no json here'), undefined);
  });
});
