/**
 * The import's media job: the images an import found (featured images, images in bodies) are
 * taken from the old site's uploads folder when one is given, otherwise fetched from the old
 * site — never during the parse, a few at a time, each checked by its content like an upload.
 * Resumable: a row stays pending until its image is stored or has failed MAX_ATTEMPTS times, so
 * `npm run import:media` picks up where a stopped run left off. Each URL is fetched once, however
 * many stories use it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Db } from '@/db/client';
import {
  attachImportedImage,
  countPendingImportImages,
  listPendingImportImages,
  noteImportImageFailure,
  type PendingImportImage,
} from '@/db/mutations/import';
import { hasMarkup, MAX_UPLOAD_BYTES, MAX_UPLOAD_PIXELS, sniffImageType } from '@/lib/media/sniff';
import type { MediaStorage } from '@/lib/media/storage';
import { storeImage, uploadStem } from '@/lib/media/upload';

export const MAX_ATTEMPTS = 3;
const FETCH_TIMEOUT_MS = 20_000;
/** The width an image inside a story is shown at (its srcset is added when the page renders). */
const BODY_WIDTH = 1200;

class PermanentFailure extends Error {}

export interface MediaJobOptions {
  /** One source's images, or (null) every source's. */
  source: string | null;
  storage: MediaStorage;
  /** The old site's wp-content/uploads folder: images are read from it and never fetched. */
  mediaDir?: string;
  /** How many images at once. */
  concurrency?: number;
  /** Stop after this many rows (the rest stay pending). */
  limit?: number;
  log?: (line: string) => void;
}

/** The file of an uploads URL inside the uploads folder, or null when it is not one (or escapes it). */
export function uploadsFile(url: string, mediaDir: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  const at = pathname.indexOf('/wp-content/uploads/');
  if (at < 0) return null;
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, pathname.slice(at + '/wp-content/uploads/'.length));
  return file.startsWith(root + path.sep) ? file : null;
}

async function download(url: string): Promise<Buffer> {
  if (!/^https?:\/\//i.test(url)) throw new PermanentFailure('not an http(s) address');
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (res.status === 404 || res.status === 410)
    throw new PermanentFailure(`the old site answered ${res.status}`);
  if (!res.ok || !res.body) throw new Error(`the old site answered ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new PermanentFailure('larger than 10 MB');
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.length;
    if (size > MAX_UPLOAD_BYTES) {
      await reader.cancel();
      throw new PermanentFailure('larger than 10 MB');
    }
    chunks.push(Buffer.from(part.value));
  }
  return Buffer.concat(chunks);
}

async function bytesOf(url: string, mediaDir: string | undefined): Promise<Buffer> {
  if (!mediaDir) return download(url);
  const file = uploadsFile(url, mediaDir);
  if (!file) throw new PermanentFailure('not under wp-content/uploads');
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new PermanentFailure('not in the uploads folder');
  if (stat.size > MAX_UPLOAD_BYTES) throw new PermanentFailure('larger than 10 MB');
  return fs.readFile(file);
}

/** The same checks as an editor's upload: an image by its bytes, no markup, a sane size. */
async function checkImage(bytes: Buffer): Promise<void> {
  if (!sniffImageType(bytes) || hasMarkup(bytes)) throw new PermanentFailure('not an image');
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!header?.width || !header.height) throw new PermanentFailure('a broken image');
  if (header.width * header.height > MAX_UPLOAD_PIXELS) throw new PermanentFailure('too many pixels');
}

export interface MediaJobResult {
  done: number;
  failed: number;
  pending: number;
}

/** Fetches and stores pending images; returns what it stored, what failed for good and what is left. */
export async function runImportMedia(db: Db, options: MediaJobOptions): Promise<MediaJobResult> {
  const result: MediaJobResult = { done: 0, failed: 0, pending: 0 };
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let handled = 0;
  const seenThisRun = new Set<number>();
  for (;;) {
    const batch = (await listPendingImportImages(db, options.source, 200)).filter(
      (r) => !seenThisRun.has(r.id),
    );
    if (batch.length === 0 || handled >= limit) break;
    // One fetch per URL: the rows of every story that uses it go together.
    const byUrl = new Map<string, PendingImportImage[]>();
    for (const r of batch) {
      seenThisRun.add(r.id);
      byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r]);
    }
    const groups = [...byUrl.values()];
    let next = 0;
    const worker = async () => {
      while (next < groups.length && handled < limit) {
        const rows = groups[next++]!;
        handled += rows.length;
        try {
          const bytes = await bytesOf(rows[0]!.url, options.mediaDir);
          await checkImage(bytes);
          const stored = await storeImage(options.storage, bytes, uploadStem(bytes));
          const width =
            [...stored.variantWidths].reverse().find((w) => w <= BODY_WIDTH) ?? stored.variantWidths[0]!;
          await attachImportedImage(db, rows, stored, width);
          result.done += rows.length;
        } catch (error) {
          const final = error instanceof PermanentFailure || rows[0]!.attempts + 1 >= MAX_ATTEMPTS;
          const message = error instanceof Error ? error.message : String(error);
          await noteImportImageFailure(
            db,
            rows.map((r) => r.id),
            message,
            final,
          );
          if (final) {
            result.failed += rows.length;
            options.log?.(`image not imported: ${rows[0]!.url} (${message})`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  result.pending = await countPendingImportImages(db, options.source);
  return result;
}
