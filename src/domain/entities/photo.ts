import { z } from 'zod';
import { text } from '../text';

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Base64 of at most ~300 kB of image: photos are resized on the device before they are stored. */
export const PHOTO_MAX_BASE64 = 400_000;

/** An image (a portrait, a logo), kept apart from the records that show it. */
export const PhotoFields = z.object({
  mime: z.enum(PHOTO_MIME_TYPES),
  data: z
    .string()
    .max(PHOTO_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  width: z.number().int().min(1).max(4096),
  height: z.number().int().min(1).max(4096),
  /** Who may be credited, or where it came from. */
  credit: text(200).default(''),
});
export type PhotoFields = z.infer<typeof PhotoFields>;
