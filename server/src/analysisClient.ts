// The main thread's handle on the analysis worker: the requests of workerMessages.ts over vscode-jsonrpc, a
// newer analysis of a document cancelling the stale one, and a restart when the worker dies.

import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CancellationTokenSource, createMessageConnection, type CancellationToken, type MessageConnection, type RequestParam, type RequestType } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { PortMessageReader, PortMessageWriter } from './messagePortTransport';
import { AiDeltaNotification, type AiDeltaParams, type SolAuditSettings } from 'sol-audit-protocol';
import {
  AnalyzeRequest,
  DocumentClosedNotification,
  DocumentTextNotification,
  InvalidateNotification,
  LogNotification,
  ReportRequest,
  ScanProgress,
  ScanRequest,
  type AnalyzeResult,
  type FileAnalysis,
} from './workerMessages';

export interface AnalysisClientOptions {
  /** The worker script: the bundle next to the server's by default; tests run the source under tsx. */
  workerPath?: string;
  workerOptions?: WorkerOptions;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
  /** Streamed text of an AI answer, for the client. */
  onAiDelta?: (params: AiDeltaParams) => void;
}

interface RunningWorker {
  worker: Worker;
  connection: MessageConnection;
  /** Set when the worker exited: the reason every request still pending on it fails with. */
  stopped?: Error;
}

export class AnalysisClient {
  private current: RunningWorker;
  private nextProgressToken = 1;
  /** Replayed into a restarted worker so imports still see unsaved buffers. */
  private readonly openTexts = new Map<string, string>();
  /** The analysis in flight per document, cancelled when a newer one is asked for. */
  private readonly inFlight = new Map<string, CancellationTokenSource>();
  private disposed = false;

  constructor(private readonly options: AnalysisClientOptions = {}) {
    this.current = this.start();
  }

  /** Any request of workerMessages.ts; the AI requests use it as they are. */
  request<P, R>(type: RequestType<P, R, void>, params: RequestParam<P>, token?: CancellationToken): Promise<R> {
    return this.onCurrent((c) => c.sendRequest(type, params, token));
  }

  /** Undefined when a newer analysis of the same file superseded this one. */
  async analyze(filePath: string, text: string, settings: SolAuditSettings, workspaceFolder: string | undefined): Promise<AnalyzeResult | undefined> {
    this.openTexts.set(filePath, text);
    this.inFlight.get(filePath)?.cancel();
    const source = new CancellationTokenSource();
    this.inFlight.set(filePath, source);
    try {
      return await this.request(AnalyzeRequest, { path: filePath, text, settings, workspaceFolder }, source.token);
    } catch (err) {
      if (err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled) return undefined;
      throw err;
    } finally {
      if (this.inFlight.get(filePath) === source) this.inFlight.delete(filePath);
      source.dispose();
    }
  }

  async scan(paths: string[], settings: SolAuditSettings, workspaceFolder: string | undefined, onChunk: (analyses: FileAnalysis[], done: number, total: number) => void): Promise<void> {
    const partialResultToken = `scan-${this.nextProgressToken++}`;
    const { connection } = this.current;
    const progress = connection.onProgress(ScanProgress, partialResultToken, ({ analyses, done, total }) => onChunk(analyses, done, total));
    try {
      await this.request(ScanRequest, { paths, settings, workspaceFolder, partialResultToken });
    } finally {
      progress.dispose();
    }
  }

  report(folder: string, settings: SolAuditSettings): Promise<string> {
    return this.request(ReportRequest, { folder, settings });
  }

  /** An open buffer's text, which the worker reads instead of the disk. */
  openDocument(filePath: string, text: string): void {
    this.openTexts.set(filePath, text);
    void this.current.connection.sendNotification(DocumentTextNotification, { path: filePath, text });
  }

  /** The worker drops the closed document's buffer, tree and kept findings. */
  closeDocument(filePath: string): void {
    this.openTexts.delete(filePath);
    this.inFlight.get(filePath)?.cancel();
    void this.current.connection.sendNotification(DocumentClosedNotification, { path: filePath });
  }

  invalidate(paths: string[]): void {
    void this.current.connection.sendNotification(InvalidateNotification, { paths });
  }

  dispose(): Promise<number> {
    this.disposed = true;
    this.current.connection.dispose();
    return this.current.worker.terminate();
  }

  /** Sends on the current worker; a request pending when that worker died fails with the reason it died. */
  private async onCurrent<R>(send: (connection: MessageConnection) => Promise<R>): Promise<R> {
    const running = this.current;
    try {
      return await send(running.connection);
    } catch (err) {
      throw running.stopped ?? err;
    }
  }

  private start(): RunningWorker {
    const { workerPath = path.join(__dirname, 'analysisWorker.js'), workerOptions, log = () => undefined, onAiDelta } = this.options;
    const worker = new Worker(workerPath, workerOptions);
    const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    const running: RunningWorker = { worker, connection };
    connection.onNotification(LogNotification, ({ level, message }) => log(level, message));
    if (onAiDelta) connection.onNotification(AiDeltaNotification, onAiDelta);
    connection.listen();
    worker.on('error', (err) => log('error', `Analysis worker error: ${err.stack ?? err.message}`));
    worker.on('exit', (code) => {
      running.stopped = new Error(`The analysis worker stopped (exit code ${code})`);
      connection.dispose();
      if (code === 0 || this.disposed) return;
      log('error', `${running.stopped.message}; restarting it.`);
      this.current = this.start();
      for (const [p, text] of this.openTexts) this.openDocument(p, text);
    });
    return running;
  }
}
