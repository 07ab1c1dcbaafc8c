import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMedia } from '@/db/mutations/media';
import { getMediaByStem } from '@/db/queries/media';
import { createUser } from '@/db/mutations/users';
import { cardFallback } from '@/lib/media/card-crop';
import { removeCardVariants, removeMediaFiles } from '@/lib/media/card-variants';
import { serveMediaFile } from '@/lib/media/serve';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { storeImage, uploadStem } from '@/lib/media/upload';
import { startS3Server } from '../helpers/s3-server';
import { createTestDb } from '../helpers/test-db';

/** An upload kept only in a bucket: its variants, its cards and its crops all come from there. */
let s3: Awaited<ReturnType<typeof startS3Server>>;
let storage: MediaStorage;
let t: Awaited<ReturnType<typeof createTestDb>>;
let stem: string;

const serve = (file: string, ifNoneMatch?: string) =>
  serveMediaFile(storage, file, { findMedia: (s) => getMediaByStem(t.db, s), ifNoneMatch });

beforeAll(async () => {
  s3 = await startS3Server();
  storage = createMediaStorage(s3.settings);
  t = await createTestDb();
  const userId = await createUser(
    t.db,
    { email: 's3@example.test', name: 'مصوّر', slug: 's3-writer', role: 'writer', passwordHash: 'x' },
    null,
  );
  // A landscape photo with a bright subject on its right.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="#556"/><circle cx="1250" cy="450" r="180" fill="#e02020"/></svg>`;
  const photo = await sharp(Buffer.from(svg)).jpeg().toBuffer();
  const stored = await storeImage(storage, photo, uploadStem(photo));
  stem = stored.stem;
  await insertMedia(t.db, userId, { ...stored, alt: 'صورة في الدلو', caption: '', credit: '' });
});
afterAll(async () => {
  await t?.cleanup();
  await s3?.stop();
});

describe('an upload stored in S3', () => {
  it('has its variants and cards in the bucket and nothing on local disk', async () => {
    const keys = await storage.list(`${stem}-`);
    expect(keys).toEqual(
      expect.arrayContaining([`${stem}-480.webp`, `${stem}-960.webp`, `${stem}-1440.webp`]),
    );
    const card = cardFallback((await getMediaByStem(t.db, stem))!).src.replace('/media/', '');
    expect(keys).toContain(card);
    expect(fs.existsSync(t.mediaDir)).toBe(false);
  });

  it('is served through the server as WebP with nosniff, immutable caching and a content ETag', async () => {
    const res = await serve(`${stem}-960.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width]).toEqual(['webp', 960]);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await serve(`${stem}-960.webp`, etag);
    expect(again.status).toBe(304);
    expect((await serve(`${stem}-480.webp`, etag)).status).toBe(200);
  });

  it('gets its search-engine crops made from the bucket on first request, then kept there', async () => {
    expect(await storage.stat(`${stem}-1x1.webp`)).toBeNull();
    const res = await serve(`${stem}-1x1.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    // From the largest stored variant (1440 × 900), not the upload, which is not kept.
    expect([meta.width, meta.height]).toEqual([900, 900]);
    expect(await storage.stat(`${stem}-1x1.webp`)).not.toBeNull();
  });

  it('gets a missing card made again from the bucket, around the stored focal point', async () => {
    const m = (await getMediaByStem(t.db, stem))!;
    const card = cardFallback(m);
    await removeCardVariants(storage, stem);
    expect(await storage.list(`${stem}-f`)).toEqual([]);
    const res = await serve(card.src.replace('/media/', ''));
    expect(res.status).toBe(200);
    const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
      .resize(16, 9)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([16, 9]);
    // The red subject survived the 16:9 cut.
    expect([...Array(16 * 9).keys()].some((i) => data[i * 3]! > 180 && data[i * 3 + 1]! < 90)).toBe(true);
    // A made-up focal point makes nothing.
    expect((await serve(`${stem}-f1-1-480.webp`)).status).toBe(404);
    expect(await storage.stat(`${stem}-f1-1-480.webp`)).toBeNull();
  });

  it('answers names it does not hold, or may not hold, with a plain 404', async () => {
    for (const file of [
      `${stem}-720.webp`,
      'nobody-16x9.webp',
      '..%2fmidad.db',
      'x.svg',
      `${stem}-960.webp.tmp`,
    ]) {
      const res = await serve(file);
      expect(res.status, file).toBe(404);
      expect(res.headers.get('content-type'), file).toBe('text/plain; charset=utf-8');
    }
  });

  it('answers 503, not 404, while the bucket cannot be reached', async () => {
    const away = createMediaStorage({ ...s3.settings, endpoint: 'http://127.0.0.1:1' });
    const res = await serveMediaFile(away, `${stem}-960.webp`, { findMedia: () => null });
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves nothing of the image in the bucket once it is deleted', async () => {
    await removeMediaFiles(storage, stem);
    expect(await storage.list(`${stem}-`)).toEqual([]);
  });
});
