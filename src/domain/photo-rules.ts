/**
 * What a picked photo must be before the app decodes it: a JPEG, PNG or WebP by its bytes (the
 * file name and the browser's guess can lie), not too large on disk and not too many pixels (a
 * small file can hide an image that would exhaust memory when decoded), and the size it is
 * resized to before it is stored.
 */
import { PHOTO_MAX_BASE64, type PhotoFields } from './entities/photo';
import { AppError } from './errors';

export type PhotoMime = PhotoFields['mime'];

/** The largest file accepted, checked before any decoding; `errors.photoTooLarge` names it. */
export const PHOTO_INPUT_MAX_BYTES = 15 * 1024 * 1024;
/** Beyond this a decode would need hundreds of megabytes; phone cameras stay well below. */
export const PHOTO_INPUT_MAX_PIXELS = 80_000_000;
/** The long side of a stored photo: sharp in the book and the detail panel, small on disk. */
export const PHOTO_MAX_SIDE = 512;
/** JPEG qualities tried in turn until the photo fits `PHOTO_MAX_BASE64`. */
export const PHOTO_JPEG_QUALITIES = [0.85, 0.7, 0.55] as const;

export interface Size {
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The image type by its magic numbers, or null when the bytes are not a JPEG, PNG or WebP. */
export function sniffImageType(bytes: Uint8Array): PhotoMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);

function pngSize(bytes: Uint8Array): Size | null {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null;
  return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
}

// Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic
// coding conditioning) share the range but are not frames.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array): Size | null {
  let at = 2;
  while (at + 3 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, restart markers, start and end of image.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      if (marker === 0xd9) return null; // end of image without a frame
      at += 2;
      continue;
    }
    if (marker === 0xda) return null; // image data began before any frame header
    const length = u16be(bytes, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null;
      return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
    }
    at += 2 + length;
  }
  return null;
}

function webpSize(bytes: Uint8Array): Size | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' && bytes.length >= 30 && startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) {
    return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = (bytes[21] ?? 0) | ((bytes[22] ?? 0) << 8) | ((bytes[23] ?? 0) << 16) | ((bytes[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
  }
  return null;
}

/** The pixel size written in the image's header, or null when the header is damaged. */
export function imageSize(bytes: Uint8Array, mime: PhotoMime): Size | null {
  const size = mime === 'image/png' ? pngSize(bytes) : mime === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** The refusal for a file that is too large, before a single byte of it is read. */
export function checkPhotoFileSize(byteLength: number): void {
  if (byteLength > PHOTO_INPUT_MAX_BYTES) {
    throw new AppError('errors.photoTooLarge', `photo of ${byteLength} bytes`);
  }
}

/** Checks a picked file's bytes before decoding; returns its real type and pixel size. */
export function checkPhotoBytes(bytes: Uint8Array): { mime: PhotoMime; size: Size } {
  checkPhotoFileSize(bytes.byteLength);
  const mime = sniffImageType(bytes);
  if (!mime) throw new AppError('errors.photoNotImage', 'not a JPEG, PNG or WebP image');
  const size = imageSize(bytes, mime);
  if (!size) throw new AppError('errors.photoUnreadable', `damaged ${mime} header`);
  if (size.width * size.height > PHOTO_INPUT_MAX_PIXELS) {
    throw new AppError('errors.photoTooManyPixels', `photo of ${size.width}×${size.height} pixels`);
  }
  return { mime, size };
}

/** The size that fits within `maxSide` on the long side, keeping the proportions; never enlarged. */
export function fitWithin(size: Size, maxSide: number = PHOTO_MAX_SIDE): Size {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: spreading a whole photo into one call overflows the argument stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** Whether an encoded photo fits the stored limit (`PHOTO_MAX_BASE64` characters of base64). */
export function fitsStoredLimit(encodedBytes: number): boolean {
  return Math.ceil(encodedBytes / 3) * 4 <= PHOTO_MAX_BASE64;
}
