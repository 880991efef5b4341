// The main thread's handle on the analysis worker: one promise per request, a restart when the worker dies.

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SolAuditSettings } from './protocol';
import type { FileAnalysis, FromWorker, ToWorker } from './workerMessages';

type Pending =
  | { kind: 'analyze'; resolve(value: { analysis: FileAnalysis; ms: number } | undefined): void; reject(err: Error): void }
  | { kind: 'scan'; onChunk(analyses: FileAnalysis[], done: number, total: number): void; resolve(): void; reject(err: Error): void }
  | { kind: 'report'; resolve(markdown: string): void; reject(err: Error): void };

export class AnalysisClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Replayed into a restarted worker so imports still see unsaved buffers. */
  private readonly openTexts = new Map<string, string>();
  private disposed = false;

  constructor(
    private readonly workerPath = path.join(__dirname, 'analysisWorker.js'),
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.worker = this.start();
  }

  analyze(filePath: string, text: string, settings: SolAuditSettings, workspaceFolder: string | undefined): Promise<{ analysis: FileAnalysis; ms: number } | undefined> {
    this.openTexts.set(filePath, text);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { kind: 'analyze', resolve, reject });
      this.send({ kind: 'analyze', id, path: filePath, text, settings, workspaceFolder });
    });
  }

  scan(paths: string[], settings: SolAuditSettings, workspaceFolder: string | undefined, onChunk: (analyses: FileAnalysis[], done: number, total: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { kind: 'scan', onChunk, resolve, reject });
      this.send({ kind: 'scan', id, paths, settings, workspaceFolder });
    });
  }

  report(folder: string, settings: SolAuditSettings): Promise<string> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { kind: 'report', resolve, reject });
      this.send({ kind: 'report', id, folder, settings });
    });
  }

  syncDocument(filePath: string, text: string | undefined): void {
    if (text === undefined) this.openTexts.delete(filePath);
    else this.openTexts.set(filePath, text);
    this.send({ kind: 'document', path: filePath, text });
  }

  invalidate(paths: string[]): void {
    this.send({ kind: 'invalidate', paths });
  }

  dispose(): Promise<number> {
    this.disposed = true;
    return this.worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private start(): Worker {
    const worker = new Worker(this.workerPath);
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (err) => this.log(`Analysis worker error: ${err.stack ?? err.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      const failure = new Error(`The analysis worker stopped (exit code ${code})`);
      for (const entry of this.pending.values()) entry.reject(failure);
      this.pending.clear();
      if (code !== 0 && !this.disposed) {
        this.log(`${failure.message}; restarting it.`);
        this.worker = this.start();
        for (const [p, text] of this.openTexts) this.send({ kind: 'document', path: p, text });
      }
    });
    return worker;
  }

  private onMessage(message: FromWorker): void {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.kind === 'failed') {
      this.pending.delete(message.id);
      entry.reject(new Error(message.message));
    } else if (message.kind === 'cancelled' && entry.kind === 'analyze') {
      this.pending.delete(message.id);
      entry.resolve(undefined);
    } else if (message.kind === 'analyzed' && entry.kind === 'analyze') {
      this.pending.delete(message.id);
      entry.resolve({ analysis: message.analysis, ms: message.ms });
    } else if (message.kind === 'scanned' && entry.kind === 'scan') {
      entry.onChunk(message.analyses, message.done, message.total);
      if (message.last) {
        this.pending.delete(message.id);
        entry.resolve();
      }
    } else if (message.kind === 'report' && entry.kind === 'report') {
      this.pending.delete(message.id);
      entry.resolve(message.markdown);
    }
  }
}
