/**
 * One book as the app's worker makes it: build the definition, render it with progress, and say
 * what the book holds (pages, where each section starts, the summary the next issue compares
 * with). The messages between the window and the worker are declared here, next to the job.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { BOOK_SECTIONS, type BookInput, type BookOptions, type BookSection } from './book-input';
import { summarize, type BookSummary } from './book-summary';
import { BOOK_TEXT } from './book-text';
import { bookView } from './book-view';
import { buildBriefingBook, type BuildContext } from './build-book';
import { observeLayout, type RenderProgress, type RenderStage } from './render';

export interface BookJob {
  readonly input: BookInput;
  readonly options: BookOptions;
  readonly context: BuildContext;
}

export interface BookContentsEntry {
  readonly section: BookSection;
  /** The section's title in the book's language. */
  readonly title: string;
  readonly page: number;
}

export interface BookResult {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly pageCount: number;
  readonly contents: readonly BookContentsEntry[];
  readonly summary: BookSummary;
}

/** Window → worker. */
export type BookRequest = { readonly type: 'build'; readonly jobId: number; readonly job: BookJob };

/** Worker → window. `fraction` is null while the stage has no measure of its own. */
export type BookReply =
  | { readonly type: 'progress'; readonly jobId: number; readonly stage: RenderStage; readonly fraction: number | null }
  | { readonly type: 'done'; readonly jobId: number; readonly result: BookResult }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string };

export type Render = (definition: TDocumentDefinitions, progress?: RenderProgress) => Promise<Uint8Array>;

export async function runBookJob(job: BookJob, render: Render, progress?: RenderProgress): Promise<BookResult> {
  const definition = buildBriefingBook(job.input, job.options, job.context);
  const layout = observeLayout(definition);
  const rendered = await render(definition, progress);
  const { pageCount, sectionStarts } = layout();
  // The sections the book holds, in the builder's order (the cover has no title of its own).
  const wanted = new Set(job.options.sections);
  const sections = BOOK_SECTIONS.filter((section) => wanted.has(section));
  const text = BOOK_TEXT[job.options.language];
  const contents = sections.flatMap((section, index) => {
    const page = sectionStarts[index];
    return section === 'cover' || page === undefined ? [] : [{ section, title: text[section], page }];
  });
  // A plain ArrayBuffer-backed copy only when needed, so it can be transferred to the window.
  const bytes =
    rendered.buffer instanceof ArrayBuffer ? (rendered as Uint8Array<ArrayBuffer>) : new Uint8Array(rendered);
  return { bytes, pageCount, contents, summary: summarize(bookView(job.input, job.options)) };
}
