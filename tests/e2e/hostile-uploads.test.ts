import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { media } from '@/db/schema';
import { MAX_UPLOAD_BYTES } from '@/lib/media/sniff';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/**
 * Hostile files sent to the upload endpoint as an editor: each is refused with a 4xx and an
 * Arabic message, quickly, and nothing the server stores is ever served as HTML or SVG.
 */
const base = inject('baseURL');
const dataDir = inject('dataDir');
let db: Db;
let editor: Awaited<ReturnType<typeof signedInUser>>;
const timings: string[] = [];
const ARABIC = /[\u0600-\u06FF]/;

beforeAll(async () => {
  db = openServerDb(dataDir);
  editor = await signedInUser(db, 'hostile-upload', 'editor', 'محررة الرفع');
});
afterAll(async () => {
  await editor.remove();
  await closeDb(db);
  console.log(`hostile-uploads, time to refuse:\n  ${timings.join('\n  ')}`);
});

async function upload(name: string, bytes: Uint8Array, type: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  form.set('alt', 'وصف الصورة');
  const started = performance.now();
  const res = await fetch(`${base}/api/media`, {
    method: 'POST',
    headers: { Cookie: editor.cookie, Origin: base },
    body: form,
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  const ms = Math.round(performance.now() - started);
  timings.push(`${name}: ${res.status} in ${ms} ms`);
  return { status: res.status, body };
}

/** A PNG header promising `side`×`side` 1-bit pixels, with real (highly compressible) rows. */
function pngBomb(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth 1
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mediaCountOf = () => db.$count(media);

describe('hostile uploads', () => {
  it('refuses each hostile file with a 4xx and an Arabic message, and stores none of them', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#345' } })
      .jpeg()
      .toBuffer();
    const cases: [string, Uint8Array, string][] = [
      [
        'script.svg',
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
        ),
        'image/svg+xml',
      ],
      [
        'page.jpg',
        Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
        'image/jpeg',
      ],
      [
        'polyglot.jpg',
        Buffer.concat([
          jpeg,
          Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
        ]),
        'image/jpeg',
      ],
      ['polyglot.gif', Buffer.from("GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=1;alert('gif')//"), 'image/gif'],
      ['bomb-20000.png', pngBomb(20_000), 'image/png'],
      ['bomb-16000.png', pngBomb(16_000), 'image/png'],
      ['empty.jpg', new Uint8Array(0), 'image/jpeg'],
      [
        'limit-plus-one.jpg',
        Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)]),
        'image/jpeg',
      ],
    ];
    const before = await mediaCountOf();
    for (const [name, bytes, type] of cases) {
      const { status, body } = await upload(name, bytes, type);
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
      expect(body.message ?? '', name).toMatch(ARABIC);
      // Still answering after each one.
      expect((await fetch(`${base}/api/health`)).status, `health after ${name}`).toBe(200);
    }
    expect(await mediaCountOf()).toBe(before);
  });

  it('an ordinary photo is still accepted', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a63' } })
      .jpeg()
      .toBuffer();
    const { status } = await upload('photo.jpg', photo, 'image/jpeg');
    expect(status).toBe(201);
  });

  it('every file under /media answers as an image with nosniff, never as HTML or SVG', async () => {
    const files = fs.readdirSync(path.join(dataDir, 'media'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const res = await fetch(`${base}/media/${encodeURIComponent(file)}`);
      await res.arrayBuffer();
      const type = res.headers.get('content-type') ?? '';
      expect(type, file).not.toMatch(/html|svg|xml|javascript/);
      if (res.status === 200) {
        expect(type, file).toMatch(/^image\/(webp|jpeg|png|gif|avif)$/);
        expect(res.headers.get('x-content-type-options'), file).toBe('nosniff');
      }
    }
  });
});
