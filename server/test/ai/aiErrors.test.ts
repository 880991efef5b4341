// Every failure maps to one readable message: no key, 401, 403, 404, 429 (with Retry-After honoured), 5xx,
// context too long, unreachable, timeout and malformed replies. None of them carries the key.

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { AiClient } from '../../../ai/src/aiClient';
import type { AiError } from '../../../ai/src/aiErrors';
import { FakeOpenAiServer, type ScriptedReply } from '../support/fakeOpenAiServer';
import { settingsFor } from './aiTestSupport';

const KEY = 'sk-test-NEVER-SHOWN-987654';
const ask = [{ role: 'user' as const, content: 'hello' }];

describe('AI error mapping', () => {
  const server = new FakeOpenAiServer();
  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => server.reset());

  async function failureOf(reply: ScriptedReply, overrides = {}): Promise<AiError> {
    server.enqueue(reply);
    const client = new AiClient(settingsFor(server.baseUrl, overrides), KEY);
    const err = await client.chat({ messages: ask }).then(
      () => assert.fail('expected a failure'),
      (e: AiError) => e,
    );
    assert.ok(!err.message.includes(KEY), `key leaked: ${err.message}`);
    return err;
  }

  it('no key for a remote endpoint fails before any request, and names the command to fix it', () => {
    assert.throws(
      () => new AiClient(settingsFor('https://api.openai.com/v1'), undefined),
      (err: AiError) => err.kind === 'no-key' && /Set AI API key/.test(err.message) && /OPENAI_API_KEY/.test(err.message),
    );
  });

  it('a loopback server (Ollama, LM Studio) needs no key', async () => {
    server.enqueue({ content: 'hi' });
    const result = await new AiClient(settingsFor(server.baseUrl), undefined).chat({ messages: ask });
    assert.equal(result.text, 'hi');
  });

  const cases: [string, ScriptedReply, string, RegExp][] = [
    ['401', { status: 401, errorBody: { error: { message: `Incorrect API key provided: ${KEY}` } } }, 'unauthorized', /rejected the API key \(401\)/],
    ['403', { status: 403 }, 'forbidden', /refused access \(403\)/],
    ['404', { status: 404, errorBody: { error: { message: 'The model `fake-model` does not exist', code: 'model_not_found' } } }, 'unknown-model', /does not know model "fake-model"/],
    [
      'a context-length 400',
      { status: 400, errorBody: { error: { message: "This model's maximum context length is 8192 tokens", code: 'context_length_exceeded' } } },
      'context-too-long',
      /maxPromptTokens/,
    ],
    ['a malformed body', { rawBody: '{"choices": [' }, 'malformed-response', /not valid OpenAI JSON/],
    ['a reply without choices', { rawBody: '{"id": "x"}' }, 'malformed-response', /no message content/],
  ];
  for (const [name, reply, kind, message] of cases) {
    it(`maps ${name} to ${kind}`, async () => {
      const err = await failureOf(reply);
      assert.equal(err.kind, kind, err.message);
      assert.match(err.message, message);
    });
  }

  it('retries a 429 after the Retry-After delay, then succeeds', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '1' } }, { content: 'after the wait' });
    const started = Date.now();
    const result = await new AiClient(settingsFor(server.baseUrl, { maxRetries: 2 }), KEY).chat({ messages: ask });
    assert.equal(result.text, 'after the wait');
    assert.equal(server.requests.length, 2);
    assert.ok(Date.now() - started >= 950, `waited only ${Date.now() - started} ms`);
  });

  it('maps a 429 that outlasts the retries to rate-limited', async () => {
    server.setFallback(() => ({ status: 429, headers: { 'retry-after-ms': '10' } }));
    const err = await failureOf({ status: 429, headers: { 'retry-after-ms': '10' } }, { maxRetries: 2 });
    assert.equal(err.kind, 'rate-limited');
    assert.equal(server.requests.length, 3, 'one try and two retries');
  });

  it('retries a 500 with backoff, then maps it to server-error', async () => {
    server.setFallback(() => ({ status: 500 }));
    const err = await failureOf({ status: 503 }, { maxRetries: 1 });
    assert.equal(err.kind, 'server-error');
    assert.match(err.message, /status 500/);
    assert.equal(server.requests.length, 2);
  });

  it('maps a server that never answers to timeout', async () => {
    const err = await failureOf({ hang: true }, { timeoutMs: 300 });
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /timeoutMs/);
  });

  it('maps a closed port to unreachable', async () => {
    const port = await freePort();
    const client = new AiClient(settingsFor(`http://127.0.0.1:${port}/v1`), KEY);
    const err = await client.chat({ messages: ask }).then(
      () => assert.fail('expected a failure'),
      (e: AiError) => e,
    );
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /Cannot reach 127\.0\.0\.1:\d+/);
  });
});

/** A port nothing listens on: bind, read the port, close. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
