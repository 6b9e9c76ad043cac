/**
 * The second thread of a book made in Node (see src/book/parallel.ts): renders the sections it
 * is asked for, with this thread's own pdfmake and fonts (parsed once, kept for every book).
 */
import { parentPort } from 'node:worker_threads';
import { renderJobPart } from '../src/book/parallel';
import type { PartReply, PartRequest } from '../src/book/part-worker';
import { nodeBookRenderer } from './book';

parentPort?.on('message', ({ id, job, indices }: PartRequest) => {
  renderJobPart(job, indices, nodeBookRenderer()).then(
    (result) => parentPort?.postMessage({ id, result } satisfies PartReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies PartReply),
  );
});
