import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-mission.json';
import { DOSSIER_LIMITS, guardDossierBytes, scanDossierText } from '../../../src/domain/dossier-guard';
import { AppError } from '../../../src/domain/errors';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected a refusal');
}

describe('the dossier guard', () => {
  it('passes the sample mission through unchanged', () => {
    expect(guardDossierBytes(bytes(JSON.stringify(sample)))).toEqual(sample);
  });

  it('drops a byte-order mark', () => {
    expect(guardDossierBytes(bytes(`\ufeff{"a":1}`))).toEqual({ a: 1 });
  });

  it('refuses a file over the size limit before decoding it', () => {
    const big = new Uint8Array(DOSSIER_LIMITS.maxBytes + 1);
    expect(refusal(() => guardDossierBytes(big)).key).toBe('errors.dossierTooLarge');
  });

  it('refuses bytes that are not UTF-8, text that is not JSON, and an empty file', () => {
    expect(refusal(() => guardDossierBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).key).toBe(
      'errors.dossierNotText',
    );
    expect(refusal(() => guardDossierBytes(bytes('{"format": mission}'))).key).toBe('errors.dossierNotJson');
    expect(refusal(() => guardDossierBytes(bytes('   '))).key).toBe('errors.dossierNotJson');
  });

  it('calls a file cut off anywhere truncated', () => {
    const text = JSON.stringify(sample);
    for (const cut of [1, 100, Math.floor(text.length / 2), text.length - 1]) {
      const key = refusal(() => guardDossierBytes(bytes(text.slice(0, cut)))).key;
      expect(['errors.dossierTruncated', 'errors.dossierNotJson']).toContain(key);
    }
    // Inside a string, and with brackets still open: named as cut off, not as bad JSON.
    expect(refusal(() => guardDossierBytes(bytes('{"mission": {"title": "Taip'))).key).toBe('errors.dossierTruncated');
    expect(refusal(() => guardDossierBytes(bytes('{"people": [{"id": 1}'))).key).toBe('errors.dossierTruncated');
  });

  it('refuses 10,000 nested brackets with a clear error, not a stack overflow', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const error = refusal(() => guardDossierBytes(bytes(text)));
      expect(error.key).toBe('errors.dossierTooDeep');
    }
    // 64 levels are still allowed.
    expect(guardDossierBytes(bytes('['.repeat(64) + ']'.repeat(64)))).toBeDefined();
    expect(refusal(() => guardDossierBytes(bytes('['.repeat(65) + ']'.repeat(65)))).key).toBe('errors.dossierTooDeep');
  });

  it('refuses a 5 MB string and allows a photo-sized one', () => {
    const file = (length: number) => bytes(JSON.stringify({ ...sample, note: 'x'.repeat(length) }));
    expect(refusal(() => guardDossierBytes(file(5 * 1024 * 1024))).key).toBe('errors.dossierStringTooLong');
    expect(refusal(() => guardDossierBytes(file(DOSSIER_LIMITS.maxStringChars + 1))).key).toBe(
      'errors.dossierStringTooLong',
    );
    expect(guardDossierBytes(file(400_000))).toMatchObject({ note: expect.any(String) });
  });

  it('refuses prototype keys anywhere, also escaped, and leaves Object.prototype alone', () => {
    const hostile = [
      '{"__proto__": {"polluted": true}}',
      '{"mission": {"constructor": {"prototype": {"polluted": true}}}}',
      '{"people": [{"id": "x", "prototype": 1}]}',
      '{"a": 1, "\\u005f_proto__" : {"polluted": true}}',
      '{"a": [{"b": {"constructor" :1}}]}',
    ];
    for (const text of hostile) {
      expect(refusal(() => guardDossierBytes(bytes(text))).key).toBe('errors.dossierForbiddenKey');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('lets the forbidden words through as values, and keys that only contain them', () => {
    expect(guardDossierBytes(bytes('{"title": "__proto__", "constructorName": "constructor"}'))).toEqual({
      title: '__proto__',
      constructorName: 'constructor',
    });
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    const text = JSON.stringify({ title: '[[[{{{ "quoted" \\ }}}]]]', more: '"' });
    expect(scanDossierText(text).longestString).toBeGreaterThan(10);
    expect(guardDossierBytes(bytes(text))).toEqual(JSON.parse(text));
  });
});
