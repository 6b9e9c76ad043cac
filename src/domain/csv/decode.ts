/** Turns the bytes of a CSV file into text the way Excel wrote it: UTF-8 (with or without BOM) or Windows-1252. */
import { AppError } from '../errors';

export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'windows-1252';

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/*
 * Windows-1252 assigns printable characters to 0x80–0x9F where ISO-8859-1 has C1 controls. Browsers
 * decode them right; Node since 20.18.3 does not (nodejs/node#60888) and returns U+0080–U+009F, so
 * the C1 range is mapped here. In a browser the decoder never yields these code points except for
 * the five bytes Windows-1252 leaves undefined, which stay as they are: the fix-up is a no-op there.
 */
const WINDOWS_1252_C1: Readonly<Record<number, string>> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0)] ?? c);
}

/**
 * A CSV that Excel saved is text: a NUL byte, or many control characters, means the user picked a
 * spreadsheet, an image or a zip by mistake. Checked on the first 64 kB, which is enough to tell.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65_536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > sample.length / 100;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) throw new AppError('errors.csvEmpty', 'the file is empty');
  if (looksBinary(bytes)) throw new AppError('errors.csvNotText', 'the file holds binary data, not text');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    // Not valid UTF-8: what Dutch Excel writes with "CSV (gescheiden door lijstscheidingsteken)".
    if (!(error instanceof TypeError)) throw error;
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
