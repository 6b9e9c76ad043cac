/** The host of this run: Electron when the preload exposed window.api, the browser otherwise. */
import '../shared/window-api';
import { createElectronHost } from './electron-host';
import type { Host } from './host';
import { createWebHost } from './web-host';

let host: Host | undefined;

export function getHost(): Host {
  host ??= window.api
    ? createElectronHost(window.api)
    : createWebHost({
        document,
        createObjectURL: (blob) => URL.createObjectURL(blob),
        revokeObjectURL: (url) => URL.revokeObjectURL(url),
        version: __APP_VERSION__,
        userAgent: navigator.userAgent,
      });
  return host;
}

export type { Host } from './host';
