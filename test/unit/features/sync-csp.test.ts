/** The CSP widened for the sync vault stays narrow: WebAssembly but no eval, https and loopback only. */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../build/csp-plugin';

function directives(): Map<string, string[]> {
  return new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('Content-Security-Policy for the sync vault', () => {
  it('compiles WebAssembly (Argon2id) but runs no eval() and no inline script', () => {
    expect(directives().get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('lets the page reach an https WebDAV server and loopback http, nothing else in plain http', () => {
    const connect = directives().get('connect-src') ?? [];
    expect(connect).toEqual(["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
    expect(connect).not.toContain('http:');
    expect(connect).not.toContain('*');
  });

  it('widens nothing else: the default, objects and frames stay as they were', () => {
    const all = directives();
    expect(all.get('default-src')).toEqual(["'self'"]);
    expect(all.get('object-src')).toEqual(["'none'"]);
    expect(all.get('frame-src')).toEqual(['blob:']);
    expect(all.get('form-action')).toEqual(["'none'"]);
  });
});
