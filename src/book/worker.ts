/**
 * The app's book worker: builds and renders briefing books off the window's thread, one at a
 * time, for as long as the app runs. Font files are fetched on first use and kept in pdfmake's
 * virtual file system for every later book. Cancelling terminates the worker (the window starts a
 * new one), so a job has no cancel message of its own.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import notoBold from '../../resources/fonts/NotoSans-Bold.ttf?url';
import notoBoldItalic from '../../resources/fonts/NotoSans-BoldItalic.ttf?url';
import notoItalic from '../../resources/fonts/NotoSans-Italic.ttf?url';
import notoRegular from '../../resources/fonts/NotoSans-Regular.ttf?url';
import cjkSimplified from '../../resources/fonts/NotoSansHans-Regular.otf?url';
import cjkTraditional from '../../resources/fonts/NotoSansHant-Regular.otf?url';
import cjkJapanese from '../../resources/fonts/NotoSansJP-Regular.otf?url';
import cjkKorean from '../../resources/fonts/NotoSansKR-Regular.otf?url';
import { runBookJob, type BookReply, type BookRequest } from './book-job';
import { createBookRenderer, type PdfMakeLike } from './render';

/** resources/fonts file name → the URL Vite gave it. */
const FONT_URLS: Record<string, string> = {
  'NotoSans-Regular.ttf': notoRegular,
  'NotoSans-Bold.ttf': notoBold,
  'NotoSans-Italic.ttf': notoItalic,
  'NotoSans-BoldItalic.ttf': notoBoldItalic,
  'NotoSansHans-Regular.otf': cjkSimplified,
  'NotoSansHant-Regular.otf': cjkTraditional,
  'NotoSansJP-Regular.otf': cjkJapanese,
  'NotoSansKR-Regular.otf': cjkKorean,
};

async function loadFont(file: string): Promise<Uint8Array> {
  const url = FONT_URLS[file];
  if (url === undefined) throw new Error(`no font file ${file}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${file}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const render = createBookRenderer(pdfMake as unknown as PdfMakeLike, loadFont);

const post = (reply: BookReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.addEventListener('message', (event: MessageEvent<BookRequest>) => {
  const { jobId, job } = event.data;
  let last = -1;
  runBookJob(job, render, (stage, fraction) => {
    // Whole percents only: the window needs no more, and fewer messages cost it less.
    const percent = fraction === null ? -1 : Math.floor(fraction * 100);
    if (fraction !== null && percent === last) return;
    last = percent;
    post({ type: 'progress', jobId, stage, fraction });
  }).then(
    (result) => post({ type: 'done', jobId, result }, [result.bytes.buffer]),
    (error: unknown) =>
      post({ type: 'failed', jobId, message: error instanceof Error ? error.message : String(error) }),
  );
});
