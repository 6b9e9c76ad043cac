/**
 * From document definition to PDF bytes with a pdfmake instance (pdfmake's Node build in the
 * CLI, its browser build in the app's worker): only the fonts a book uses are loaded, each once
 * per process, and the document may reach no URL or local file.
 */
import type { Content, ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FILES, LATIN_FONT, type FontKey } from './fonts';

/** What the book needs of pdfmake; both its builds provide it. */
export interface PdfMakeLike {
  readonly virtualfs: {
    existsSync(name: string): boolean;
    writeFileSync(name: string, data: Uint8Array): void;
  };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  /** Called while pages are written out, with the share done (0–1). */
  setProgressCallback(callback: ((fraction: number) => void) | undefined): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

/** Where a render is: loading fonts, laying out pages (no measure of its own), writing pages. */
export type RenderStage = 'fonts' | 'layout' | 'writing';
export type RenderProgress = (stage: RenderStage, fraction: number | null) => void;

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
  return async function render(definition: TDocumentDefinitions, progress?: RenderProgress): Promise<Uint8Array> {
    progress?.('fonts', null);
    const files = new Set<string>();
    for (const key of fontsIn(definition)) for (const file of Object.values(FONT_FILES[key])) files.add(file);
    await Promise.all([...files].map(ensure));
    progress?.('layout', null);
    pdfmake.setProgressCallback(progress ? (fraction) => progress('writing', fraction) : undefined);
    try {
      return await pdfmake.createPdf(definition).getBuffer();
    } finally {
      pdfmake.setProgressCallback(undefined);
    }
  };
}

const isSection = (node: Content): node is ContentSection =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && 'section' in node && node.section !== undefined;

/** Where each section of a rendered book starts, and how many pages it has. */
export interface BookLayout {
  readonly pageCount: number;
  /** The first page of each top-level section, in content order. */
  readonly sectionStarts: readonly number[];
}

/**
 * Makes the definition report its layout as pdfmake writes it: pdfmake calls each section's
 * header and the footer once per page, after the last layout pass, with the page number and the
 * page count. Read the result after rendering.
 */
export function observeLayout(definition: TDocumentDefinitions): () => BookLayout {
  let pageCount = 0;
  const starts: number[] = [];
  let lastPage = 0;
  const content = Array.isArray(definition.content) ? definition.content : [definition.content];
  content.forEach((node, index) => {
    if (!isSection(node)) return;
    const header = node.header;
    node.header = (currentPage, count, pageSize) => {
      // pdfmake may lay out twice (the contents' page numbers can move pages); the last pass counts.
      if (currentPage <= lastPage) starts.length = 0;
      lastPage = currentPage;
      pageCount = count;
      starts[index] ??= currentPage;
      if (typeof header === 'function') return header(currentPage, count, pageSize);
      return header === 'inherit' || header === undefined ? null : header;
    };
  });
  const footer = definition.footer;
  if (typeof footer === 'function') {
    definition.footer = (currentPage, count, pageSize) => {
      pageCount = count;
      return footer(currentPage, count, pageSize);
    };
  }
  return () => ({ pageCount, sectionStarts: starts.filter((page) => page !== undefined) });
}
