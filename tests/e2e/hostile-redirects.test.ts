import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { articles, redirects as storedRedirects, sections } from '@/db/schema';
import { rawRequest } from '../helpers/raw-http';
import { openServerDb } from '../helpers/server-db';

/**
 * Open-redirect probes: whatever path, query, Referer or forwarded host comes in, every 3xx the
 * site answers points back at the site itself (WHATWG parsing, so `/\evil` counts as `//evil`).
 */
const base = inject('baseURL');
const origin = new URL(base).origin;
const stamp = Date.now();
const OLD = `/tag/hostile-old-${stamp}`;
let db: Db;
let article: { id: number; slug: string };
let section = '';
let redirects = 0;

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  article = (
    await db
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.status, 'published'), isNull(articles.deletedAt), eq(articles.locale, 'ar')))
      .limit(1)
  )[0]!;
  section = (await db.select({ slug: sections.slug }).from(sections).limit(1))[0]!.slug;
  // A renamed tag's old URL, as the newsroom leaves behind.
  await db.insert(storedRedirects).values({ fromPath: OLD, toPath: `/category/${section}` });
});
afterAll(async () => {
  await db.delete(storedRedirects).where(eq(storedRedirects.fromPath, OLD));
  await closeDb(db);
  console.log(`hostile-redirects: ${redirects} redirects checked`);
});

async function expectOnSite(target: string, headers: Record<string, string> = {}) {
  const res = await rawRequest(base, target, { headers });
  const label = `${target} ${JSON.stringify(headers)} → ${res.status} ${res.headers.location ?? ''}`;
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 300 && res.status < 400) {
    redirects++;
    const location = res.headers.location ?? '';
    expect(location, label).not.toBe('');
    expect(new URL(location, base).origin, label).toBe(origin);
  }
  return res;
}

const EVIL = [
  '//evil.example',
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example',
  '/\\evil.example/',
  '/\\/evil.example/',
  '/%2F%2Fevil.example',
  '/%2F%2Fevil.example/',
  '/%2f%2fevil.example/',
  '/%5Cevil.example/',
  '/%5C%5Cevil.example/',
  '/%09/evil.example/',
  '/.//evil.example/',
  '//evil.example/%2e%2e',
  '/https://evil.example/',
  '/https:%2F%2Fevil.example/',
  '//evil.example@127.0.0.1/',
];

describe('every redirect stays on the site', () => {
  it('hostile paths, bare and under each prefix that redirects', async () => {
    const prefixes = ['', '/en', '/news', `/news/${article.id}`, '/category', '/tag', '/latest', OLD];
    for (const prefix of prefixes) {
      for (const evil of EVIL) await expectOnSite(`${prefix}${evil}`);
    }
  });

  it('next= and similar parameters on login, the newsroom and canonical redirects', async () => {
    const params = ['next', 'redirect', 'returnTo', 'url', 'to', 'callbackUrl'];
    const values = ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)'];
    const pages = [
      '/admin/login',
      '/en/admin/login',
      '/admin',
      '/admin/articles',
      `/news/${article.id}`,
      `${OLD}/`,
      '/latest/',
    ];
    for (const page of pages) {
      for (const value of values) {
        const query = params.map((p) => `${p}=${encodeURIComponent(value)}`).join('&');
        await expectOnSite(`${page}?${query}`);
      }
    }
  });

  it('the stored tag/section redirect and the canonical article redirect point on-site', async () => {
    const old = await expectOnSite(OLD);
    expect(old.status).toBe(301);
    const bare = await expectOnSite(`/news/${article.id}`);
    expect(bare.status).toBe(301);
  });

  it('the edition switch ignores a hostile Referer', async () => {
    const host = new URL(base).host;
    const referers = [
      'https://evil.example/search?q=x',
      `https://evil.example/news/${article.id}`,
      `http://${host}//evil.example`,
      `http://${host}/\\evil.example`,
      `http://${host}/en//evil.example/`,
      `http://${host}/search?q=//evil.example`,
      `http://${host}.evil.example/latest`,
      `http://evil.example@${host}/latest`,
      'javascript:alert(1)',
      'not a url',
    ];
    for (const to of ['en', 'ar', '//evil.example']) {
      for (const referer of referers) {
        const res = await expectOnSite(`/api/edition?to=${encodeURIComponent(to)}`, { Referer: referer });
        expect(res.status).toBe(303);
      }
    }
  });

  it('a forwarded host does not move a redirect off the site', async () => {
    for (const target of [`/news/${article.id}`, '/latest/', OLD, '/admin']) {
      const forged: Record<string, string>[] = [
        { 'X-Forwarded-Host': 'evil.example' },
        { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
        { 'X-Original-URL': '//evil.example' },
        { 'X-Rewrite-URL': '//evil.example' },
      ];
      for (const headers of forged) {
        await expectOnSite(target, headers);
      }
    }
  });
});
