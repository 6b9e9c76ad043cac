/**
 * The app talks to no host but the vault: every request the session makes passes this policy
 * (`session.webRequest.onBeforeRequest`), which lets through only the app's own scheme, inline
 * data, blobs minted by our own page, the origins of the WebDAV vaults connected right now, and,
 * when the app is not packaged, the devtools and the loopback dev server. Everything else (http,
 * https, ws to any other host, file:, other schemes) is cancelled. Electron's session comes in as
 * a parameter so this is unit-tested. The spellchecker's dictionaries: spellcheck.ts.
 */
import { isAppUrl } from './security';

export interface RequestPolicy {
  readonly isPackaged: boolean;
  /** The loopback dev server's origin (only ever set when not packaged; see devServerOrigin). */
  readonly devOrigin: string | null;
  /** Origins (`https://cloud.example.nl`) of the WebDAV vaults connected now. */
  readonly vaultOrigins: ReadonlySet<string>;
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The origin of a vault address: only https, or plain http on this machine (as the contract allows). */
export function vaultOriginOf(vaultUrl: string): string | null {
  const url = parse(vaultUrl);
  if (url === null) return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return url.origin;
  return null;
}

/** True when the request may go out. */
export function isRequestAllowed(value: string, policy: RequestPolicy): boolean {
  const url = parse(value);
  if (url === null) return false;
  switch (url.protocol) {
    case 'app:':
      return isAppUrl(value, null);
    case 'data:':
      // Inline bytes: nothing leaves the machine.
      return true;
    case 'blob:': {
      // `blob:app://mission-dossier/<uuid>`: only blobs our own page made.
      const inner = value.slice('blob:'.length);
      return isAppUrl(inner, policy.devOrigin);
    }
    case 'devtools:':
      return !policy.isPackaged;
    case 'http:':
    case 'https:':
      if (!policy.isPackaged && policy.devOrigin !== null && url.origin === policy.devOrigin) return true;
      return policy.vaultOrigins.has(url.origin);
    case 'ws:':
    case 'wss:': {
      // Only the dev server's hot reload socket, same host and port.
      if (policy.isPackaged || policy.devOrigin === null) return false;
      const dev = parse(policy.devOrigin);
      return dev !== null && url.host === dev.host && url.protocol === (dev.protocol === 'https:' ? 'wss:' : 'ws:');
    }
    default:
      return false;
  }
}

/** The parts of Electron's Session used here; the real one fits them. */
export interface PolicySession {
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export function installRequestPolicy(
  session: PolicySession,
  policy: () => RequestPolicy,
  log: (message: string) => void = (message) => console.warn(message),
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, policy());
    // The address only, never a query string: it could carry data.
    if (!allowed) log(`Refused request to ${details.url.split(/[?#]/)[0]?.slice(0, 200) ?? ''}`);
    callback({ cancel: !allowed });
  });
}
