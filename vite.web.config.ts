import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp-plugin';
import { pdfmakeHooks, pdfmakeHooksEsbuild } from './build/pdfmake-hooks';
import pkg from './package.json' with { type: 'json' };

/** The web build: the very same renderer as the desktop app, served to a browser on localhost. */
export const WEB_PORT = 5180;

export default defineConfig({
  root: resolve(import.meta.dirname, 'src'),
  base: './',
  plugins: [react(), cspPlugin(), pdfmakeHooks()],
  // The book worker's pdfmake: its own plugin list in builds, esbuild's pre-bundling in dev.
  worker: { plugins: () => [pdfmakeHooks()] },
  optimizeDeps: { esbuildOptions: { plugins: [pdfmakeHooksEsbuild] } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: WEB_PORT, strictPort: true, host: '127.0.0.1' },
  preview: { port: WEB_PORT, strictPort: true, host: '127.0.0.1' },
});
