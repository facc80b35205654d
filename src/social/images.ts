import os from 'node:os';
import { encode } from 'blurhash';
import sharp, { type Sharp } from 'sharp';
import { Problem } from '../platform/problems.ts';
import { semaphore } from './semaphore.ts';

// What an uploaded image becomes before it is kept (docs/social.md, "Media"): re-encoded from its
// pixels, so nothing of the original file (EXIF, GPS, XMP, comments, trailing bytes) survives.
// sharp decodes and encodes on libuv's thread pool, not the event loop.

/** The image types a post may carry: those every browser shows and sharp reads and writes. */
export const mediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type MediaType = (typeof mediaTypes)[number];

/** Whether `type` is one of `mediaTypes`. */
export function isMediaType(type: string | undefined): type is MediaType {
  return (mediaTypes as readonly string[]).includes(type ?? '');
}

/** The longest side of a kept image, and of its thumbnail. */
const longestSide = 2048;
const thumbnailSide = 400;
/** Above this many pixels an image is refused unread: a small file can decode to gigabytes. */
const pixelLimit = 50_000_000;
/** A PNG larger than this is tried again as a palette PNG, and the smaller kept. */
const pngPaletteAbove = 2 * 1024 * 1024;

/** A processed image: the bytes to keep, a WebP thumbnail, and what a client lays out with. */
export interface ProcessedImage {
  bytes: Buffer;
  contentType: MediaType;
  thumbnail: Buffer;
  width: number;
  height: number;
  blurhash: string;
}

/**
 * Images decoded at once. A decoded image may take hundreds of megabytes (a 50-megapixel RGBA
 * bitmap is 200 MB), so this, not the request count, is what bounds the memory uploads take.
 */
const decoding = semaphore(2 * os.availableParallelism());

/**
 * `input` (of the sniffed `type`) made fit to keep: turned upright by its EXIF orientation,
 * resized to fit 2,048 px, re-encoded without any metadata; with a 400 px WebP thumbnail and a
 * blurhash. An unreadable, truncated or too large (over 50 megapixels) image is `media-unreadable`.
 *
 * @example
 * const image = await processImage(bytes, 'image/jpeg'); // image.bytes carries no EXIF
 */
export function processImage(input: Buffer, type: MediaType): Promise<ProcessedImage> {
  return decoding(async () => {
    try {
      const kept = await reencode(input, type);
      const [thumbnail, blurhash] = await Promise.all([
        thumbnailOf(kept.bytes),
        blurhashOf(kept.bytes),
      ]);
      return { ...kept, contentType: type, thumbnail, blurhash };
    } catch (error) {
      if (error instanceof Problem) throw error;
      throw unreadable(error as Error);
    }
  });
}

function unreadable(error: Error): Problem {
  if (/pixel limit/i.test(error.message)) {
    return new Problem(
      'media-unreadable',
      `The image has more than ${pixelLimit.toLocaleString('en')} pixels`,
    );
  }
  return new Problem('media-unreadable', `The image could not be read: ${error.message}`);
}

/**
 * Decodes `input` and encodes it again in its own type. No `withMetadata`/`keepMetadata`: sharp
 * then writes no EXIF, GPS, XMP or ICC profile, and converts to sRGB. An animated GIF stays
 * animated (every frame is resized).
 */
async function reencode(input: Buffer, type: MediaType) {
  const image = sharp(input, {
    limitInputPixels: pixelLimit,
    failOn: 'error',
    animated: type === 'image/gif',
  })
    .rotate()
    .resize(longestSide, longestSide, { fit: 'inside', withoutEnlargement: true });
  let { data, info } = await encoded(image.clone(), type).toBuffer({ resolveWithObject: true });
  if (type === 'image/png' && data.length > pngPaletteAbove) {
    // The least effort: quantising a photo at the default effort takes seconds per megapixel.
    const palette = await image.png({ palette: true, effort: 1 }).toBuffer();
    if (palette.length < data.length) data = palette;
  }
  // An animated image's height is that of its frames stacked; a frame's is `pageHeight`.
  return { bytes: data, width: info.width, height: info.pageHeight ?? info.height };
}

function encoded(image: Sharp, type: MediaType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 82, mozjpeg: true });
    case 'image/png':
      return image.png();
    case 'image/webp':
      return image.webp({ quality: 80 });
    case 'image/gif':
      return image.gif();
  }
}

/** A 400 px WebP of the kept image (its first frame, for a GIF). */
function thumbnailOf(kept: Buffer): Promise<Buffer> {
  return sharp(kept)
    .resize(thumbnailSide, thumbnailSide, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** The placeholder a client paints while the image loads: 4 × 3 components of a 32 × 32 copy. */
async function blurhashOf(kept: Buffer): Promise<string> {
  const { data, info } = await sharp(kept)
    .resize(32, 32, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return encode(new Uint8ClampedArray(data), info.width, info.height, 4, 3);
}
