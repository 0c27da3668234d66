/**
 * A pool of worker threads that compose days (compose-worker.ts): the charts, templates and
 * Markdown of a brief are CPU work on Node's one main thread, which in a long re-render was the
 * bottleneck (≈ 150 ms per PDF against Chromium's ≈ 95 ms). With workers, that work spreads
 * over the cores, and the main thread is left to drive Chromium and write files.
 *
 * A task is one day; the reply is plain data (ComposedDay). An error thrown in a worker comes
 * back as a BriefError with the same name, message and exit code. A worker that dies (a crash,
 * out of memory) fails the day it held and is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BriefError, RenderError, type ExitCode } from '../../kernel/errors.js';
import type { ComposedDay, RenderRequest } from './render-briefs.js';

export interface ComposeTask {
  id: number;
  request: RenderRequest;
}

export type ComposeReply =
  | { id: number; day: ComposedDay; error?: undefined }
  | { id: number; day?: undefined; error: { name: string; message: string; stack?: string; exitCode?: ExitCode } };

interface Pending {
  task: ComposeTask;
  resolve: (day: ComposedDay) => void;
  reject: (error: unknown) => void;
}

// From the build (dist/, plain JavaScript) a worker runs the compiled module; from the sources
// it needs the .mjs that registers tsx first (a worker does not inherit the loader).
const ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./compose-worker.js', import.meta.url)
  : new URL('./compose-worker.mjs', import.meta.url);
/** Workers lost in a row without finishing a day before the pool gives up. */
const MAX_FAILED_STARTS = 3;

export class ComposePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers lost in a row before finishing a single day. */
  private failedStarts = 0;
  /** Why the pool gave up, if it did. */
  private broken: Error | undefined;

  /** `size` workers (default: one per core). */
  constructor(readonly size: number = availableParallelism()) {
    for (let i = 0; i < size; i += 1) this.idle.push(this.spawn());
  }

  compose(request: RenderRequest): Promise<ComposedDay> {
    if (this.closed) return Promise.reject(this.broken ?? new RenderError('the compose pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, request }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; days still queued or in work are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new RenderError('the compose pool was closed before the day was rendered');
    for (const pending of this.queue.splice(0)) pending.reject(error);
    for (const pending of this.busy.values()) pending.reject(error);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.task);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(ENTRY);
    let answered = false;
    worker.on('message', (reply: ComposeReply) => {
      answered = true;
      const pending = this.busy.get(worker);
      if (!pending || pending.task.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      if (reply.error) pending.reject(reviveError(reply.error));
      else pending.resolve(reply.day);
      this.dispatch();
    });
    // A worker that fails outside a task's own try (it could not start, or ran out of memory)
    // fails the day it held; a fresh worker takes its place, unless workers keep dying before
    // finishing anything (then nothing queued can succeed: every queued day gets the error).
    let gone = false;
    const lost = (why: string) => {
      if (gone || this.closed) return;
      gone = true;
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const error = new RenderError(
        `a compose worker stopped (${why})${pending ? ` while rendering ${pending.task.request.snapshotFile}` : ''}`,
      );
      pending?.reject(error);
      this.failedStarts = answered ? 0 : this.failedStarts + 1;
      if (this.failedStarts >= MAX_FAILED_STARTS) {
        this.closed = true;
        this.broken = error;
        for (const queued of this.queue.splice(0)) queued.reject(error);
        return;
      }
      this.idle.push(this.spawn());
      this.dispatch();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return worker;
  }
}

/** The worker's error as the main thread would have thrown it: same name, message and exit code. */
function reviveError(data: { name: string; message: string; stack?: string; exitCode?: ExitCode }): Error {
  const error = data.exitCode === undefined ? new Error(data.message) : new BriefError(data.message, data.exitCode);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}
