// The worker protocol spoken to the real analysis worker (from source, under tsx): requests answer, a stale
// analysis is cancelled by a newer one, a failing request becomes a readable error and the worker serves the
// next one, and closing a document drops its tree. A worker that dies fails its requests readably and restarts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancellationTokenSource, createMessageConnection, ResponseError, type MessageConnection } from 'vscode-jsonrpc/node';
import { LSPErrorCodes } from 'vscode-languageserver';
import { AnalysisClient } from '../src/analysisClient';
import { PortMessageReader, PortMessageWriter } from '../src/messagePortTransport';
import { DEFAULT_SETTINGS, type SolAuditSettings } from 'sol-audit-protocol';
import { AnalyzeRequest, ReportRequest, ScanProgress, ScanRequest, type ScanChunk } from '../src/workerMessages';
import { CrashRequest, PingRequest } from './support/crashingWorker';

const WORKER_SOURCE = path.resolve(__dirname, '../src/analysisWorker.ts');
const UNDER_TSX = { execArgv: ['--require', 'tsx/cjs'] };
const FIXTURES = path.resolve(__dirname, '../../test-fixtures/rules');
const TX_ORIGIN = path.join(FIXTURES, 'tx-origin.sol');

describe('analysis worker protocol', () => {
  let worker: Worker;
  let connection: MessageConnection;

  before(() => {
    worker = new Worker(WORKER_SOURCE, UNDER_TSX);
    connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    connection.listen();
  });

  after(async () => {
    connection.dispose();
    await worker.terminate();
  });

  it('answers an analysis with the findings of the file', async () => {
    const text = fs.readFileSync(TX_ORIGIN, 'utf8');
    const { analysis } = await connection.sendRequest(AnalyzeRequest, { path: TX_ORIGIN, text, settings: DEFAULT_SETTINGS });
    assert.equal(analysis.path, TX_ORIGIN);
    assert.ok(analysis.findings.some((f) => f.finding.ruleId === 'tx-origin'), 'tx-origin is flagged');
  });

  it('cancels a stale analysis: it is answered RequestCancelled and the newer one is analysed', async () => {
    const text = fs.readFileSync(TX_ORIGIN, 'utf8');
    // Keep the worker busy with a long analysis first, so the stale request and its cancellation are both waiting
    // when it is free: sent to an idle worker, the request could start before the cancellation arrives.
    const busy = connection.sendRequest(AnalyzeRequest, { path: path.join(FIXTURES, 'busy.sol'), text: text.repeat(60), settings: DEFAULT_SETTINGS });
    const stale = new CancellationTokenSource();
    const first = connection.sendRequest(AnalyzeRequest, { path: TX_ORIGIN, text, settings: DEFAULT_SETTINGS }, stale.token);
    stale.cancel();
    const second = connection.sendRequest(AnalyzeRequest, { path: TX_ORIGIN, text: `${text}\n`, settings: DEFAULT_SETTINGS });
    await assert.rejects(first, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled);
    assert.ok((await second).analysis.findings.length > 0);
    await busy;
  });

  it('turns a failing request into a readable error and keeps serving', async () => {
    const broken = { path: TX_ORIGIN, text: 'contract A {}', settings: null as unknown as SolAuditSettings };
    await assert.rejects(connection.sendRequest(AnalyzeRequest, broken), (err: unknown) => {
      assert.ok(err instanceof ResponseError);
      assert.match(err.message, /worker\/analyze failed with message: .*rules/);
      return true;
    });
    const text = fs.readFileSync(TX_ORIGIN, 'utf8');
    assert.ok((await connection.sendRequest(AnalyzeRequest, { path: TX_ORIGIN, text, settings: DEFAULT_SETTINGS })).analysis.findings.length > 0);
  });

  it('streams a scan as progress chunks and resolves after the last one', async () => {
    const paths = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.sol')).slice(0, 20).map((f) => path.join(FIXTURES, f));
    const chunks: ScanChunk[] = [];
    const progress = connection.onProgress(ScanProgress, 'scan-test', (chunk) => {
      chunks.push(chunk);
    });
    await connection.sendRequest(ScanRequest, { paths, settings: DEFAULT_SETTINGS, partialResultToken: 'scan-test' });
    progress.dispose();
    assert.deepEqual(chunks.map((c) => c.done), [16, 20]);
    assert.deepEqual(chunks.flatMap((c) => c.analyses.map((a) => a.path)), paths);
  });

  it('renders a report', async () => {
    const markdown = await connection.sendRequest(ReportRequest, { folder: path.resolve(__dirname, '../../test-fixtures/projects'), settings: DEFAULT_SETTINGS });
    assert.match(markdown, /^# /);
  });
});

describe('AnalysisClient', () => {
  let client: AnalysisClient;
  const text = fs.readFileSync(TX_ORIGIN, 'utf8');

  before(() => {
    client = new AnalysisClient({ workerPath: WORKER_SOURCE, workerOptions: UNDER_TSX });
  });

  after(() => client.dispose());

  it('answers undefined for an analysis superseded by a newer one of the same file', async () => {
    const stale = client.analyze(TX_ORIGIN, text, DEFAULT_SETTINGS, undefined);
    const fresh = client.analyze(TX_ORIGIN, text, DEFAULT_SETTINGS, undefined);
    assert.equal(await stale, undefined);
    assert.ok((await fresh)?.analysis.findings.some((f) => f.finding.ruleId === 'tx-origin'));
  });

  it('drops the tree of a closed document: the next analysis parses it again', async () => {
    await client.analyze(TX_ORIGIN, text, DEFAULT_SETTINGS, undefined);
    assert.equal((await client.analyze(TX_ORIGIN, text, DEFAULT_SETTINGS, undefined))?.analysis.parse, 'cached');
    client.closeDocument(TX_ORIGIN);
    assert.equal((await client.analyze(TX_ORIGIN, text, DEFAULT_SETTINGS, undefined))?.analysis.parse, 'full');
  });
});

describe('AnalysisClient with a worker that dies', () => {
  it('fails the pending request with the reason and answers the next one from a restarted worker', async () => {
    const logged: string[] = [];
    const client = new AnalysisClient({ workerPath: path.resolve(__dirname, 'support/crashingWorker.ts'), workerOptions: UNDER_TSX, log: (_level, message) => logged.push(message) });
    try {
      assert.equal(await client.request(PingRequest, {}), 'pong');
      await assert.rejects(client.request(CrashRequest, {}), /The analysis worker stopped \(exit code 3\)/);
      assert.equal(await client.request(PingRequest, {}), 'pong');
      assert.ok(logged.some((m) => m.includes('restarting it')), logged.join('\n'));
    } finally {
      await client.dispose();
    }
  });
});
