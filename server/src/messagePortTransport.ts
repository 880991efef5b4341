// A vscode-jsonrpc reader and writer over a worker_threads port (the worker's `parentPort`, or the `Worker`
// object on the main thread). The library ships such a pair only for browser ports; worker messages are
// structured clones, so the JSON-RPC messages travel as objects with no framing or encoding.

import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message } from 'vscode-jsonrpc/node';

/** What a `MessagePort` and a `Worker` have in common. */
export interface WorkerPort {
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  postMessage(value: unknown): void;
}

export class PortMessageReader extends AbstractMessageReader {
  constructor(private readonly port: WorkerPort) {
    super();
    port.on('messageerror', (err: Error) => this.fireError(err));
    // A port closes, a worker exits: either way no message will come any more.
    port.on('close', () => this.fireClose());
    port.on('exit', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    const listener = (message: Message): void => callback(message);
    this.port.on('message', listener);
    return { dispose: () => this.port.off('message', listener) };
  }
}

export class PortMessageWriter extends AbstractMessageWriter {
  private errorCount = 0;

  constructor(private readonly port: WorkerPort) {
    super();
  }

  write(message: Message): Promise<void> {
    try {
      this.port.postMessage(message);
      return Promise.resolve();
    } catch (err) {
      // A message that cannot be cloned (a function, a class instance with a native handle) lands here.
      this.fireError(err, message, ++this.errorCount);
      return Promise.reject(err);
    }
  }

  end(): void {
    // Nothing to flush: postMessage hands the message over synchronously.
  }
}
