/**
 * The first look at a dossier file from outside, before anything in it becomes an object the app
 * uses: size, UTF-8, JSON, nesting depth, string length and prototype keys are checked on the raw
 * text by an iterative scan (no recursion, so 10,000 nested brackets cannot overflow the stack),
 * and only then is the text parsed. Every refusal is an AppError with its own `errors.dossier*` key.
 * Limits and their reasons: docs/dossier-format.md, "Hostile files".
 */
import { AppError } from './errors';

export const DOSSIER_LIMITS = {
  /** A mission with 600 photos of 400 kB each stays well below this. */
  maxBytes: 100 * 1024 * 1024,
  /** A dossier nests at most 6 deep (file, table, record, field, list, entry). */
  maxDepth: 64,
  /** The longest legitimate string is a photo: 400,000 base64 characters. */
  maxStringChars: 1024 * 1024,
} as const;

/** Keys that could reach an object's prototype when a parsed value is spread or merged. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface DossierScan {
  /** The length of the longest string in the text, in raw (escaped) characters. */
  readonly longestString: number;
}

export interface GuardLimits {
  readonly maxDepth: number;
  readonly maxStringChars: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const STRING_STOP = /["\\]/g;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Scans JSON text without building anything: depth, string lengths and object keys. It does not
 * validate the grammar (JSON.parse does that next); it only has to be right about where strings
 * begin and end, which the quote and backslash rules decide.
 */
export function scanDossierText(text: string, limits: GuardLimits = DOSSIER_LIMITS): DossierScan {
  let depth = 0;
  let longest = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const start = i;
      i++;
      // Jump from one quote or backslash to the next: long strings (photos) are scanned quickly.
      for (;;) {
        STRING_STOP.lastIndex = i;
        const stop = STRING_STOP.exec(text);
        if (!stop) {
          i = length;
          break;
        }
        i = stop.index;
        if (text.charCodeAt(i) === BACKSLASH) i += 2;
        else break;
      }
      if (i >= length) throw new AppError('errors.dossierTruncated', 'the file ends inside a string');
      const raw = i - start - 1;
      if (raw > longest) longest = raw;
      if (raw > limits.maxStringChars) {
        throw new AppError('errors.dossierStringTooLong', `a string of ${raw} characters at offset ${start}`);
      }
      // A key is a string followed by a colon. Forbidden names are short even when fully escaped.
      let next = i + 1;
      while (next < length && isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === 0x3a && raw <= 100) {
        const key = keyName(text.slice(start, i + 1));
        if (FORBIDDEN_KEYS.has(key)) {
          throw new AppError('errors.dossierForbiddenKey', `the key "${key}" at offset ${start}`);
        }
      }
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limits.maxDepth) {
        throw new AppError('errors.dossierTooDeep', `nested deeper than ${limits.maxDepth} at offset ${i}`);
      }
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  if (depth > 0) throw new AppError('errors.dossierTruncated', `the file ends with ${depth} open brackets`);
  return { longestString: longest };
}

function keyName(token: string): string {
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : token;
  } catch {
    // Not a valid string token: JSON.parse of the whole text refuses it next.
    return token;
  }
}

/** UTF-8 bytes to text; anything else is refused. A byte-order mark is dropped. */
export function decodeDossierBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > DOSSIER_LIMITS.maxBytes) {
    throw new AppError('errors.dossierTooLarge', `${bytes.byteLength} bytes is more than ${DOSSIER_LIMITS.maxBytes}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppError('errors.dossierNotText', `not UTF-8 text: ${String(error)}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface GuardedJson {
  readonly value: unknown;
  readonly scan: DossierScan;
}

/**
 * The text checked and parsed. Strings up to `maxBytes` pass the scan here so that an encrypted
 * envelope (one long base64 string) can be read; `guardDossierValue` then holds a plain dossier to
 * the string limit.
 */
export function guardDossierJson(text: string): GuardedJson {
  if (text.length > DOSSIER_LIMITS.maxBytes) {
    throw new AppError('errors.dossierTooLarge', `${text.length} characters is more than ${DOSSIER_LIMITS.maxBytes}`);
  }
  if (text.trim() === '') throw new AppError('errors.dossierNotJson', 'the file is empty');
  const scan = scanDossierText(text, { maxDepth: DOSSIER_LIMITS.maxDepth, maxStringChars: DOSSIER_LIMITS.maxBytes });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('errors.dossierNotJson', `not JSON: ${String(error)}`);
  }
  return { value, scan };
}

/** A parsed plain dossier (not an envelope) must keep every string within the limit. */
export function holdToStringLimit(guarded: GuardedJson): unknown {
  if (guarded.scan.longestString > DOSSIER_LIMITS.maxStringChars) {
    throw new AppError(
      'errors.dossierStringTooLong',
      `a string of ${guarded.scan.longestString} characters is longer than ${DOSSIER_LIMITS.maxStringChars}`,
    );
  }
  return guarded.value;
}

/** Raw bytes of a plain (unencrypted) dossier file to a JSON value that passed every check. */
export function guardDossierBytes(bytes: Uint8Array): unknown {
  return holdToStringLimit(guardDossierJson(decodeDossierBytes(bytes)));
}
