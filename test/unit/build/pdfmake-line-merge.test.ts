/**
 * The app's book worker uses pdfmake's prebuilt browser bundle; the build adds the call to the
 * word-joining merge to it (build/pdfmake-line-merge.ts). Here the installed bundle goes through
 * the same transform and is run in Node: with the merge registered a line of text is written as
 * one text operator, without it one per word, as pdfmake ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { addPrepareLineHook, pdfmakeLineMerge } from '../../../build/pdfmake-line-merge';
import { mergeLineInlines, PREPARE_LINE_KEY } from '../../../src/book/merge-inlines';

const require = createRequire(import.meta.url);
const BUNDLE_PATH = require.resolve('pdfmake/build/pdfmake.js');
const BUNDLE = readFileSync(BUNDLE_PATH, 'utf8');
const FONT = readFileSync(new URL('../../../resources/fonts/NotoSans-Regular.ttf', import.meta.url));
const registry = globalThis as Record<symbol, unknown>;

interface BrowserPdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

/** The bundle as the build emits it, loaded the way its UMD wrapper loads under CommonJS. */
function loadHookedBundle(): BrowserPdfMake {
  const module = { exports: {} };
  new Function('module', 'exports', addPrepareLineHook(BUNDLE, BUNDLE_PATH))(module, module.exports);
  const pdfmake = module.exports as BrowserPdfMake;
  pdfmake.virtualfs.writeFileSync('NotoSans-Regular.ttf', FONT);
  const file = 'NotoSans-Regular.ttf';
  pdfmake.setFonts({ Noto: { normal: file, bold: file, italics: file, bolditalics: file } });
  return pdfmake;
}

/** Text-showing operators in the uncompressed content of a one-line document. */
async function textOperators(pdfmake: BrowserPdfMake): Promise<number> {
  const definition = {
    compress: false,
    content: ['Bezoek aan het Nederlands kantoor in Taipei'],
    defaultStyle: { font: 'Noto' },
  };
  const pdf = Buffer.from(await pdfmake.createPdf(definition).getBuffer()).toString('latin1');
  return pdf.match(/\]\s*TJ|\)\s*Tj|>\s*Tj/g)?.length ?? 0;
}

describe('the hook in pdfmake’s browser bundle', () => {
  afterEach(() => {
    Reflect.deleteProperty(registry, Symbol.for(PREPARE_LINE_KEY));
  });

  it('is added to the installed bundle once, and only once however often the build passes it', () => {
    const hooked = addPrepareLineHook(BUNDLE);
    expect(hooked.length).toBeGreaterThan(BUNDLE.length);
    expect(hooked.split(PREPARE_LINE_KEY)).toHaveLength(2);
    expect(addPrepareLineHook(hooked)).toBe(hooked);
  });

  it('stops the build with a message when pdfmake no longer has the method', () => {
    expect(() => addPrepareLineHook('class Renderer { render() {} }', 'pdfmake.js')).toThrow(
      /pdfmake\.js: expected "renderLine\(line, x, y\) \{" exactly once/,
    );
  });

  it('is applied by the Vite plugin to the bundle only, not to CommonJS proxies or other modules', () => {
    const plugin = pdfmakeLineMerge();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(transform.call({}, BUNDLE, BUNDLE_PATH)?.code).toContain(PREPARE_LINE_KEY);
    expect(transform.call({}, 'export {}', `\0${BUNDLE_PATH}?commonjs-es-import`)).toBeNull();
    expect(transform.call({}, 'export {}', '/work/src/book/worker.ts')).toBeNull();
  });

  it('writes a line as one run with the merge registered, and word by word without', async () => {
    const pdfmake = loadHookedBundle();
    expect(await textOperators(pdfmake)).toBe(7);
    registry[Symbol.for(PREPARE_LINE_KEY)] = mergeLineInlines;
    expect(await textOperators(pdfmake)).toBe(1);
  });
});
