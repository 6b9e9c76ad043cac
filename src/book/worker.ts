/**
 * The app's book worker: builds and renders briefing books off the window's thread, one at a
 * time, for as long as the app runs, half of each book's sections in a worker of its own
 * (part-worker.ts) at the same time (see parallel.ts). Font files are fetched on first use and
 * kept in pdfmake's virtual file system for every later book. Cancelling terminates the worker
 * (the window starts a new one) and with it the second one, so a job has no cancel message.
 */
import { runBookJob, type BookReply, type BookRequest } from './book-job';
import { browserRender as render } from './browser-render';
import type { PartResult, RenderPartElsewhere } from './parallel';
import type { PartReply, PartRequest } from './part-worker';
import type { RenderStage } from './render';

/**
 * The second thread: a worker of this worker, started with the first book and kept (its fonts
 * stay loaded). It ends with this worker, so cancelling a book stops both.
 */
function partWorker(): RenderPartElsewhere {
  const worker = new Worker(new URL('./part-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(result: PartResult): void; reject(error: Error): void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<PartReply>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply.result);
  };
  worker.onerror = (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'the book’s second thread failed'));
    pending.clear();
  };
  return (job, indices) =>
    new Promise<PartResult>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, job, indices } satisfies PartRequest);
    });
}

let elsewhere: RenderPartElsewhere | undefined;

const post = (reply: BookReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.addEventListener('message', (event: MessageEvent<BookRequest>) => {
  const { jobId, job } = event.data;
  let last = -1;
  const progress = (stage: RenderStage, fraction: number | null) => {
    // Whole percents only: the window needs no more, and fewer messages cost it less.
    const percent = fraction === null ? -1 : Math.floor(fraction * 100);
    if (fraction !== null && percent === last) return;
    last = percent;
    post({ type: 'progress', jobId, stage, fraction });
  };
  elsewhere ??= partWorker();
  runBookJob(job, render, progress, elsewhere).then(
    (result) => post({ type: 'done', jobId, result }, [result.bytes.buffer]),
    (error: unknown) =>
      post({ type: 'failed', jobId, message: error instanceof Error ? error.message : String(error) }),
  );
});
