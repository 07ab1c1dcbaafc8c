import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { startS3Server } from '../helpers/s3-server';
import { startServer, type RunningServer } from '../helpers/server';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/** The production server with MEDIA_STORAGE=s3 against s3rver: no image touches its disk. */
let s3: Awaited<ReturnType<typeof startS3Server>>;
let server: RunningServer;
let bucket: MediaStorage;
let db: Db;
let account: Awaited<ReturnType<typeof signedInUser>>;

beforeAll(async () => {
  s3 = await startS3Server();
  server = await startServer(s3.env);
  bucket = createMediaStorage(s3.settings);
  db = openServerDb(server.dataDir);
  account = await signedInUser(db, 'media-s3', 'writer', 'مصوّرة');
});
afterAll(async () => {
  await account?.remove();
  if (db) await closeDb(db);
  await server?.stop();
  await s3?.stop();
});

describe('media in an S3 bucket', () => {
  it('uploads into the bucket and serves the variants, a crop and a card from it', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'حديقة.jpg');
    form.set('alt', 'حديقة عامة في الربيع');
    const res = await fetch(`${server.baseURL}/api/media`, {
      method: 'POST',
      body: form,
      headers: { Origin: server.baseURL, Cookie: account.cookie },
    });
    expect(res.status).toBe(201);
    const { stem, focalX, focalY } = (await res.json()) as { stem: string; focalX: number; focalY: number };
    expect(await bucket.list(`${stem}-`)).toEqual(
      expect.arrayContaining([`${stem}-480.webp`, `${stem}-960.webp`]),
    );
    const card = `${stem}-f${Math.round(focalX * 1000)}-${Math.round(focalY * 1000)}-480.webp`;
    for (const file of [`${stem}-960.webp`, `${stem}-4x3.webp`, card]) {
      const image = await fetch(`${server.baseURL}/media/${file}`);
      expect(image.status, file).toBe(200);
      expect(image.headers.get('content-type'), file).toBe('image/webp');
      expect(image.headers.get('x-content-type-options'), file).toBe('nosniff');
      expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).format, file).toBe('webp');
    }
    expect(await bucket.stat(`${stem}-4x3.webp`)).not.toBeNull();
  });

  it('keeps the demo images there too, and nothing in the data folder', async () => {
    expect((await bucket.list('demo-')).length).toBeGreaterThan(0);
    const home = await (await fetch(server.baseURL)).text();
    const src = /src="(\/media\/demo-[a-z0-9-]+\.webp)"/.exec(home)?.[1];
    expect(src).toBeDefined();
    expect((await fetch(`${server.baseURL}${src}`)).status).toBe(200);
    expect(fs.existsSync(path.join(server.dataDir, 'media'))).toBe(false);
  });

  it('names the bucket in its log, never the secret key', () => {
    const log = fs.readFileSync(server.logFile, 'utf8');
    expect(log).toContain(`S3 bucket ${s3.bucket}`);
    expect(log).not.toContain(s3.env.S3_SECRET_ACCESS_KEY);
  });
});
