// Worker-thread entry for parallel scans (see scanRunner.ts and workerPool.ts): rebuilds the rule selection
// from its spec, then runs the parse and analyse tasks it is sent, keeping every parsed file for later tasks.

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { defaultRegistry, loadTreeSitter, NodeFileHost } from 'sol-audit-rules';
import { TreeCache } from './scanCache';
import { ScanSession, selectionFromSpec } from './scanSession';
import type { TaskReply, TaskRequest, WorkerReady, WorkerSetup } from './workerPool';

if (parentPort) {
  // The grammar loads asynchronously; the pool sends no task before the worker says it is ready.
  void loadTreeSitter().then(() => serve(parentPort!));
}

function serve(port: MessagePort): void {
  const { root, spec, trees } = workerData as WorkerSetup;
  const treeCache = trees && new TreeCache(trees.cacheDir, trees.version);
  const session = new ScanSession(root, selectionFromSpec(spec, defaultRegistry()), new NodeFileHost(), treeCache);
  port.on('message', (task: TaskRequest) => {
    let reply: TaskReply;
    const parsesBefore = session.parses;
    try {
      if (task.kind === 'parse') {
        reply = { ok: true, parsed: session.parse(task.files, true), scans: [], parses: session.parses - parsesBefore };
      } else {
        session.adopt(task.sources);
        reply = { ok: true, parsed: [], scans: session.analyse(task.entries, task.context), parses: session.parses - parsesBefore };
      }
    } catch (err) {
      reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
}
