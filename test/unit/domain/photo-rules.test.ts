import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BASE64 } from '../../../src/domain/entities/photo';
import { AppError } from '../../../src/domain/errors';
import {
  bytesToBase64,
  checkPhotoBytes,
  checkPhotoFileSize,
  fitsStoredLimit,
  fitWithin,
  imageSize,
  PHOTO_INPUT_MAX_BYTES,
  sniffImageType,
} from '../../../src/domain/photo-rules';
import { en } from '../../../src/i18n/en';
import { nl } from '../../../src/i18n/nl';

// 3×2 images as Chromium's canvas encodes them (toDataURL), so the parser meets real encoder output.
const JPEG_3X2 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8LCwkMEQ8SEhEPERETFhwXExQaFRERGCEYGh0dHx8fExciJCIeJBweHx7/2wBDAQUFBQcGBw4ICA4eFBEUHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh7/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgj/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCKABKo3//Z';
const PNG_3X2 =
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAEklEQVR4AWI6w8DwH4aZGJAAAAAA//8oLckKAAAABklEQVQDAGhmBWbdDDM4AAAAAElFTkSuQmCC';
/** Extended format (VP8X, with an ICC profile) around a lossy VP8 frame, quality 0.8. */
const WEBP_LOSSY_3X2 =
  'UklGRh4CAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggMAAAANABAJ0BKgMAAgABQCYloAJ0ugH4AAOwAP73WS/+QWlct4A//jKnxlT4yp/xcwAAAA==';
/** The same around a lossless VP8L frame (quality 1). */
const WEBP_LOSSLESS_3X2 =
  'UklGRv4BAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDhMDwAAAC8CQAAABxBljv4HIqL/AQA=';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** The simple WebP format: just the frame chunk of an extended file, in a RIFF of its own. */
function simpleWebp(extended: Uint8Array, chunk: 'VP8 ' | 'VP8L'): Uint8Array {
  const text = Buffer.from(extended).toString('latin1');
  const at = text.indexOf(chunk);
  const frame = extended.subarray(at);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + frame.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return new Uint8Array(Buffer.concat([riff, frame]));
}

/** A real PNG of the given size (grey, one zlib stream), made here so a huge one costs nothing to describe. */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    return out; // CRC left zero: only the header is read before decoding
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(16))),
    ]),
  );
}

function keyOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.key : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

describe('what kind of image a file is, by its bytes', () => {
  it('knows JPEG, PNG and WebP, lossy and lossless, extended and simple', () => {
    expect(sniffImageType(bytes(JPEG_3X2))).toBe('image/jpeg');
    expect(sniffImageType(bytes(PNG_3X2))).toBe('image/png');
    expect(sniffImageType(bytes(WEBP_LOSSY_3X2))).toBe('image/webp');
    expect(sniffImageType(simpleWebp(bytes(WEBP_LOSSLESS_3X2), 'VP8L'))).toBe('image/webp');
  });

  it('refuses what only pretends to be a photo: GIF, SVG, PDF, a text file, an empty file', () => {
    const refused = [
      Buffer.from('GIF89a\x03\x00\x02\x00', 'latin1'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"/>'),
      Buffer.from('%PDF-1.7\n'),
      Buffer.from('Dit is geen foto.jpg'),
      Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1'),
      Buffer.alloc(0),
    ];
    for (const file of refused) {
      expect(sniffImageType(new Uint8Array(file))).toBeNull();
      expect(keyOf(() => checkPhotoBytes(new Uint8Array(file)))).toBe('errors.photoNotImage');
    }
  });
});

describe('the pixel size, read from the header before decoding', () => {
  it('matches what the encoder wrote, for every format', () => {
    const size = { width: 3, height: 2 };
    expect(imageSize(bytes(JPEG_3X2), 'image/jpeg')).toEqual(size);
    expect(imageSize(bytes(PNG_3X2), 'image/png')).toEqual(size);
    expect(imageSize(bytes(WEBP_LOSSY_3X2), 'image/webp')).toEqual(size);
    expect(imageSize(bytes(WEBP_LOSSLESS_3X2), 'image/webp')).toEqual(size);
    expect(imageSize(simpleWebp(bytes(WEBP_LOSSY_3X2), 'VP8 '), 'image/webp')).toEqual(size);
    expect(imageSize(simpleWebp(bytes(WEBP_LOSSLESS_3X2), 'VP8L'), 'image/webp')).toEqual(size);
  });

  it('finds a JPEG frame behind a large camera (EXIF) segment', () => {
    const jpeg = bytes(JPEG_3X2);
    const exif = Buffer.alloc(60_000 + 4);
    exif.writeUInt16BE(0xffe1, 0);
    exif.writeUInt16BE(60_000 + 2, 2);
    exif.write('Exif\0\0', 4, 'latin1');
    const withExif = new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]));
    expect(checkPhotoBytes(withExif)).toEqual({ mime: 'image/jpeg', size: { width: 3, height: 2 } });
  });

  it('calls a file cut off before its size damaged, not a photo of some size', () => {
    const jpeg = bytes(JPEG_3X2);
    const frameAt = Buffer.from(jpeg).indexOf(Buffer.from([0xff, 0xc0]));
    expect(keyOf(() => checkPhotoBytes(jpeg.subarray(0, frameAt + 4)))).toBe('errors.photoUnreadable');
    expect(keyOf(() => checkPhotoBytes(bytes(PNG_3X2).subarray(0, 20)))).toBe('errors.photoUnreadable');
    expect(keyOf(() => checkPhotoBytes(bytes(WEBP_LOSSY_3X2).subarray(0, 16)))).toBe('errors.photoUnreadable');
  });

  it('refuses a small file that would decode to too many pixels', () => {
    const bomb = pngHeader(20_000, 20_000);
    expect(bomb.byteLength).toBeLessThan(200);
    expect(keyOf(() => checkPhotoBytes(bomb))).toBe('errors.photoTooManyPixels');
    // A 48-megapixel phone photo is fine.
    expect(checkPhotoBytes(pngHeader(8000, 6000)).size).toEqual({ width: 8000, height: 6000 });
  });
});

describe('the file size limit', () => {
  it('refuses a 20 MB photo before reading it, and accepts one just under the limit', () => {
    expect(keyOf(() => checkPhotoFileSize(20 * 1024 * 1024))).toBe('errors.photoTooLarge');
    expect(keyOf(() => checkPhotoFileSize(PHOTO_INPUT_MAX_BYTES + 1))).toBe('errors.photoTooLarge');
    expect(keyOf(() => checkPhotoFileSize(PHOTO_INPUT_MAX_BYTES))).toBeUndefined();
  });

  it('says the same limit in both languages as the code enforces', () => {
    const megabytes = `${PHOTO_INPUT_MAX_BYTES / 1024 / 1024} MB`;
    expect(nl.errors.photoTooLarge).toContain(megabytes);
    expect(en.errors.photoTooLarge).toContain(megabytes);
  });
});

describe('resizing and storing', () => {
  it('fits the long side within 512 px, keeps proportions and never enlarges', () => {
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 512, height: 384 });
    expect(fitWithin({ width: 3000, height: 4000 })).toEqual({ width: 384, height: 512 });
    expect(fitWithin({ width: 300, height: 200 })).toEqual({ width: 300, height: 200 });
    expect(fitWithin({ width: 10_000, height: 3 })).toEqual({ width: 512, height: 1 });
  });

  it('encodes base64 exactly as Node does, also for data larger than one chunk (seeded bytes)', () => {
    let seed = 20261128;
    const data = new Uint8Array(100_003).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    });
    expect(bytesToBase64(data)).toBe(Buffer.from(data).toString('base64'));
  });

  it('knows which encoded sizes fit the photos table', () => {
    const largest = (PHOTO_MAX_BASE64 / 4) * 3;
    expect(fitsStoredLimit(largest)).toBe(true);
    expect(fitsStoredLimit(largest + 1)).toBe(false);
  });
});
