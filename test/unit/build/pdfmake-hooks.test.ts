/**
 * The app's book worker uses pdfmake's prebuilt browser bundle; the build adds the book's two
 * hooks to it (build/pdfmake-hooks.ts). Here the installed bundle goes through the same transform
 * and is run in Node, with the hooks registered as the worker registers them and without.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { addPdfmakeHooks, pdfmakeHooks } from '../../../build/pdfmake-hooks';
import { PDFMAKE_HOOK_KEYS, registerPdfmakeHooks } from '../../../src/book/pdfmake-hooks';

const require = createRequire(import.meta.url);
const BUNDLE_PATH = require.resolve('pdfmake/build/pdfmake.js');
const BUNDLE = readFileSync(BUNDLE_PATH, 'utf8');
const FONT = readFileSync(new URL('../../../resources/fonts/NotoSans-Regular.ttf', import.meta.url));
const FONT_FILE = 'NotoSans-Regular.ttf';
const registry = globalThis as Record<symbol, unknown>;

interface BrowserPdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

/** The bundle as the build emits it, loaded the way its UMD wrapper loads under CommonJS. */
function loadHookedBundle(): BrowserPdfMake {
  const module = { exports: {} };
  new Function('module', 'exports', addPdfmakeHooks(BUNDLE, BUNDLE_PATH))(module, module.exports);
  const pdfmake = module.exports as BrowserPdfMake;
  pdfmake.virtualfs.writeFileSync(FONT_FILE, FONT);
  pdfmake.setFonts({ Noto: { normal: FONT_FILE, bold: FONT_FILE, italics: FONT_FILE, bolditalics: FONT_FILE } });
  return pdfmake;
}

/** One line of text, uncompressed: its text-showing operators can be counted. */
async function oneLine(pdfmake: BrowserPdfMake): Promise<string> {
  const definition = {
    compress: false,
    content: ['Bezoek aan het Nederlands kantoor in Taipei'],
    defaultStyle: { font: 'Noto' },
  };
  return Buffer.from(await pdfmake.createPdf(definition).getBuffer()).toString('latin1');
}

const textOperators = (pdf: string) => pdf.match(/\]\s*TJ|\)\s*Tj|>\s*Tj/g)?.length ?? 0;

describe('the hooks in pdfmake’s browser bundle', () => {
  afterEach(() => {
    for (const key of Object.values(PDFMAKE_HOOK_KEYS)) Reflect.deleteProperty(registry, Symbol.for(key));
  });

  it('are added to the installed bundle once each, however often the build passes it', () => {
    const hooked = addPdfmakeHooks(BUNDLE);
    for (const key of Object.values(PDFMAKE_HOOK_KEYS)) expect(hooked.split(key), key).toHaveLength(2);
    expect(addPdfmakeHooks(hooked)).toBe(hooked);
  });

  it('stop the build with a message when pdfmake no longer has the code they go into', () => {
    expect(() => addPdfmakeHooks('class Renderer { render() {} }', 'pdfmake.js')).toThrow(
      /pdfmake\.js: expected "renderLine\(line, x, y\) \{" exactly once/,
    );
    const withoutFontFactory = BUNDLE.replace('font = (0, _fontkit.create)(src, family);', 'font = null;');
    expect(() => addPdfmakeHooks(withoutFontFactory)).toThrow(/_fontkit\.create\)\(src, family\);" exactly once/);
  });

  it('are applied by the Vite plugin to the bundle only, not to CommonJS proxies or other modules', () => {
    const transform = pdfmakeHooks().transform as (code: string, id: string) => { code: string } | null;
    expect(transform.call({}, BUNDLE, BUNDLE_PATH)?.code).toContain(PDFMAKE_HOOK_KEYS.prepareLine);
    expect(transform.call({}, 'export {}', `\0${BUNDLE_PATH}?commonjs-es-import`)).toBeNull();
    expect(transform.call({}, 'export {}', '/work/src/book/worker.ts')).toBeNull();
  });

  it('write a line as one run with the hooks registered, and word by word as shipped without', async () => {
    const pdfmake = loadHookedBundle();
    expect(textOperators(await oneLine(pdfmake))).toBe(7);
    registerPdfmakeHooks();
    expect(textOperators(await oneLine(pdfmake))).toBe(1);
  });

  it('parse a font file once for every later book, which prints the same', async () => {
    const pdfmake = loadHookedBundle();
    const parsed: unknown[] = [];
    registerPdfmakeHooks();
    const open = registry[Symbol.for(PDFMAKE_HOOK_KEYS.createFont)] as (...args: unknown[]) => unknown;
    registry[Symbol.for(PDFMAKE_HOOK_KEYS.createFont)] = (...args: unknown[]) => {
      const font = open(...args);
      parsed.push(font);
      return font;
    };
    const first = await oneLine(pdfmake);
    const second = await oneLine(pdfmake);
    expect(parsed).toHaveLength(2);
    expect(parsed[1]).toBe(parsed[0]);
    // The same text in the same subset font, the same glyph codes (only the file's date and id differ).
    const shown = (pdf: string) => pdf.match(/\[[^\]]*\]\s*TJ/g);
    expect(shown(second)).toEqual(shown(first));
  });
});
