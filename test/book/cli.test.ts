/** The book CLI: bad input ends with one clear line and a non-zero exit, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, runCli, SAMPLE_FILE } from '../../scripts/book';

const dir = mkdtempSync(join(tmpdir(), 'book-cli-'));
const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as Record<string, unknown>;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const out = join(dir, 'out.pdf');

describe('book CLI', () => {
  it.each([
    ['a missing file', [join(dir, 'nope.json'), '--out', out], /no such file: .*nope\.json/],
    ['malformed JSON', [file('bad.json', '{"format": '), '--out', out], /is not valid JSON/],
    [
      'a dossier that fails validation',
      [file('invalid.json', JSON.stringify({ ...sample, agenda: [{ id: 'x' }] })), '--out', out],
      /is not a valid dossier: agenda\.0/,
    ],
    [
      'a newer format version',
      [file('new.json', JSON.stringify({ ...sample, formatVersion: 99 })), '--out', out],
      /newer Mission Dossier/,
    ],
    [
      'an unwritable output path',
      ['--sample', '--out', join(dir, 'no-such-dir', 'x.pdf')],
      /cannot write .*\(ENOENT\)/,
    ],
    ['an unknown language', ['--sample', '--out', out, '--lang', 'fr'], /bad option language/],
    ['a personal book without a member', ['--sample', '--out', out, '--audience', 'personal'], /memberPersonId/],
  ])('refuses %s with one line', async (_what, args, message) => {
    const error = await runCli(args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message.split('\n')[0]).toMatch(message);
  });

  it('prints one line and exits non-zero from the shell, with no stack trace', () => {
    const result = spawnSync('npx', ['tsx', resolve('scripts/book.ts'), join(dir, 'missing.json'), '--out', out], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^book: no such file/);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  }, 30_000);

  it('renders the same bytes twice with --deterministic', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    await runCli(['--sample', '--out', a, '--deterministic', '--paper', 'A5']);
    await runCli(['--sample', '--out', b, '--deterministic', '--paper', 'A5']);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  }, 60_000);
});
