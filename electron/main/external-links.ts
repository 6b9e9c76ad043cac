/**
 * Opening links from user data (websites, maps, e-mail) outside the app. The guards in
 * security.ts already allow only safe https and mailto links, and only on the user's click; this
 * adds one more step for the web: the first time a host is opened in a session the user sees the
 * host and confirms, so a link whose text says one site cannot quietly open another.
 */
import type { OpenExternal } from './security';

export interface LinkOpenerDeps {
  readonly openExternal: OpenExternal;
  /** Shows the host and asks; true when the user chose to open it. */
  readonly confirmHost: (host: string, url: string) => Promise<boolean>;
}

export function createLinkOpener(deps: LinkOpenerDeps): OpenExternal {
  const confirmed = new Set<string>();
  return async (url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') {
      const host = parsed.hostname.toLowerCase();
      if (!confirmed.has(host)) {
        if (!(await deps.confirmHost(host, url))) return;
        confirmed.add(host);
      }
    }
    await deps.openExternal(url);
  };
}
