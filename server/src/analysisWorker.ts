// Worker-thread entry: runs every analysis off the server's main thread so the connection never blocks. It
// answers the requests of workerMessages.ts over vscode-jsonrpc; a failing request becomes an error response
// and the worker goes on serving the next one.

import { parentPort } from 'node:worker_threads';
import { createMessageConnection } from 'vscode-jsonrpc/node';
import { loadTreeSitter } from 'sol-audit-rules';
import { registerAiWorkerHandlers } from './ai/aiWorkerHandlers';
import { PortMessageReader, PortMessageWriter } from './messagePortTransport';
import { ProjectAnalyzer } from './projectAnalyzer';
import { WorkerJobs } from './workerJobs';
import {
  AnalyzeRequest,
  DocumentClosedNotification,
  DocumentTextNotification,
  InvalidateNotification,
  ReportRequest,
  ScanProgress,
  ScanRequest,
} from './workerMessages';
import { renderWorkspaceReport } from './workspaceReport';

const SCAN_CHUNK = 16;

if (!parentPort) throw new Error('analysisWorker must run in a worker thread');
const connection = createMessageConnection(new PortMessageReader(parentPort), new PortMessageWriter(parentPort));
const analyzer = new ProjectAnalyzer();
const jobs = new WorkerJobs();

connection.onNotification(DocumentTextNotification, ({ path, text }) => {
  analyzer.host.openTexts.set(path, text);
});
connection.onNotification(DocumentClosedNotification, ({ path }) => {
  analyzer.host.openTexts.delete(path);
  analyzer.invalidate([path]);
});
connection.onNotification(InvalidateNotification, ({ paths }) => analyzer.invalidate(paths));

connection.onRequest(AnalyzeRequest, (params, token) =>
  jobs.urgently(token, () => {
    const started = performance.now();
    analyzer.host.openTexts.set(params.path, params.text);
    const analysis = analyzer.analyze(params.path, params.settings, params.workspaceFolder);
    const ms = performance.now() - started;
    if (analyzer.ruleTimings) logRuleTimings(analyzer.ruleTimings, ms);
    return { analysis, ms };
  }),
);

connection.onRequest(ScanRequest, (params, token) => {
  let done = 0;
  return jobs.inBackground(token, () => {
    const chunk = params.paths.slice(done, done + SCAN_CHUNK);
    const analyses = analyzer.analyzeMany(chunk, params.settings, params.workspaceFolder);
    done += chunk.length;
    void connection.sendProgress(ScanProgress, params.partialResultToken, { analyses, done, total: params.paths.length });
    return done >= params.paths.length;
  });
});

connection.onRequest(ReportRequest, (params, token) => jobs.urgently(token, () => renderWorkspaceReport(analyzer, params.folder, params.settings)));

registerAiWorkerHandlers(connection, analyzer);

// The port queues the server's first messages until the grammar, which loads asynchronously, is ready to parse them.
void loadTreeSitter().then(() => connection.listen());

/** With SOL_AUDIT_TIMING=N, prints the N slowest rules of each analysis to stderr (like ESLint's TIMING). */
function logRuleTimings(timings: Map<string, number>, totalMs: number): void {
  const top = [...timings].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SOL_AUDIT_TIMING) || 10);
  const rulesMs = [...timings.values()].reduce((a, b) => a + b, 0);
  process.stderr.write(`sol-audit timing: ${totalMs.toFixed(1)} ms total, ${rulesMs.toFixed(1)} ms in rules; ${top.map(([id, ms]) => `${id} ${ms.toFixed(1)}`).join(', ')}\n`);
}
