/**
 * electron-builder.yml is validated against electron-builder's own schema (so a misspelt key
 * fails here, not in a release build) and the security-relevant settings are pinned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

let validate: ValidateFunction;
let config: Record<string, unknown>;

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a mapping`);
  return Object.fromEntries(Object.entries(value));
}

/** Target names of one platform section, whether written as strings or as { target } objects. */
function targets(platform: string): string[] {
  const list = record(config[platform], platform).target;
  if (!Array.isArray(list)) throw new Error(`${platform}.target is not a list`);
  return list.map((entry: unknown) => (typeof entry === 'string' ? entry : String(record(entry, 'target').target)));
}

beforeAll(() => {
  const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  // The schema is draft-07 (Ajv's default); it carries documentation keywords strict mode rejects.
  const ajv = new Ajv({ strict: false, allErrors: true });
  validate = ajv.compile(record(schema, 'scheme.json'));
  config = record(load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')), 'electron-builder.yml');
});

describe('electron-builder.yml', () => {
  it('is valid against electron-builder 26 scheme.json', () => {
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and ships only the build output', () => {
    expect(config.appId).toBe('nl.regioutrecht.missiondossier');
    expect(config.productName).toBe('Mission Dossier');
    expect(record(config.directories, 'directories').output).toBe('release');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('flips every fuse that turns the app into a general Node.js runtime or loosens asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS, dmg, AppImage and deb', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
  });

  it('installs per user with a choice of folder on Windows, hardened on macOS', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.mac).toMatchObject({ category: 'public.app-category.productivity', hardenedRuntime: true });
    expect(config.linux).toMatchObject({ category: 'Office', maintainer: expect.any(String) });
  });

  it('has an icon big enough for every platform (PNG, square, at least 512 px)', () => {
    const png = readFileSync(join(ROOT, String(config.icon)));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });
});

describe('the schema check itself', () => {
  it.each([
    ['an unknown top-level key', { appId: 'x', electronFusez: { runAsNode: false } }],
    ['an unknown fuse', { electronFuses: { runAsNod: false } }],
    ['a fuse of the wrong type', { electronFuses: { runAsNode: 'no' } }],
    ['asar of the wrong type', { asar: 'yes' }],
    ['an NSIS option of the wrong type', { nsis: { oneClick: 'false' } }],
    ['an unknown mac key', { mac: { hardenedRuntme: true } }],
  ])('rejects %s', (_label, broken) => {
    expect(validate(broken)).toBe(false);
  });

  it('rejects the real config with one key misspelt', () => {
    const { asar, ...rest } = config;
    expect(validate({ ...rest, asarr: asar })).toBe(false);
  });
});
