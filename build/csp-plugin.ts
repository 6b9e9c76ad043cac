import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built renderer, in Electron and in the browser alike.
 * Only added to builds: the dev server injects inline scripts for hot reload.
 * Mantine sets CSS variables through style attributes, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Argon2id for the sync vault's passphrase runs as WebAssembly (hash-wasm): compiling it needs
  // 'wasm-unsafe-eval', which admits WebAssembly only, not eval() of script (docs/security.md, 7b).
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // The web build talks to the team's WebDAV vault from the page: any https server (its address is
  // the user's to configure), and plain http only on this machine (a local test or tunnel).
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  // The briefing book's preview: a PDF the app made itself, shown from a blob: URL (docs/security.md).
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** frame-ancestors only works as a header (Electron's app:// responses); in a meta tag Chromium reports it. */
const META_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'mission-dossier-csp',
    apply: 'build',
    transformIndexHtml(html) {
      // Right after the charset declaration, which must stay the first thing in <head>.
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`,
      );
    },
  };
}
