import type { Plugin } from 'vite';
import { PDFMAKE_HOOK_KEYS } from '../src/book/pdfmake-hooks';

/**
 * Adds the book's two hooks to pdfmake's prebuilt browser bundle, which the app's book worker
 * uses and whose classes are not exported (src/book/pdfmake-hooks.ts says what they do). Each is
 * one call, at a place found by an exact piece of pdfmake's code, to the function registered
 * under a global symbol; without a registration the bundle behaves as shipped. When a pdfmake
 * upgrade moves that code the build stops here with a message, rather than quietly making books
 * slower and larger.
 */
const BUNDLE = /[\\/]node_modules[\\/]pdfmake[\\/]build[\\/]pdfmake\.js$/;

const hook = (name: keyof typeof PDFMAKE_HOOK_KEYS) =>
  `globalThis[Symbol.for(${JSON.stringify(PDFMAKE_HOOK_KEYS[name])})]`;

/** Where each hook goes (found exactly once in pdfmake 0.3's bundle) and what replaces it. */
const HOOKS = [
  {
    // Renderer#renderLine: the line goes through mergeLineInlines first.
    anchor: 'renderLine(line, x, y) {',
    replacement: `renderLine(line, x, y) {\n    line = ${hook('prepareLine')}?.(line) ?? line;`,
  },
  {
    // PDFFontFactory.open (pdfkit): fontkit's create through parseFontsOnce.
    anchor: 'font = (0, _fontkit.create)(src, family);',
    replacement: `font = ${hook('createFont')}?.(_fontkit.create, src, family) ?? (0, _fontkit.create)(src, family);`,
  },
] as const;

/** pdfmake's browser bundle with both hooks; throws when a place is not found exactly once. */
export function addPdfmakeHooks(code: string, file = 'pdfmake.js'): string {
  let out = code;
  for (const { anchor, replacement } of HOOKS) {
    // Builds can pass a module through the same plugin twice (the window's and the worker's lists).
    if (out.includes(replacement)) continue;
    const first = out.indexOf(anchor);
    if (first < 0 || out.indexOf(anchor, first + anchor.length) >= 0) {
      throw new Error(
        `${file}: expected "${anchor}" exactly once (pdfmake changed?); ` +
          'update build/pdfmake-hooks.ts and src/book/pdfmake-hooks.ts',
      );
    }
    out = out.slice(0, first) + replacement + out.slice(first + anchor.length);
  }
  return out;
}

/** For Vite's build (and the worker's build, which takes its own plugin list). */
export function pdfmakeHooks(): Plugin {
  return {
    name: 'mission-dossier-pdfmake-hooks',
    enforce: 'pre',
    transform(code, id) {
      // Rollup's CommonJS proxies of the bundle ('\0…?commonjs-…') hold no code of it.
      if (id.startsWith('\0') || !BUNDLE.test(id)) return null;
      return { code: addPdfmakeHooks(code, id), map: null };
    },
  };
}

/** The same for the dev server, which pre-bundles pdfmake with esbuild and skips Vite's transforms. */
export const pdfmakeHooksEsbuild = {
  name: 'mission-dossier-pdfmake-hooks',
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => Promise<{ contents: string; loader: 'js' }>,
    ): void;
  }) {
    build.onLoad({ filter: BUNDLE }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: addPdfmakeHooks(await readFile(path, 'utf8'), path), loader: 'js' };
    });
  },
};
