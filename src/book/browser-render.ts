/**
 * The renderer of the app's book worker: pdfmake's browser build, font files as Vite `?url`
 * assets fetched on first use and kept in pdfmake's virtual file system for every later book.
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
import { registerPdfmakeHooks } from './pdfmake-hooks';
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

// Words joined per line and fonts parsed once per worker (build/pdfmake-hooks.ts adds the calls).
registerPdfmakeHooks();

export const browserRender = createBookRenderer(pdfMake as unknown as PdfMakeLike, loadFont);
