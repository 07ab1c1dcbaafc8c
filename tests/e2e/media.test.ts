import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

const base = inject('baseURL');
let db: Db;
let cookie = '';
let account: Awaited<ReturnType<typeof signedInUser>>;

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  account = await signedInUser(db, 'media', 'writer', 'مصوّر');
  cookie = account.cookie;
});
afterAll(async () => {
  await account.remove();
  await closeDb(db);
});

async function upload(
  file: Blob,
  name: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', file, name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(`${base}/api/media`, {
    method: 'POST',
    body: form,
    headers: { Origin: base, Cookie: cookie, ...headers },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('media upload', () => {
  it('accepts a photo, strips its EXIF/GPS and serves cached WebP variants', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'secret-artist' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '33/1 30/1 0/1' },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { status, json } = await upload(
      new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }),
      'بيروت.jpg',
      {
        alt: 'واجهة بحرية عند الغروب',
        caption: 'الكورنيش',
        credit: 'مداد',
      },
    );
    expect(status).toBe(201);
    expect(json.variantWidths).toEqual([480, 960]);
    const variant = await fetch(`${base}/media/${json.stem}-960.webp`);
    expect(variant.status).toBe(200);
    expect(variant.headers.get('cache-control')).toContain('immutable');
    const meta = await sharp(Buffer.from(await variant.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
  });

  it('decides the type by the bytes: an SVG named .jpg is refused with an Arabic message', async () => {
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {
      type: 'image/jpeg',
    });
    const { status, json } = await upload(svg, 'photo.jpg', { alt: 'صورة' });
    expect(status).toBe(415);
    expect(json.message).toContain('نوع الملف غير مقبول');
  });

  it('requires alt text, a session and the same origin', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const blob = new Blob([new Uint8Array(png)], { type: 'image/png' });
    expect((await upload(blob, 'a.png', { alt: ' ' })).status).toBe(400);
    expect((await upload(blob, 'a.png', { alt: 'x' }, { Cookie: '' })).status).toBe(401);
    expect((await upload(blob, 'a.png', { alt: 'x' }, { Origin: 'https://evil.example' })).status).toBe(403);
  });
});
