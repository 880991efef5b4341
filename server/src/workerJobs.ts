// The analysis worker's schedule. Analysis is synchronous, so the worker runs one job at a time: analyses of
// open documents go before the next step of a workspace scan or report, and a request cancelled before it
// runs is answered "cancelled" without running (a newer edit of the same document has its own request).

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

interface Job {
  token: CancellationToken;
  /** Runs one step; true when the job is finished. */
  step(): boolean;
  fail(err: unknown): void;
}

export class WorkerJobs {
  private readonly urgent: Job[] = [];
  private readonly background: Job[] = [];
  private draining = false;

  /** Runs `work` before any background step, unless the request is cancelled first. */
  urgently<T>(token: CancellationToken, work: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.enqueue(this.urgent, {
        token,
        step: () => {
          resolve(work());
          return true;
        },
        fail: reject,
      });
    });
  }

  /** Runs `step` between urgent jobs until it returns true; a cancelled request stops between steps. */
  inBackground(token: CancellationToken, step: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.enqueue(this.background, {
        token,
        step: () => {
          const finished = step();
          if (finished) resolve();
          return finished;
        },
        fail: reject,
      });
    });
  }

  private enqueue(queue: Job[], job: Job): void {
    queue.push(job);
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    // setImmediate lets messages that already arrived (a newer edit, a cancellation) be read before the next job.
    setImmediate(() => this.drainOne());
  }

  private drainOne(): void {
    const queue = this.urgent.length > 0 ? this.urgent : this.background;
    const job = queue[0];
    try {
      if (!job) return;
      if (job.token.isCancellationRequested) {
        queue.shift();
        job.fail(new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled by a newer request'));
      } else if (job.step()) {
        queue.shift();
      }
    } catch (err) {
      queue.shift();
      job?.fail(err);
    } finally {
      this.draining = false;
      if (this.urgent.length > 0 || this.background.length > 0) this.scheduleDrain();
    }
  }
}
