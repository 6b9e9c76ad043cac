/**
 * The window's side of the book worker: one long-lived worker for the whole app (its fonts stay
 * loaded between books), one book at a time. Cancel terminates the worker and starts a fresh one.
 */
import type { BookJob, BookReply, BookRequest, BookResult } from '../../book/book-job';
import type { RenderStage } from '../../book/render';
import { AppError } from '../../domain/errors';

export type ProgressListener = (stage: RenderStage, fraction: number | null) => void;

/** What the client needs of a Worker; a test can hand in a fake. */
export interface WorkerLike {
  postMessage(message: BookRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BookReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Thrown (rejected) when the user cancels; not a failure to report. */
export class BookCancelled extends Error {
  constructor() {
    super('book cancelled');
    this.name = 'BookCancelled';
  }
}

interface Pending {
  readonly jobId: number;
  readonly resolve: (result: BookResult) => void;
  readonly reject: (error: Error) => void;
  readonly progress: ProgressListener;
}

export class BookWorkerClient {
  private worker: WorkerLike | undefined;
  private pending: Pending | undefined;
  private nextId = 1;

  constructor(private readonly start: () => WorkerLike) {}

  /** Makes one book; a book still being made is cancelled first. */
  make(job: BookJob, progress: ProgressListener): Promise<BookResult> {
    if (this.pending) this.cancel();
    const worker = this.ensure();
    const jobId = this.nextId++;
    return new Promise<BookResult>((resolve, reject) => {
      this.pending = { jobId, resolve, reject, progress };
      worker.postMessage({ type: 'build', jobId, job });
    });
  }

  /** Stops the book being made at once; the next book gets a fresh worker. */
  cancel(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    pending?.reject(new BookCancelled());
    // Started again right away, so the next book does not wait for a worker to boot.
    this.ensure();
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(`worker error: ${event.message}`);
      // A worker that threw at the top level is of no further use.
      this.worker?.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  private receive(reply: BookReply): void {
    const pending = this.pending;
    if (!pending || reply.jobId !== pending.jobId) return;
    if (reply.type === 'progress') pending.progress(reply.stage, reply.fraction);
    else if (reply.type === 'done') {
      this.pending = undefined;
      pending.resolve(reply.result);
    } else this.fail(reply.message);
  }

  private fail(message: string): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new AppError('errors.bookFailed', message));
  }
}

let client: BookWorkerClient | undefined;

/** The app's one book worker, started on first use. */
export function bookWorker(): BookWorkerClient {
  client ??= new BookWorkerClient(
    () => new Worker(new URL('../../book/worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
  );
  return client;
}
