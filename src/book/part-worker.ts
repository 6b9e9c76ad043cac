/**
 * The book worker's second thread in the browser: renders the sections it is asked for (see
 * parallel.ts) with its own pdfmake and fonts, kept for every later book.
 */
import type { BookJob } from './book-job';
import { browserRender } from './browser-render';
import { renderJobPart, type PartResult } from './parallel';

export interface PartRequest {
  readonly id: number;
  readonly job: BookJob;
  readonly indices: readonly number[];
}

export type PartReply =
  { readonly id: number; readonly result: PartResult } | { readonly id: number; readonly error: string };

self.addEventListener('message', (event: MessageEvent<PartRequest>) => {
  const { id, job, indices } = event.data;
  renderJobPart(job, indices, browserRender).then(
    (result) => self.postMessage({ id, result } satisfies PartReply),
    (error: unknown) =>
      self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PartReply),
  );
});
