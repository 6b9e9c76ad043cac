import type { Plugin } from 'vite';
import { PREPARE_LINE_KEY } from '../src/book/merge-inlines';

/**
 * Lets the app's book worker join equally styled words before pdfmake renders a line
 * (src/book/merge-inlines.ts). The worker uses pdfmake's prebuilt browser bundle, whose Renderer
 * class is not exported, so its `renderLine` gains one statement at the build: hand the line to
 * the function the worker registered under a global symbol, if any. Without a registration the
 * bundle behaves exactly as shipped. When a pdfmake upgrade moves the method the build stops here
 * with a message, rather than quietly making books twice as slow.
 */
const BUNDLE = /[\\/]node_modules[\\/]pdfmake[\\/]build[\\/]pdfmake\.js$/;
const ANCHOR = 'renderLine(line, x, y) {';
const HOOK = `line = globalThis[Symbol.for(${JSON.stringify(PREPARE_LINE_KEY)})]?.(line) ?? line;`;

/** pdfmake's browser bundle with the hook in `renderLine`; throws when the method is not found once. */
export function addPrepareLineHook(code: string, file = 'pdfmake.js'): string {
  // Builds can pass a module through the same plugin twice (the window's and the worker's lists).
  if (code.includes(HOOK)) return code;
  const first = code.indexOf(ANCHOR);
  if (first < 0 || code.indexOf(ANCHOR, first + ANCHOR.length) >= 0) {
    throw new Error(
      `${file}: expected "${ANCHOR}" exactly once (pdfmake changed?); ` +
        'update build/pdfmake-line-merge.ts and src/book/merge-inlines.ts',
    );
  }
  const at = first + ANCHOR.length;
  return `${code.slice(0, at)}\n    ${HOOK}${code.slice(at)}`;
}

/** For Vite's build (and the worker's build, which takes its own plugin list). */
export function pdfmakeLineMerge(): Plugin {
  return {
    name: 'mission-dossier-pdfmake-line-merge',
    enforce: 'pre',
    transform(code, id) {
      // Rollup's CommonJS proxies of the bundle ('\0…?commonjs-…') hold no code of it.
      if (id.startsWith('\0') || !BUNDLE.test(id)) return null;
      return { code: addPrepareLineHook(code, id), map: null };
    },
  };
}

/** The same for the dev server, which pre-bundles pdfmake with esbuild and skips Vite's transforms. */
export const pdfmakeLineMergeEsbuild = {
  name: 'mission-dossier-pdfmake-line-merge',
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => Promise<{ contents: string; loader: 'js' }>,
    ): void;
  }) {
    build.onLoad({ filter: BUNDLE }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: addPrepareLineHook(await readFile(path, 'utf8'), path), loader: 'js' };
    });
  },
};
