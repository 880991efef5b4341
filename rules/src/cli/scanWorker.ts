// Worker-thread entry for parallel scans (see scanRunner.ts): rebuilds the rule selection from its spec, then
// analyses the chunks of files it is sent, one at a time, keeping parsed files across chunks.

import { parentPort, workerData } from 'node:worker_threads';
import { defaultRegistry } from '../index';
import { NodeFileHost } from './nodeFileHost';
import { CountingParseCache, scanChunk, selectionFromSpec, type ChunkResult, type SelectionSpec } from './scanChunk';

export interface WorkerSetup {
  root: string;
  spec: SelectionSpec;
}

export interface ChunkRequest {
  chunkId: number;
  files: string[];
}

/** Sent once the selection is rebuilt, so that a worker failing at start-up is told apart from a failing chunk. */
export interface WorkerReady {
  ready: true;
}

export type ChunkReply = { chunkId: number; ok: true; result: ChunkResult } | { chunkId: number; ok: false; message: string };

if (parentPort) {
  const port = parentPort;
  const { root, spec } = workerData as WorkerSetup;
  const selection = selectionFromSpec(spec, defaultRegistry());
  const host = new NodeFileHost();
  // Shared across chunks: the bases most files import are parsed once per worker, not once per chunk.
  const parseCache = new CountingParseCache();
  port.on('message', (request: ChunkRequest) => {
    let reply: ChunkReply;
    try {
      reply = { chunkId: request.chunkId, ok: true, result: scanChunk(request.files, root, selection, host, parseCache) };
    } catch (err) {
      reply = { chunkId: request.chunkId, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
}
