/**
 * Static guards the type checker cannot give: which modules may load `electron` at runtime, and
 * that the sandboxed preload pulls in nothing but electron and the channel list.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, folder, file));
}

/** Module specifiers of value imports (type-only imports are erased and load nothing). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (match[2] === undefined && match[3] !== undefined) found.push(match[3]);
  }
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm))
    if (match[1] !== undefined) found.push(match[1]);
  return found;
}

describe('module boundaries', () => {
  it('only the lifecycle shell and the preload load electron at runtime', () => {
    const loaders = [...sources('electron/main'), ...sources('electron/preload')]
      .filter((file) => runtimeImports(file).includes('electron'))
      .map((file) => relative(ROOT, file).split('\\').join('/'))
      .sort();
    expect(loaders).toEqual(['electron/main/index.ts', 'electron/preload/index.ts']);
  });

  it('the preload loads only electron and the channel list (no zod in the sandbox)', () => {
    expect(runtimeImports(join(ROOT, 'electron/preload/index.ts')).sort()).toEqual([
      '../../src/shared/ipc-channels',
      'electron',
    ]);
  });

  it('electron/ reaches into src/ only for src/shared, and the vault drivers in exactly one file', () => {
    // The folder and WebDAV drivers are the ones the web build uses, free of the DOM and of
    // Electron; main runs them so the page never holds a vault path or password (docs/security.md).
    const driverLoaders: string[] = [];
    for (const file of [...sources('electron/main'), ...sources('electron/preload')]) {
      const name = relative(ROOT, file).split('\\').join('/');
      for (const specifier of runtimeImports(file)) {
        if (!specifier.includes('/src/')) continue;
        if (/\/src\/sync\/transports\/(folder-node|webdav)$/.test(specifier)) driverLoaders.push(name);
        else expect(specifier, name).toMatch(/\/src\/shared\//);
      }
    }
    expect(driverLoaders).toEqual(['electron/main/vault/drivers.ts', 'electron/main/vault/drivers.ts']);
  });
});
