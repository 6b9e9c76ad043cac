import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp-plugin';
import { pdfmakeHooks, pdfmakeHooksEsbuild } from './build/pdfmake-hooks';
import pkg from './package.json' with { type: 'json' };

// One build for the desktop app: main and preload for Node/Electron, the renderer from src/.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    plugins: [react(), cspPlugin(), pdfmakeHooks()],
    // The book worker's pdfmake: its own plugin list in builds, esbuild's pre-bundling in dev.
    worker: { plugins: () => [pdfmakeHooks()] },
    optimizeDeps: { esbuildOptions: { plugins: [pdfmakeHooksEsbuild] } },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src/index.html') },
    },
  },
});
