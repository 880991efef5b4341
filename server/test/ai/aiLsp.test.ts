// The AI layer over LSP: the built server as a child process, the fake OpenAI server in this process. Code
// action → command arguments → solAudit/ai/* request → result; triage verdicts in the diagnostics; streaming,
// cancellation and failures that leave the static diagnostics alone.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, LogMessageNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { defaultRegistry } from 'sol-audit-rules';
import {
  AiAskRequest,
  AiCommands,
  AiDeltaNotification,
  AiExplainRequest,
  AiFixRequest,
  AiOptionsNotification,
  AiPreviewRequest,
  AiTriageRequest,
  type AiRequestParams,
  type ExplainFindingArgs,
  type RuleSettingValue,
} from 'sol-audit-protocol';
import { FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { LspTestClient } from '../support/lspTestClient';
import { EXPLANATION, WALLET } from './aiTestSupport';

const KEY = 'sk-lsp-SECRET-424242';

function onlyTxOrigin(): Record<string, RuleSettingValue> {
  return Object.fromEntries(defaultRegistry().all().map((r) => [r.meta.id, r.meta.id === 'tx-origin' ? 'on' : 'off'] as const));
}

describe('AI over LSP', function () {
  const ai = new FakeOpenAiServer();
  let client: LspTestClient;
  let folder: string;
  let uri: string;
  let diagnostics: Diagnostic[];
  let base: Omit<AiRequestParams, 'requestId'>;

  before(() => ai.start());
  after(() => ai.stop());
  beforeEach(async () => {
    ai.reset();
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-ai-lsp-')));
    fs.writeFileSync(path.join(folder, 'foundry.toml'), '[profile.default]\n');
    fs.writeFileSync(path.join(folder, 'Wallet.sol'), WALLET);
    client = new LspTestClient(folder, { rules: onlyTxOrigin(), debounceMs: 10 });
    await client.initialize();
    uri = client.uriOf('Wallet.sol');
    diagnostics = await client.open(uri, WALLET);
    base = {
      uri,
      settings: { baseUrl: ai.baseUrl, model: 'fake-model', maxPromptTokens: 3000, temperature: 0, timeoutMs: 5000, structuredOutput: 'json_schema' },
      apiKey: KEY,
      cacheFolder: fs.mkdtempSync(path.join(os.tmpdir(), 'sol-audit-ai-lsp-cache-')),
    };
  });
  afterEach(() => client.stop());

  async function explainArgs(): Promise<ExplainFindingArgs> {
    const diagnostic = diagnostics.find((d) => d.code === 'tx-origin');
    assert.ok(diagnostic, 'tx-origin is reported');
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const explain = actions.find((a) => a.command?.command === AiCommands.explainFinding);
    const fix = actions.find((a) => a.command?.command === AiCommands.fixFinding);
    assert.equal(explain?.title, 'Explain tx-origin with AI');
    assert.equal(fix?.title, 'Fix tx-origin with AI…');
    return explain!.command!.arguments![0] as ExplainFindingArgs;
  }

  it('code action "Explain with AI" → explain request → markdown answer built from the finding', async () => {
    const args = await explainArgs();
    const partials: string[] = [];
    client.connection.onNotification(AiDeltaNotification, (p) => {
      if (p.requestId === 'r1' && p.replace === true) partials.push(p.text);
    });
    ai.enqueue({ content: JSON.stringify(EXPLANATION) });
    const result = await client.connection.sendRequest(AiExplainRequest, { ...base, requestId: 'r1', ruleId: args.ruleId, range: args.range });
    assert.match(partials.at(-1) ?? '', /\*\*Summary\.\*\* tx\.origin is used/, 'the explanation streamed');
    assert.equal(result.error, undefined, result.markdown);
    assert.match(result.markdown, /### tx-origin/);
    assert.match(result.markdown, /tx\.origin is used for authorisation/);
    assert.equal(result.model, 'fake-model');
    assert.match(result.endpointHost ?? '', /^127\.0\.0\.1:\d+$/);
    assert.equal(ai.requests[0].headers.authorization, `Bearer ${KEY}`);
    assert.match(ai.requests[0].body.messages?.[1].content ?? '', /require\(tx\.origin == owner, "not owner"\);/);
  });

  it('"Fix with AI" returns checked edits that clear the diagnostic once applied', async () => {
    const args = await explainArgs();
    ai.enqueue({ content: JSON.stringify(EXPLANATION) });
    const result = await client.connection.sendRequest(AiFixRequest, { ...base, requestId: 'r2', ruleId: args.ruleId, range: args.range });
    assert.ok(result.fix, result.rejection ?? result.markdown);
    assert.equal(result.fix.version, 1);
    const cleared = client.diagnostics(uri, (p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'tx-origin'));
    await client.change(uri, result.fix.edits);
    await cleared;
    assert.match(client.documents.get(uri)!.getText(), /require\(msg\.sender == owner, "not owner"\);/);
  });

  it('triage appends the verdict to the diagnostic, and the hide setting hides likely-false ones', async () => {
    ai.setFallback(() => ({ content: JSON.stringify({ verdict: 'likely-false', reasoning: 'Only an EOA check.', confidence: 0.7 }) }));
    const annotated = client.diagnostics(uri, (p) => p.diagnostics.some((d) => /\[AI: likely-false, 70%\]$/.test(typeof d.message === 'string' ? d.message : d.message.value)));
    const result = await client.connection.sendRequest(AiTriageRequest, { ...base, requestId: 'r3', scope: 'file' });
    // Filtered by rule: a rule added to the built server after this process loaded the registry is not switched off here.
    assert.deepEqual(result.verdicts.filter((v) => v.ruleId === 'tx-origin').map((v) => [v.ruleId, v.verdict]), [['tx-origin', 'likely-false']]);
    await annotated;
    const hidden = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(AiOptionsNotification, { hideLikelyFalse: true });
    await hidden;
    const shown = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'tx-origin'));
    await client.connection.sendNotification(AiOptionsNotification, { hideLikelyFalse: false });
    await shown;
  });

  it('"Ask AI" streams deltas and cancelling closes the connection to the model', async () => {
    const deltas: string[] = [];
    client.connection.onNotification(AiDeltaNotification, (p) => {
      if (p.requestId === 'r4') deltas.push(p.text);
    });
    ai.enqueue({ content: 'Streaming review of withdrawAll.' });
    const position = { line: 25, character: 8 };
    const answer = await client.connection.sendRequest(AiAskRequest, { ...base, requestId: 'r4', position, question: 'Review this function for security issues', history: [] });
    assert.equal(deltas.join(''), 'Streaming review of withdrawAll.');
    assert.ok(deltas.length > 1);
    assert.deepEqual(answer.history?.map((m) => m.role), ['user', 'assistant']);
    assert.equal(answer.subject, 'Wallet.withdrawAll');

    ai.enqueue({ content: 'y'.repeat(200), chunkDelayMs: 300 });
    const source = new CancellationTokenSource();
    const aborted = ai.nextAbort();
    const pending = client.connection.sendRequest(AiAskRequest, { ...base, requestId: 'r5', position, question: 'Again?', history: [] }, source.token);
    client.connection.onNotification(AiDeltaNotification, (p) => {
      if (p.requestId === 'r5') source.cancel();
    });
    await aborted;
    await pending.catch(() => undefined);
    assert.equal(ai.abortedRequests.length, 1);
  });

  it('a failure is a readable, key-free error, logged without the key, and the diagnostics stay', async () => {
    const logs: string[] = [];
    client.connection.onNotification(LogMessageNotification.type, (p) => {
      logs.push(p.message);
    });
    const args = await explainArgs();
    ai.enqueue({ status: 401, errorBody: { error: { message: `bad key ${KEY}` } } });
    const result = await client.connection.sendRequest(AiExplainRequest, { ...base, requestId: 'r6', ruleId: args.ruleId, range: args.range });
    assert.equal(result.error?.kind, 'unauthorized');
    assert.ok(!JSON.stringify(result).includes(KEY));
    assert.ok(logs.some((line) => /AI request failed: unauthorized/.test(line)), logs.join('\n'));
    assert.ok(logs.every((line) => !line.includes(KEY)));
    assert.ok(client.latest.get(uri)?.diagnostics.some((d) => d.code === 'tx-origin'));
  });

  it('"Show what will be sent" previews the exact request without sending it', async () => {
    const args = await explainArgs();
    const preview = await client.connection.sendRequest(AiPreviewRequest, { ...base, requestId: 'r7', kind: 'explain', ruleId: args.ruleId, range: args.range });
    assert.equal(ai.requests.length, 0);
    assert.equal(preview.model, 'fake-model');
    assert.ok(preview.promptTokens > 100);
    assert.match(preview.messages[1].content, /withdrawAll/);
    assert.ok(!JSON.stringify(preview).includes(KEY));
  });
});
