/**
 * The app's book worker: builds and renders briefing books off the window's thread, one at a
 * time, for as long as the app runs. Font files are fetched on first use and kept in pdfmake's
 * virtual file system for every later book. Cancelling terminates the worker (the window starts a
 * new one), so a job has no cancel message of its own.
 */
import { runBookJob, type BookReply, type BookRequest } from './book-job';
import { browserRender as render } from './browser-render';
import type { RenderStage } from './render';

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
  runBookJob(job, render, progress).then(
    (result) => post({ type: 'done', jobId, result }, [result.bytes.buffer]),
    (error: unknown) =>
      post({ type: 'failed', jobId, message: error instanceof Error ? error.message : String(error) }),
  );
});
