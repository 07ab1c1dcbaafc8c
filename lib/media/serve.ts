import { createHash } from 'node:crypto';
import type { MediaView } from '@/db/queries/views';
import { CARD_FILE_PATTERN, cardUrl } from './card-crop';
import { writeCardVariants } from './card-variants';
import { CROP_FILE_PATTERN, readOrMakeCrop, type CropRatio } from './crops';
import { MediaStorageError, type MediaStorage } from './storage';
import { MEDIA_FILE_PATTERN } from './urls';

type CardSource = Parameters<typeof writeCardVariants>[1] & Pick<MediaView, 'stem'>;

const HEADERS = {
  // Every stored name is a WebP made here; the type never comes from the storage or the name.
  'Content-Type': 'image/webp',
  // Variant names never change content: a new upload gets a new stem.
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
};

const TEXT_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

const notFound = () => new Response('Not found', { status: 404, headers: TEXT_HEADERS });

/** The file's bytes, read through this server (never a redirect to the bucket), with a content ETag. */
function image(bytes: Buffer, ifNoneMatch: string | null): Response {
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  const headers = { ...HEADERS, ETag: etag };
  if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), { headers });
}

/**
 * Answers `/media/{file}`: stored variants as they are; cards and crops made on first request
 * from the largest stored variant, wherever the storage keeps it. Names must match a strict
 * pattern (no paths); anything else, or a file that cannot be read, is a plain 404.
 */
export async function serveMediaFile(
  storage: MediaStorage,
  file: string,
  options: {
    findMedia: (stem: string) => CardSource | null | Promise<CardSource | null>;
    ifNoneMatch?: string | null;
  },
): Promise<Response> {
  const etagOf = options.ifNoneMatch ?? null;
  try {
    const card = CARD_FILE_PATTERN.exec(file);
    if (card) {
      const bytes = await storage.get(file);
      if (bytes) return image(bytes, etagOf);
      // Cards of images stored before card variants existed are made on first request, but only
      // for the image's current focal point: made-up names cannot fill the storage.
      const m = await options.findMedia(card[1]!);
      if (m && cardUrl(m, Number(card[4])) === `/media/${file}`) {
        await writeCardVariants(storage, m);
        const made = await storage.get(file);
        if (made) return image(made, etagOf);
      }
      return notFound();
    }
    if (MEDIA_FILE_PATTERN.test(file)) {
      const bytes = await storage.get(file);
      return bytes ? image(bytes, etagOf) : notFound();
    }
    const crop = CROP_FILE_PATTERN.exec(file);
    if (crop) {
      const bytes = await readOrMakeCrop(storage, crop[1]!, crop[2] as CropRatio);
      if (bytes) return image(bytes, etagOf);
    }
  } catch (e) {
    // The storage unreachable: 503, so neither a reader nor a cache takes the image for gone.
    if (e instanceof MediaStorageError) {
      console.error(`media: ${file} could not be served:`, e.message);
      return new Response('Service unavailable', {
        status: 503,
        headers: { ...TEXT_HEADERS, 'Retry-After': '5' },
      });
    }
    // An image that cannot be decoded: the same answer as an unknown name.
  }
  return notFound();
}
