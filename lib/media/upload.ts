import { createHash } from 'node:crypto';
import { attentionFocalPoint, writeCardVariants } from './card-variants';
import type { MediaStorage } from './storage';
import { writeMediaVariants } from './variants';

/**
 * An upload's stem: `u`, the upload time in base 36, and the first 8 hex digits of the SHA-256 of
 * its bytes. The time keeps two uploads of one picture apart (each has its own row, text and
 * deletion); the hash makes the name say what it holds, so even a clash of names would name the
 * same picture. Base-36 times of today's length sort as they happen, which the orphan sweep uses.
 */
export function uploadStem(bytes: Uint8Array, now = Date.now()): string {
  return `u${now.toString(36)}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
}

/** `u{time}-{8 hex}`, as uploadStem makes them (and the random stems made before it). */
export const UPLOAD_STEM = /^(u([0-9a-z]+)-[0-9a-f]{8})-/;

/** When the upload of the file named `key` began, or null when the key is not an upload's. */
export function uploadTimeOf(key: string): number | null {
  const time = UPLOAD_STEM.exec(key)?.[2];
  return time ? parseInt(time, 36) : null;
}

/**
 * Stores an image's variants and its 16:9 cards (around the point sharp's attention strategy
 * picks; an editor may move it) and returns what its media row needs.
 */
export async function storeImage(storage: MediaStorage, bytes: Buffer, stem: string) {
  const size = await writeMediaVariants(storage, bytes, stem);
  const focal = await attentionFocalPoint(bytes);
  await writeCardVariants(storage, { stem, ...size, focalX: focal.x, focalY: focal.y });
  return { stem, ...size, focalX: focal.x, focalY: focal.y };
}
