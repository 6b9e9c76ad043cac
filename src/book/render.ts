/**
 * From document definition to PDF bytes with a pdfmake instance (pdfmake's Node build in the
 * CLI, its browser build in the app's worker): only the fonts a book uses are loaded, each once
 * per process, and the document may reach no URL or local file.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FILES, LATIN_FONT, type FontKey } from './fonts';

/** What the book needs of pdfmake; both its builds provide it. */
export interface PdfMakeLike {
  readonly virtualfs: {
    existsSync(name: string): boolean;
    writeFileSync(name: string, data: Uint8Array): void;
  };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

/** Reads a font file of resources/fonts by name. */
export type LoadFont = (file: string) => Promise<Uint8Array>;

const isFontKey = (name: unknown): name is FontKey => typeof name === 'string' && Object.hasOwn(FONT_FILES, name);

/** The fonts named anywhere in the definition (text runs name their CJK font). */
export function fontsIn(definition: TDocumentDefinitions): Set<FontKey> {
  const found = new Set<FontKey>([LATIN_FONT]);
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (isFontKey(record.font)) found.add(record.font);
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'object' && value !== null) walk(value);
    }
  };
  walk(definition.content);
  return found;
}

export function createBookRenderer(pdfmake: PdfMakeLike, loadFont: LoadFont) {
  pdfmake.setFonts(FONT_FILES);
  // Books embed their own images as data; nothing is fetched while rendering.
  pdfmake.setUrlAccessPolicy(() => false);
  const loading = new Map<string, Promise<void>>();
  const ensure = (file: string) => {
    let pending = loading.get(file);
    if (!pending) {
      pending = loadFont(file).then((data) => pdfmake.virtualfs.writeFileSync(file, data));
      loading.set(file, pending);
    }
    return pending;
  };
  return async function render(definition: TDocumentDefinitions): Promise<Uint8Array> {
    const files = new Set<string>();
    for (const key of fontsIn(definition)) for (const file of Object.values(FONT_FILES[key])) files.add(file);
    await Promise.all([...files].map(ensure));
    return pdfmake.createPdf(definition).getBuffer();
  };
}
