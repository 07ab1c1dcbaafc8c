import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { removeImportedRedirects, saveImportedRedirects } from '@/db/mutations/redirects';
import { articles, media, sections } from '@/db/schema';
import { writeTx } from '@/db/tx';
import { articlePath } from '@/lib/article-url';
import { legacyKeys } from '@/lib/import/wordpress/legacy-urls';
import { mediaUrl } from '@/lib/media/urls';
import { noticedByServer, openServerDb } from '../helpers/server-db';

/**
 * Old WordPress addresses of an imported site, written as the importer writes them
 * (saveImportedRedirects with legacyKeys), each answered by the running server with one 301 to a
 * page that answers 200.
 */
const base = inject('baseURL');
const SOURCE = `https://legacy-e2e-${Date.now()}.example`;
const lowerHex = (s: string) => encodeURIComponent(s).toLowerCase();
const upperHex = (s: string) => encodeURIComponent(s);
// The post's slug on the old site, which differs from the story's own.
const WP_SLUG = 'خبر-من-الموقع-القديم';
// A slug WordPress cut at its byte cap inside the last letter: decodeURIComponent throws on it.
const CUT = upperHex('خبر-مقطوع-عند-الحد').slice(0, -3);
const CATEGORY = 'أخبار-محلية';
const OLD_ID = 900_001;

let db: Db;
let story: { id: number; slug: string; locale: string };
let section = '';
let image = '';

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  story = (
    await db
      .select({ id: articles.id, slug: articles.slug, locale: articles.locale })
      .from(articles)
      .where(
        and(
          eq(articles.status, 'published'),
          eq(articles.locale, 'ar'),
          isNull(articles.deletedAt),
          lte(articles.publishedAt, new Date()),
        ),
      )
      .orderBy(asc(articles.id))
      .limit(1)
  )[0]!;
  section = (await db.select({ slug: sections.slug }).from(sections).orderBy(asc(sections.id)).limit(1))[0]!
    .slug;
  const m = (await db.select({ stem: media.stem }).from(media).orderBy(asc(media.id)).limit(1))[0]!;
  image = mediaUrl(m.stem, 960);
  const storyPath = articlePath(story);
  const key = (url: string) => legacyKeys(url)[0]!;
  await writeTx(db, (tx) =>
    saveImportedRedirects(tx, SOURCE, [
      { from: key(`https://old.example/2019/03/${lowerHex(WP_SLUG)}/`), to: storyPath },
      { from: key(`/?p=${OLD_ID}`), to: storyPath },
      { from: key(`https://old.example/2019/03/${CUT.toLowerCase()}/`), to: storyPath },
      { from: key('/wp-content/uploads/2019/03/photo.jpg'), to: image },
      { from: key(`/category/${lowerHex(CATEGORY)}/`), to: `/category/${section}` },
      // Targets no importer should write: another site's address is never stored (the proxy
      // answers stored rows too), and a backslash is kept as part of a path.
      { from: key('/2019/03/elsewhere/'), to: '//evil.example/x' },
      { from: key('/2019/03/elsewhere-too/'), to: '/\\evil.example/x' },
    ]),
  );
  await noticedByServer();
});
afterAll(async () => {
  await writeTx(db, (tx) => removeImportedRedirects(tx, SOURCE));
  await db.update(articles).set({ slug: story.slug }).where(eq(articles.id, story.id));
  await closeDb(db);
});

/** Asserts one 301 whose Location answers 200 on the first request: the Location. */
async function oneHop(path: string, method = 'GET'): Promise<string> {
  const res = await fetch(base + path, { redirect: 'manual', method });
  expect(res.status, path).toBe(301);
  const location = res.headers.get('location') ?? '';
  expect(location, path).toMatch(/^\/(?![/\\])/);
  const next = await fetch(new URL(location, base), { redirect: 'manual' });
  expect(next.status, `${path} → ${location}`).toBe(200);
  return location;
}

describe('old WordPress addresses after an import', () => {
  it('a post link in either hex case, with or without the slash, and by /?p=ID: one hop to the story', async () => {
    const canonical = articlePath(story);
    for (const path of [
      `/2019/03/${lowerHex(WP_SLUG)}/`,
      `/2019/03/${lowerHex(WP_SLUG)}`,
      `/2019/03/${upperHex(WP_SLUG)}/`,
      `/2019/03/${upperHex(WP_SLUG)}`,
      `/?p=${OLD_ID}`,
      `/?p=${OLD_ID}&preview=true`,
      `/index.php?p=${OLD_ID}`,
    ])
      expect(await oneHop(path), path).toBe(canonical);
    expect(await oneHop(`/2019/03/${lowerHex(WP_SLUG)}/amp/`)).toBe(canonical);
    expect(await oneHop(`/2019/03/${upperHex(WP_SLUG)}/?utm_source=newsletter`)).toBe(
      `${canonical}?utm_source=newsletter`,
    );
    expect(await oneHop(`/2019/03/${upperHex(WP_SLUG)}`, 'HEAD')).toBe(canonical);
  });

  it('a slug cut inside a letter reaches the lookup (the proxy would have answered 400)', async () => {
    expect(await oneHop(`/2019/03/${CUT}/`)).toBe(articlePath(story));
    expect(await oneHop(`/2019/03/${CUT.toLowerCase()}`)).toBe(articlePath(story));
    // The same damage in an address nobody imported still gets the proxy's answer.
    const other = await fetch(`${base}/2019/04/${CUT}`, { redirect: 'manual' });
    expect(other.status).toBe(400);
  });

  it('an attachment and its resized copies lead to the stored image', async () => {
    for (const name of ['photo.jpg', 'photo-300x200.jpg', 'photo-1024x683.jpg', 'photo-scaled.jpg'])
      expect(await oneHop(`/wp-content/uploads/2019/03/${name}`), name).toBe(image);
  });

  it('a category archive and its feed, in either hex case', async () => {
    expect(await oneHop(`/category/${lowerHex(CATEGORY)}/`)).toBe(`/category/${section}`);
    expect(await oneHop(`/category/${upperHex(CATEGORY)}`)).toBe(`/category/${section}`);
    expect(await oneHop(`/category/${lowerHex(CATEGORY)}/feed/`)).toBe(`/category/${section}/feed.xml`);
    expect(await oneHop(`/category/${lowerHex(CATEGORY)}/page/2/`)).toBe(`/category/${section}?page=2`);
    // A category whose slug the section kept has no row: its feed still finds the section's.
    expect(await oneHop(`/category/${section}/feed/`)).toBe(`/category/${section}/feed.xml`);
  });

  it('the site feed, a search and a date archive', async () => {
    expect(await oneHop('/feed/')).toBe('/feed.xml');
    expect(await oneHop('/?feed=rss2')).toBe('/feed.xml');
    expect(await oneHop(`/?s=${lowerHex('دمشق')}`)).toBe(`/search?${new URLSearchParams({ q: 'دمشق' })}`);
    expect(await oneHop('/2019/03/')).toBe('/latest');
  });

  it('answers with the security headers, a public cache lifetime and a short page', async () => {
    const res = await fetch(`${base}/?p=${OLD_ID}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const body = await res.text();
    expect(body).toContain('dir="rtl"');
    expect(body).toContain(`href="${articlePath(story)}"`);
  });

  it('after a slug change the old address still takes one hop, to the new canonical', async () => {
    const renamed = `${story.slug}-معدل`;
    await db.update(articles).set({ slug: renamed }).where(eq(articles.id, story.id));
    await noticedByServer();
    const canonical = articlePath({ ...story, slug: renamed });
    expect(await oneHop(`/2019/03/${upperHex(WP_SLUG)}/`)).toBe(canonical);
    expect(await oneHop(`/?p=${OLD_ID}`)).toBe(canonical);
    await db.update(articles).set({ slug: story.slug }).where(eq(articles.id, story.id));
    await noticedByServer();
  });

  it('a cached front page is never the answer to /?p=ID', async () => {
    // Until the front page is in the cache (a direct write before this marked every page stale).
    await expect.poll(async () => (await fetch(`${base}/`)).headers.get('x-midad-cache')).toBe('hit');
    const res = await fetch(`${base}/?p=${OLD_ID}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('x-midad-cache')).toBeNull();
    // With no row, the front page as before.
    const home = await fetch(`${base}/?p=${OLD_ID + 1}`, { redirect: 'manual' });
    expect(home.status).toBe(200);
  });

  it('WordPress-shaped addresses nobody imported get the Arabic 404 page', async () => {
    for (const path of [
      '/2019/03/never-imported',
      `/2019/03/${upperHex('لم-يستورد')}`,
      '/wp-content/uploads/2019/03/none.jpg',
      '/wp-content/uploads/2019/03/none-300x200.jpg',
      '/category/never-imported/feed',
      '/tag/never-imported/feed',
      '/2019/03/elsewhere',
    ]) {
      const res = await fetch(base + path, { redirect: 'manual' });
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body, path).toContain('الصفحة غير موجودة');
      expect(body, path).toContain('lang="ar"');
    }
  });

  it('never sends a reader to another site, whatever a row says', async () => {
    // `//evil.example/x` was not stored (it answers 404 above); `/\evil.example/x` is the path `/%5C…`.
    const res = await fetch(`${base}/2019/03/elsewhere-too/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    const location = new URL(res.headers.get('location')!, base);
    expect(location.origin).toBe(new URL(base).origin);
    expect(location.pathname).toBe('/%5Cevil.example/x');
  });
});
