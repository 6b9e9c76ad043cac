/**
 * What the book changes in how pdfmake works, in one place for both of its builds:
 * - **prepareLine**: each laid-out line goes through `mergeLineInlines` before it is rendered
 *   (src/book/merge-inlines.ts);
 * - **createFont**: a font file is parsed by fontkit once per process or worker, not once per
 *   book (pdfkit would parse it again for every document, losing fontkit's glyph caches).
 *
 * pdfmake's Node build exposes its modules, so `scripts/book.ts` wraps them directly. The app's
 * worker uses the prebuilt browser bundle, whose classes are not exported: the build plugin
 * `build/pdfmake-hooks.ts` adds a call at each of the two places, to the function registered
 * under the global symbol `Symbol.for(PDFMAKE_HOOK_KEYS[name])`; `registerPdfmakeHooks` (the
 * worker) registers them. Without a registration the bundle behaves as shipped.
 */
import { mergeLineInlines } from './merge-inlines';

export const PDFMAKE_HOOK_KEYS = {
  prepareLine: 'mission-dossier.pdfmake.prepareLine',
  createFont: 'mission-dossier.pdfmake.createFont',
} as const;

/** fontkit's `create`: a font file (and a face name in a collection) → a parsed font. */
export type CreateFont = (buffer: Uint8Array, postscriptName?: string) => unknown;

/**
 * fontkit's `create`, parsing each font once: keyed by the buffer pdfmake hands it (the same
 * object every time: its virtual file system returns what was stored) and the face name.
 */
export function parseFontsOnce(): (create: CreateFont, buffer: Uint8Array, postscriptName?: string) => unknown {
  const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
  return (create, buffer, postscriptName) => {
    let byName = parsed.get(buffer);
    if (!byName) parsed.set(buffer, (byName = new Map()));
    const key = postscriptName ?? '';
    if (!byName.has(key)) byName.set(key, create(buffer, postscriptName));
    return byName.get(key);
  };
}

/** Registers both hooks for pdfmake's browser bundle in this global scope (the book worker). */
export function registerPdfmakeHooks(scope: object = globalThis): void {
  const registry = scope as Record<symbol, unknown>;
  registry[Symbol.for(PDFMAKE_HOOK_KEYS.prepareLine)] = mergeLineInlines;
  registry[Symbol.for(PDFMAKE_HOOK_KEYS.createFont)] = parseFontsOnce();
}
