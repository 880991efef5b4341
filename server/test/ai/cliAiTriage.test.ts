// `sol-audit --ai-triage` end to end: the built CLI, run as a child process, triages its findings against the
// local OpenAI-compatible server, reads the key from OPENAI_API_KEY, appends verdicts, and caches them.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { CLI_PATH, ensureCliBuilt, makeProject, removeProject, WALLET_SOL } from '../../../cli/test/cliHarness';
import { FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { tempFolder } from './aiTestSupport';

const KEY = 'sk-cli-SECRET-5550001';
const VERDICT = { verdict: 'likely-true', reasoning: 'Owner check via tx.origin guards the withdrawal.', confidence: 0.9 };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Asynchronous on purpose: the fake server lives in this process and must keep answering. */
function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_PATH, ...args], { cwd, env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('sol-audit --ai-triage', () => {
  const server = new FakeOpenAiServer();
  let project: string;
  let cacheFolder: string;
  before(async () => {
    ensureCliBuilt();
    await server.start();
    project = makeProject({ 'src/Wallet.sol': WALLET_SOL });
  });
  after(async () => {
    await server.stop();
    removeProject(project);
  });
  beforeEach(() => {
    server.reset();
    cacheFolder = tempFolder('sol-audit-cli-ai-');
  });

  function env(): NodeJS.ProcessEnv {
    return { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl, SOL_AUDIT_AI_CACHE: cacheFolder };
  }

  it('appends the verdict to each finding in text and SARIF, reading the key and endpoint from the environment', async () => {
    server.setFallback(() => ({ content: JSON.stringify(VERDICT) }));
    const text = await runCli(['src', '--ai-triage', '--ai-model', 'local-model', '--fail-on', 'never', '--no-color'], project, env());
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /tx-origin/);
    assert.match(text.stdout, /\[AI: likely-true, 90%\]/);
    assert.ok(server.requests.length >= 1);
    const request = server.requests.find((r) => /tx-origin/.test(r.rawBody));
    assert.ok(request, 'a request about the tx-origin finding was sent');
    assert.equal(request.body.model, 'local-model');
    assert.equal(request.headers.authorization, `Bearer ${KEY}`);
    assert.match(request.body.messages?.[1].content ?? '', /require\(tx\.origin == owner, "not owner"\);/);
    assert.ok(!text.stdout.includes(KEY) && !text.stderr.includes(KEY));

    const sarif = await runCli(['src', '--ai-triage', '--format', 'sarif', '--fail-on', 'never'], project, env());
    const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string; properties: { aiTriage?: { verdict: string } } }[];
    const txOrigin = results.find((r) => r.ruleId === 'tx-origin');
    assert.equal(txOrigin?.properties.aiTriage?.verdict, 'likely-true');
    assert.match(sarif.stderr, /from cache/);

    const json = await runCli(['src', '--ai-triage', '--format', 'json', '--fail-on', 'never'], project, env());
    const finding = (JSON.parse(json.stdout).findings as { ruleId: string; aiTriage?: { verdict: string; model: string } }[]).find((f) => f.ruleId === 'tx-origin');
    assert.deepEqual(finding?.aiTriage, { ...VERDICT, model: 'gpt-4o-mini' });
  });

  it('answers a repeated run from the cache with no request', async () => {
    server.setFallback(() => ({ content: JSON.stringify(VERDICT) }));
    await runCli(['src', '--ai-triage', '--fail-on', 'never'], project, env());
    const sent = server.requests.length;
    const again = await runCli(['src', '--ai-triage', '--fail-on', 'never'], project, env());
    assert.equal(server.requests.length, sent);
    assert.match(again.stdout, /\[AI: likely-true, 90%\]/);
  });

  it('keeps every finding and the exit code when the endpoint fails, and says why', async () => {
    server.setFallback(() => ({ status: 401, errorBody: { error: { message: `bad key ${KEY}` } } }));
    const run = await runCli(['src', '--ai-triage', '--no-color'], project, env());
    assert.match(run.stderr, /rejected the API key \(401\)/);
    assert.ok(!run.stderr.includes(KEY));
    const plain = await runCli(['src', '--no-color'], project, {});
    assert.equal(run.code, plain.code, 'the exit code is the static one');
    assert.equal(run.stdout, plain.stdout, 'the report is the static one, untouched');
  });

  it('refuses a remote endpoint without a key before sending anything', async () => {
    const run = await runCli(['src', '--ai-triage', '--ai-base-url', 'https://api.openai.com/v1'], project, { SOL_AUDIT_AI_CACHE: cacheFolder });
    assert.match(run.stderr, /No API key is set for api\.openai\.com/);
    assert.equal(server.requests.length, 0);
  });
});
