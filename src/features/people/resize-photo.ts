/**
 * Turns a picked image file into a stored photo in the renderer: refused early when too large or
 * not a real image (src/domain/photo-rules.ts), then decoded, drawn at most 512 px on the long
 * side on a canvas and encoded as JPEG small enough for the photos table.
 */
import {
  bytesToBase64,
  checkPhotoBytes,
  checkPhotoFileSize,
  fitsStoredLimit,
  fitWithin,
  PHOTO_JPEG_QUALITIES,
  type PhotoMime,
  type Size,
} from '../../domain/photo-rules';
import { AppError } from '../../domain/errors';
import type { PhotoInput } from './people-actions';

async function readBytes(file: Blob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new AppError('errors.fileReadFailed', `photo could not be read: ${String(error)}`);
  }
}

async function decode(bytes: Uint8Array, mime: PhotoMime): Promise<ImageBitmap> {
  try {
    // The photo's own orientation (EXIF) is applied, so a portrait taken upright stays upright.
    return await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }), { imageOrientation: 'from-image' });
  } catch (error) {
    throw new AppError('errors.photoUnreadable', `photo could not be decoded: ${String(error)}`);
  }
}

async function encodeJpeg(image: ImageBitmap, size: Size, quality: number): Promise<Uint8Array> {
  const draw = (context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, size.width, size.height);
  };
  let blob: Blob | null;
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new AppError('errors.photoUnreadable', 'no 2d canvas');
    draw(context);
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new AppError('errors.photoUnreadable', 'no 2d canvas');
    draw(context);
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  }
  if (!blob) throw new AppError('errors.photoUnreadable', 'the canvas gave no JPEG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The photo to store for a picked file; an AppError (in the user's words) when it cannot be. */
export async function preparePhoto(file: Blob): Promise<PhotoInput> {
  // Before a single byte is read: a 20 MB file is refused without loading it.
  checkPhotoFileSize(file.size);
  const bytes = await readBytes(file);
  const { mime } = checkPhotoBytes(bytes);
  const image = await decode(bytes, mime);
  try {
    const size = fitWithin({ width: image.width, height: image.height });
    for (const quality of PHOTO_JPEG_QUALITIES) {
      const jpeg = await encodeJpeg(image, size, quality);
      if (fitsStoredLimit(jpeg.byteLength)) {
        return { mime: 'image/jpeg', data: bytesToBase64(jpeg), width: size.width, height: size.height };
      }
    }
    throw new AppError('errors.photoTooLarge', 'the resized photo is still too large');
  } finally {
    image.close();
  }
}
