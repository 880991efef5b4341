// A pool of scan worker threads that lives for one scan: it runs batches of tasks (parse or analyse a chunk of
// files), retries the files of a failed task one by one, and hands back the files no worker could take.

import { Worker } from 'node:worker_threads';
import type { FileScan, ParsedFile, SelectionSpec } from './scanSession';

export interface WorkerSetup {
  root: string;
  spec: SelectionSpec;
  /** The tree cache (see scanCache.ts), when the scan uses a cache. */
  trees: { cacheDir: string; version: string } | undefined;
}

export type TaskRequest =
  | { kind: 'parse'; files: string[] }
  | { kind: 'analyse'; entries: string[]; context: string[]; sources: ParsedFile[] };

export type TaskReply = { ok: true; parsed: ParsedFile[]; scans: FileScan[]; parses: number } | { ok: false; message: string };

/** Sent once the worker has rebuilt the rule selection, so a worker failing at start-up is told apart from a failing task. */
export interface WorkerReady {
  ready: true;
}

/** One worker as the scan sees it: which run of chunks it takes first, and which files it has parsed trees for. */
export interface WorkerSlot {
  readonly run: number;
  readonly holds: Set<string>;
}

export interface TaskHandlers {
  request(slot: WorkerSlot, files: string[]): TaskRequest;
  done(slot: WorkerSlot, files: string[], reply: Extract<TaskReply, { ok: true }>): void;
  /** A single file whose task failed on its own: it will not be tried again. */
  giveUp(file: string, reason: string): void;
}

/**
 * Chunks kept in contiguous runs, one per worker: a worker takes from the front of its own run, so it keeps
 * reusing what it has already parsed (neighbouring files share imports), and when its run is empty it steals
 * from the back of the longest other run.
 */
export class ChunkQueue {
  private readonly runs: string[][][];

  constructor(files: string[], runCount: number, maxChunkFiles: number) {
    const chunkSize = Math.max(1, Math.min(maxChunkFiles, Math.ceil(files.length / (runCount * 4))));
    const chunks: string[][] = [];
    for (let i = 0; i < files.length; i += chunkSize) chunks.push(files.slice(i, i + chunkSize));
    const perRun = Math.ceil(chunks.length / runCount);
    this.runs = Array.from({ length: runCount }, (_, run) => chunks.slice(run * perRun, (run + 1) * perRun));
  }

  get size(): number {
    return this.runs.reduce((sum, run) => sum + run.length, 0);
  }

  take(run: number): string[] | undefined {
    const own = this.runs[run]?.shift();
    if (own) return own;
    const longest = this.runs.reduce((best, candidate) => (candidate.length > best.length ? candidate : best), []);
    return longest.pop();
  }

  putBack(run: number, chunks: string[][]): void {
    this.runs[run].unshift(...chunks);
  }

  drain(): string[] {
    return this.runs.splice(0).flat(2);
  }
}

interface LiveSlot extends WorkerSlot {
  worker: Worker;
  ready: boolean;
  inFlight: string[] | undefined;
  dead: boolean;
}

interface Batch {
  queue: ChunkQueue;
  handlers: TaskHandlers;
  finish(leftover: string[]): void;
}

export class WorkerPool {
  /** Worker threads started, replacements included. */
  started = 0;
  private readonly slots: LiveSlot[] = [];
  private batch: Batch | undefined;
  private closing = false;

  constructor(
    private readonly script: string,
    private readonly setup: WorkerSetup,
    readonly size: number,
  ) {
    for (let run = 0; run < size; run++) this.spawn(run);
  }

  /** Runs the queue's chunks; resolves with the files left undone because no worker could run them. */
  run(queue: ChunkQueue, handlers: TaskHandlers): Promise<string[]> {
    return new Promise((resolve) => {
      this.batch = {
        queue,
        handlers,
        finish: (leftover) => {
          this.batch = undefined;
          resolve(leftover);
        },
      };
      for (const slot of this.slots) this.feed(slot);
      this.finishIfIdle();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.filter((s) => !s.dead).map((s) => s.worker.terminate()));
  }

  private spawn(run: number): void {
    this.started++;
    const slot: LiveSlot = { run, holds: new Set(), worker: new Worker(this.script, { workerData: this.setup }), ready: false, inFlight: undefined, dead: false };
    this.slots.push(slot);
    slot.worker.on('message', (message: WorkerReady | TaskReply) => this.received(slot, message));
    slot.worker.on('error', (err) => this.died(slot, err.message));
    slot.worker.on('exit', (code) => this.died(slot, `worker stopped (exit code ${code})`));
  }

  private feed(slot: LiveSlot): void {
    const batch = this.batch;
    if (!batch || !slot.ready || slot.dead || slot.inFlight) return;
    const files = batch.queue.take(slot.run);
    if (!files) return;
    slot.inFlight = files;
    slot.worker.postMessage(batch.handlers.request(slot, files));
  }

  private received(slot: LiveSlot, message: WorkerReady | TaskReply): void {
    if ('ready' in message) {
      slot.ready = true;
    } else if (this.batch && slot.inFlight) {
      const files = slot.inFlight;
      slot.inFlight = undefined;
      if (message.ok) this.batch.handlers.done(slot, files, message);
      else this.retry(slot, files, message.message);
    }
    this.feed(slot);
    this.finishIfIdle();
  }

  private died(slot: LiveSlot, reason: string): void {
    if (slot.dead || this.closing) return;
    slot.dead = true;
    if (slot.inFlight) this.retry(slot, slot.inFlight, reason);
    slot.inFlight = undefined;
    // A worker that died before it was ready will not do better on a second try: no replacement then.
    if (slot.ready) {
      this.spawn(slot.run);
    }
    this.finishIfIdle();
  }

  private retry(slot: LiveSlot, files: string[], reason: string): void {
    if (!this.batch) return;
    if (files.length > 1) this.batch.queue.putBack(slot.run, files.map((file) => [file]));
    else this.batch.handlers.giveUp(files[0], reason);
  }

  private finishIfIdle(): void {
    const batch = this.batch;
    if (!batch) return;
    const live = this.slots.filter((s) => !s.dead);
    if (live.some((s) => s.inFlight)) return;
    if (batch.queue.size > 0) {
      // Work is left: wait for workers still starting, else hand it back.
      if (live.some((s) => !s.ready)) return;
      if (live.length > 0) {
        for (const slot of live) this.feed(slot);
        return;
      }
    }
    batch.finish(batch.queue.drain());
  }
}
