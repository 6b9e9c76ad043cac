/** The sync benchmark's entry in the browser: sync.ts bundles this and calls it in Chromium. */
import { syncFigures } from './sync-scenario';

declare global {
  interface Window {
    benchSync?: (seed: number, settleMs?: number) => Promise<Awaited<ReturnType<typeof syncFigures>>>;
  }
}

window.benchSync = syncFigures;
