import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/{unit,db,config,sync,book,electron}/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/indexeddb.ts'],
    pool: 'threads',
  },
});
