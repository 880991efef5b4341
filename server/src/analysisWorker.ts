// Worker-thread entry: runs every analysis off the server's main thread so the connection never blocks.
// Analysis requests for the same file supersede each other (the stale one is answered "cancelled"), and a
// workspace scan runs in chunks so edits of open files are served between them.

import { parentPort } from 'node:worker_threads';
import { ProjectAnalyzer } from './projectAnalyzer';
import type { AnalyzeRequest, FromWorker, ReportRequest, ScanRequest, ToWorker } from './workerMessages';
import { renderWorkspaceReport } from './workspaceReport';

const SCAN_CHUNK = 16;

const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');
const analyzer = new ProjectAnalyzer();
const pendingAnalyses = new Map<string, AnalyzeRequest>();
const backgroundJobs: { request: ScanRequest | ReportRequest; done: number }[] = [];
let draining = false;

function post(message: FromWorker): void {
  port?.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'document':
      if (message.text === undefined) {
        analyzer.host.openTexts.delete(message.path);
        analyzer.findingReuse.forget(message.path);
      } else analyzer.host.openTexts.set(message.path, message.text);
      return;
    case 'invalidate':
      analyzer.invalidate(message.paths);
      return;
    case 'analyze': {
      const stale = pendingAnalyses.get(message.path);
      if (stale) post({ kind: 'cancelled', id: stale.id });
      pendingAnalyses.set(message.path, message);
      break;
    }
    case 'scan':
    case 'report':
      backgroundJobs.push({ request: message, done: 0 });
      break;
  }
  scheduleDrain();
});

function scheduleDrain(): void {
  if (draining) return;
  draining = true;
  // setImmediate lets messages that already arrived (newer edits) be received before the next job starts.
  setImmediate(drainOne);
}

function drainOne(): void {
  const next = pendingAnalyses.values().next();
  try {
    if (!next.done) {
      pendingAnalyses.delete(next.value.path);
      runAnalysis(next.value);
    } else if (backgroundJobs.length > 0) {
      runBackgroundStep();
    }
  } finally {
    draining = false;
    if (pendingAnalyses.size > 0 || backgroundJobs.length > 0) scheduleDrain();
  }
}

function runAnalysis(request: AnalyzeRequest): void {
  const started = performance.now();
  try {
    analyzer.host.openTexts.set(request.path, request.text);
    const analysis = analyzer.analyze(request.path, request.settings, request.workspaceFolder);
    post({ kind: 'analyzed', id: request.id, analysis, ms: performance.now() - started });
    if (analyzer.ruleTimings) logRuleTimings(analyzer.ruleTimings, performance.now() - started);
  } catch (err) {
    post({ kind: 'failed', id: request.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

function runBackgroundStep(): void {
  const job = backgroundJobs[0];
  const { request } = job;
  try {
    if (request.kind === 'report') {
      backgroundJobs.shift();
      post({ kind: 'report', id: request.id, markdown: renderWorkspaceReport(analyzer, request.folder, request.settings) });
      return;
    }
    const chunk = request.paths.slice(job.done, job.done + SCAN_CHUNK);
    const analyses = analyzer.analyzeMany(chunk, request.settings, request.workspaceFolder);
    job.done += chunk.length;
    const last = job.done >= request.paths.length;
    if (last) backgroundJobs.shift();
    post({ kind: 'scanned', id: request.id, analyses, done: job.done, total: request.paths.length, last });
  } catch (err) {
    backgroundJobs.shift();
    post({ kind: 'failed', id: request.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

/** With SOL_AUDIT_TIMING=N, prints the N slowest rules of each analysis to stderr (like ESLint's TIMING). */
function logRuleTimings(timings: Map<string, number>, totalMs: number): void {
  const top = [...timings].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SOL_AUDIT_TIMING) || 10);
  const rulesMs = [...timings.values()].reduce((a, b) => a + b, 0);
  process.stderr.write(`sol-audit timing: ${totalMs.toFixed(1)} ms total, ${rulesMs.toFixed(1)} ms in rules; ${top.map(([id, ms]) => `${id} ${ms.toFixed(1)}`).join(', ')}\n`);
}
