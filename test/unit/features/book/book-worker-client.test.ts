/** The window's side of the book worker, against a fake worker: progress, results, failures, cancel. */
import { describe, expect, it } from 'vitest';
import { BookOptions } from '../../../../src/book/book-input';
import type { BookJob, BookReply, BookRequest, BookResult } from '../../../../src/book/book-job';
import { BookCancelled, BookWorkerClient, type WorkerLike } from '../../../../src/features/book/book-worker-client';

class FakeWorker implements WorkerLike {
  readonly received: BookRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<BookReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: BookRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: BookReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<BookReply>);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new BookWorkerClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

const job = { options: BookOptions.parse({}) } as unknown as BookJob;
const result: BookResult = {
  bytes: new Uint8Array([37, 80, 68, 70]),
  pageCount: 3,
  contents: [],
  summary: { meetings: [], members: [] },
};

describe('BookWorkerClient', () => {
  it('passes progress on and resolves with the book, in one long-lived worker', async () => {
    const { client, workers } = setup();
    const seen: unknown[] = [];
    const first = client.make(job, (stage, fraction) => seen.push([stage, fraction]));
    const worker = workers[0];
    const jobId = worker?.received[0]?.jobId ?? -1;
    worker?.reply({ type: 'progress', jobId, stage: 'layout', fraction: null });
    worker?.reply({ type: 'progress', jobId, stage: 'writing', fraction: 0.5 });
    worker?.reply({ type: 'done', jobId, result });
    await expect(first).resolves.toBe(result);
    expect(seen).toEqual([
      ['layout', null],
      ['writing', 0.5],
    ]);
    const second = client.make(job, () => undefined);
    worker?.reply({ type: 'done', jobId: worker.received[1]?.jobId ?? -1, result });
    await expect(second).resolves.toBe(result);
    expect(workers).toHaveLength(1);
  });

  it('cancel rejects the book as cancelled, ends the worker and starts a fresh one', async () => {
    const { client, workers } = setup();
    const book = client.make(job, () => undefined);
    client.cancel();
    await expect(book).rejects.toBeInstanceOf(BookCancelled);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.terminated).toBe(false);
    // A late reply of the ended job changes nothing; the next book goes to the fresh worker.
    const next = client.make(job, () => undefined);
    expect(workers[1]?.received).toHaveLength(1);
    workers[1]?.reply({ type: 'done', jobId: workers[1].received[0]?.jobId ?? -1, result });
    await expect(next).resolves.toBe(result);
  });

  it('a failure in the worker is an AppError the panel can show', async () => {
    const { client, workers } = setup();
    const book = client.make(job, () => undefined);
    workers[0]?.reply({ type: 'failed', jobId: workers[0].received[0]?.jobId ?? -1, message: 'Invalid image' });
    await expect(book).rejects.toMatchObject({ key: 'errors.bookFailed' });
  });

  it('a worker that crashes is replaced for the next book', async () => {
    const { client, workers } = setup();
    const book = client.make(job, () => undefined);
    workers[0]?.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(book).rejects.toMatchObject({ key: 'errors.bookFailed' });
    void client.make(job, () => undefined);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
  });
});
