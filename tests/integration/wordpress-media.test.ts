import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, importItems, importMedia, media } from '@/db/schema';
import { importWordPress } from '@/lib/import/wordpress/import';
import { runImportMedia, uploadsFile } from '@/lib/import/wordpress/media-job';
import { createMediaStorage } from '@/lib/media/storage';
import { buildWxr } from '../helpers/wp-export';
import { createSeededDb } from '../helpers/test-db';

/**
 * The import's media job against a real HTTP server standing in for the old site: images are
 * fetched after the import (never during it), each URL once, checked by content, resumable, and
 * what fails is reported and left alone.
 */
let t: Awaited<ReturnType<typeof createSeededDb>>;
let oldSite: http.Server;
let origin = '';
const requests: string[] = [];
let photo: Buffer;

beforeAll(async () => {
  t = await createSeededDb({ articles: 4 });
  photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#8a5a2b' } })
    .jpeg()
    .toBuffer();
  oldSite = http.createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === '/wp-content/uploads/2024/05/photo.jpg') res.end(photo);
    else if (req.url === '/wp-content/uploads/2024/05/page.jpg')
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html><script>alert(1)</script></html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => oldSite.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(oldSite.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => oldSite.close(resolve));
  await t.cleanup();
});

describe('the media job of an import', () => {
  it('fetches each image once after the import, sets heroes, swaps body images, and reports failures', async () => {
    const file = path.join(t.dir, 'media.xml');
    const upload = (name: string) => `${origin}/wp-content/uploads/2024/05/${name}`;
    fs.writeFileSync(
      file,
      buildWxr({
        siteUrl: origin,
        items: [
          {
            id: 11,
            title: 'صورة في المتن وصورة بارزة',
            slug: 'a',
            content: `<p>قبل الصورة</p><img src="${upload('photo.jpg')}" alt="صورة الحقل"><p>بعدها</p>`,
            meta: { _thumbnail_id: '21' },
          },
          { id: 12, title: 'صورة مفقودة', slug: 'b', meta: { _thumbnail_id: '22' } },
          { id: 13, title: 'ليست صورة', slug: 'c', meta: { _thumbnail_id: '23' } },
          ...[
            [21, 'photo.jpg'],
            [22, 'gone.jpg'],
            [23, 'page.jpg'],
          ].map(([id, name]) => ({
            id: id as number,
            title: String(name),
            slug: String(name),
            type: 'attachment',
            status: 'inherit',
            attachmentUrl: upload(String(name)),
            meta: { _wp_attachment_image_alt: `وصف ${name}` },
          })),
        ],
      }),
    );
    const { source } = await importWordPress(t.db, file);
    // The parse fetched nothing.
    expect(requests).toEqual([]);
    const pending = await t.db.select().from(importMedia).where(eq(importMedia.source, source));
    expect(pending.map((r) => r.state)).toEqual(['pending', 'pending', 'pending', 'pending']);

    const storage = createMediaStorage({ kind: 'local', dir: t.mediaDir });
    // Stopped after one: the rest waits for the next run.
    const first = await runImportMedia(t.db, { source, storage, limit: 1 });
    expect(first).toMatchObject({ done: 2, pending: 2 });
    const second = await runImportMedia(t.db, { source, storage });
    expect(second).toMatchObject({ done: 0, failed: 2, pending: 0 });
    // One request per URL, however many stories use it.
    expect(requests.filter((r) => r.endsWith('photo.jpg'))).toHaveLength(1);

    const story = async (oldId: string) =>
      (
        await t.db
          .select({ heroMediaId: articles.heroMediaId, body: articles.body })
          .from(articles)
          .innerJoin(importItems, and(eq(importItems.newId, articles.id), eq(importItems.kind, 'post')))
          .where(and(eq(importItems.source, source), eq(importItems.oldId, oldId)))
      )[0]!;
    const a = await story('11');
    const hero = (await t.db.select().from(media).where(eq(media.id, a.heroMediaId!)))[0]!;
    expect(hero.alt).toBe('وصف photo.jpg');
    expect(a.body).toMatch(new RegExp(`<img src="/media/${hero.stem}-\\d+\\.webp" alt="صورة الحقل"`));
    expect(a.body).not.toContain(origin);
    expect((await story('12')).heroMediaId).toBeNull();
    expect((await story('13')).heroMediaId).toBeNull();
    const failed = await t.db
      .select({ url: importMedia.url, error: importMedia.error, state: importMedia.state })
      .from(importMedia)
      .where(and(eq(importMedia.source, source), eq(importMedia.state, 'failed')));
    expect(new Map(failed.map((f) => [path.basename(f.url), f.error]))).toEqual(
      new Map([
        ['gone.jpg', 'the old site answered 404'],
        ['page.jpg', 'not an image'],
      ]),
    );
  });

  it('reads an uploads folder only inside it', () => {
    expect(uploadsFile('https://old.example/wp-content/uploads/2024/05/a.jpg', '/srv/up')).toBe(
      '/srv/up/2024/05/a.jpg',
    );
    expect(
      uploadsFile('https://old.example/wp-content/uploads/%2e%2e/%2e%2e/etc/passwd', '/srv/up'),
    ).toBeNull();
    expect(uploadsFile('https://old.example/other/a.jpg', '/srv/up')).toBeNull();
  });
});
