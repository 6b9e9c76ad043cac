/**
 * The type of `window.api`, derived from the IPC contract (never hand-written, so it cannot drift
 * from the preload). Optional: in the web build there is no preload and no `window.api`.
 */
import type { RendererApi } from './ipc-contract';

declare global {
  interface Window {
    api?: RendererApi;
  }
}

export {};
