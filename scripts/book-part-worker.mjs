// Starts the book's second thread (book-part-worker.ts) with TypeScript support, whoever started
// this process (tsx, vitest, node).
import { tsImport } from 'tsx/esm/api';

await tsImport('./book-part-worker.ts', import.meta.url);
