import { and, count, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { insertSession } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articleAuthors, articles, articleTags, media, sections, tags, users } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { callAction } from '../helpers/actions';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
const stamp = Date.now();
const email = `feeds-${stamp}@midad.example`;
const authorSlug = `feeds-author-${stamp}`;
const tag = `وسم-الخلاصات-${stamp}`;
const made: number[] = [];
let db: Db;
let cookie = '';
let authorId: number;
/** The server's public address, as robots.txt announces it (SITE_URL). */
let site = '';
/** Stories that must never reach a feed or sitemap. */
const hidden: Record<'draft' | 'deleted' | 'future' | 'unpublished', number> = {
  draft: 0,
  deleted: 0,
  future: 0,
  unpublished: 0,
};
let english: { id: number; title: string };

const RSS_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const RFC_822 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

// Lists always come back as arrays, whatever their length; entities (the escaped article HTML in
// content:encoded) are decoded without the parser's anti-bomb limits, which a 30-story feed exceeds.
const ALWAYS_ARRAYS = new Set([
  'item',
  'url',
  'sitemap',
  'category',
  'dc:creator',
  'image:image',
  'atom:link',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: { maxTotalExpansions: 10_000_000, maxExpandedLength: 100_000_000 },
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const text = (node: unknown): string =>
  typeof node === 'string' ? node : String((node as Node | undefined)?.['#text'] ?? '');

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  authorId = await createUser(
    db,
    { email, name: 'كاتبة الخلاصات', slug: authorSlug, role: 'editor', passwordHash: 'x' },
    null,
  );
  const token = newToken();
  await insertSession(db, {
    idHash: hashToken(token),
    userId: authorId,
    now: new Date(),
    userAgent: 'feeds',
  });
  cookie = `midad_session=${token}`;

  const sectionId = (await getSectionBySlug(db, 'economy'))!.id;
  const story = async (title: string, locale = 'ar') => {
    const { id } = await createDraft(
      db,
      authorId,
      articleFields({ title, locale, sectionId, authorIds: [authorId] }),
    );
    made.push(id);
    return id;
  };
  hidden.draft = await story(`مسودة لا تظهر في الخلاصات ${stamp}`);
  hidden.deleted = await story(`خبر محذوف لا يظهر ${stamp}`);
  await transitionArticle(db, authorId, hidden.deleted, 'publish');
  await transitionArticle(db, authorId, hidden.deleted, 'delete');
  hidden.future = await story(`خبر مجدول للغد ${stamp}`);
  await transitionArticle(db, authorId, hidden.future, 'schedule', { at: new Date(Date.now() + 86_400_000) });
  hidden.unpublished = await story(`خبر سُحب من النشر ${stamp}`);
  await transitionArticle(db, authorId, hidden.unpublished, 'publish');
  await transitionArticle(db, authorId, hidden.unpublished, 'unpublish');
  // The demo newsroom is Arabic only: one English story gives the English edition something to list.
  const title = `Feeds and sitemaps reach the English edition ${stamp}`;
  english = { id: await story(title, 'en'), title };
  await transitionArticle(db, authorId, english.id, 'publish');

  const robots = await fetch(`${base}/robots.txt`).then((r) => r.text());
  site = new URL(/^Sitemap: (\S+)$/m.exec(robots)![1]!).origin;
});

afterAll(async () => {
  for (const id of made) await db.delete(articles).where(eq(articles.id, id));
  await db.delete(users).where(eq(users.email, email));
  await closeDb(db);
});

/** A public URL (SITE_URL) fetched from the test server. */
function local(url: string): string {
  expect(url.startsWith(`${site}/`), url).toBe(true);
  return base + url.slice(site.length);
}

async function get(p: string) {
  const res = await fetch(base + p, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** Fetches, checks the answer is well-formed XML of the given type, and parses it. */
async function xml(p: string, type: RegExp = /^application\/xml; charset=utf-8$/) {
  const res = await get(p);
  expect(res.status, p).toBe(200);
  expect(res.headers.get('content-type'), p).toMatch(type);
  expect(XMLValidator.validate(res.body), p).toBe(true);
  return { ...res, doc: parser.parse(res.body) as Node };
}

const articleIdOf = (url: string) => Number(/\/news\/(\d+)\//.exec(url)?.[1] ?? NaN);

async function liveIds(locale: string): Promise<number[]> {
  return (
    await db
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          eq(articles.status, 'published'),
          eq(articles.locale, locale),
          isNull(articles.deletedAt),
          lte(articles.publishedAt, new Date()),
        ),
      )
  )
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  description?: string;
  'content:encoded': string;
  'dc:creator'?: string[];
  category?: string[];
  enclosure?: { '@url': string; '@length': string; '@type': string };
}

/** Fetches a feed and checks everything RSS 2.0 and our contract require; returns its items. */
async function feed(p: string): Promise<RssItem[]> {
  const res = await xml(p, /^application\/rss\+xml; charset=utf-8$/);
  expect(res.headers.get('cache-control'), p).toBe(RSS_CACHE_CONTROL);
  const rss = res.doc.rss as Node;
  expect(rss['@version']).toBe('2.0');
  const channel = rss.channel as Node;
  for (const key of ['title', 'link', 'description']) expect(text(channel[key]), `${p} ${key}`).not.toBe('');
  const self = (channel['atom:link'] as Node[]).filter((l) => l['@rel'] === 'self');
  expect(self.map((l) => l['@href'])).toEqual([site + p]);
  const items = (channel.item ?? []) as RssItem[];
  expect(items.length).toBeLessThanOrEqual(30);
  const ids = items.map((i) => articleIdOf(i.link));
  for (const id of Object.values(hidden)) expect(ids, p).not.toContain(id);
  for (const item of items) {
    expect(item.title, p).toBeTruthy();
    expect(item.guid['@isPermaLink']).toBe('true');
    expect(item.guid['#text']).toBe(item.link);
    expect(item.link.startsWith(`${site}/`)).toBe(true);
    expect(item.pubDate).toMatch(RFC_822);
    expect(item['dc:creator']?.length, item.link).toBeGreaterThan(0);
    expect(item.category?.length, item.link).toBeGreaterThan(0);
    const html = item['content:encoded'];
    expect(html.length, item.link).toBeGreaterThan(0);
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    // Feed readers show the body away from the site: no relative links or images.
    expect(html).not.toMatch(/\s(?:href|src)="\/(?!\/)/);
    if (item.enclosure) {
      expect(item.enclosure['@type']).toBe('image/webp');
      expect(Number(item.enclosure['@length'])).toBeGreaterThan(0);
      expect(item.enclosure['@url'].startsWith(`${site}/media/`)).toBe(true);
    }
  }
  const updated = text(channel.lastBuildDate);
  if (items.length > 0) {
    expect(updated).toMatch(RFC_822);
    expect(res.headers.get('last-modified')).toBe(updated);
    const newestPub = Math.max(...items.map((i) => Date.parse(i.pubDate)));
    expect(Date.parse(updated)).toBeGreaterThanOrEqual(newestPub);
  }
  return items;
}

describe('RSS feeds', () => {
  it('site, section, tag and author feeds in both editions are complete RSS 2.0 with full content', async () => {
    const [arabicTag] = await db
      .select({ slug: tags.slug })
      .from(tags)
      .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
      .where(and(eq(articleTags.locale, 'ar'), isNotNull(articleTags.liveAt)))
      .groupBy(tags.id)
      .orderBy(desc(count()))
      .limit(1);
    expect(arabicTag!.slug).toMatch(/[\u0600-\u06FF]/);
    const site30 = await feed('/feed.xml');
    expect(site30).toHaveLength(30);
    const newest = (await liveIds('ar')).length;
    expect(newest).toBeGreaterThan(30);
    for (const p of [
      '/category/economy/feed.xml',
      `/tag/${encodeURIComponent(arabicTag!.slug)}/feed.xml`,
      '/author/rana-haddad/feed.xml',
    ])
      expect((await feed(p)).length, p).toBeGreaterThan(0);

    const en = await feed('/en/feed.xml');
    expect(en.map((i) => articleIdOf(i.link))).toContain(english.id);
    expect(en.every((i) => i.link.startsWith(`${site}/en/news/`))).toBe(true);
    expect((await feed('/en/category/economy/feed.xml')).map((i) => articleIdOf(i.link))).toContain(
      english.id,
    );
    expect(await feed(`/en/author/${authorSlug}/feed.xml`)).toHaveLength(1);
    // A tag with no English story yet: an empty but valid feed.
    expect(await feed(`/en/tag/${encodeURIComponent(arabicTag!.slug)}/feed.xml`)).toEqual([]);
  });

  it('gives each story its authors, section and tags, and its lead image as a sized enclosure', async () => {
    const items = await feed('/feed.xml');
    for (const item of items) {
      const id = articleIdOf(item.link);
      const story = (
        await db
          .select({ section: sections.nameAr, stem: media.stem, widths: media.variantWidths })
          .from(articles)
          .innerJoin(sections, eq(sections.id, articles.sectionId))
          .leftJoin(media, eq(media.id, articles.heroMediaId))
          .where(eq(articles.id, id))
          .limit(1)
      )[0]!;
      const tagNames = await db
        .select({ name: tags.name })
        .from(articleTags)
        .innerJoin(tags, eq(tags.id, articleTags.tagId))
        .where(eq(articleTags.articleId, id));
      const authorNames = await db
        .select({ name: users.name })
        .from(articleAuthors)
        .innerJoin(users, eq(users.id, articleAuthors.userId))
        .where(eq(articleAuthors.articleId, id))
        .orderBy(articleAuthors.position);
      expect(item.category![0]).toBe(story.section);
      expect(item.category!.slice(1).sort()).toEqual(tagNames.map((r) => r.name).sort());
      expect(item['dc:creator']).toEqual(authorNames.map((r) => r.name));
      if (story.stem) {
        const largest = Math.max(...story.widths!);
        expect(item.enclosure?.['@url']).toBe(`${site}/media/${story.stem}-${largest}.webp`);
      } else expect(item.enclosure).toBeUndefined();
    }
    const enclosure = items.find((i) => i.enclosure)!.enclosure!;
    const image = await fetch(local(enclosure['@url']));
    expect(image.status).toBe(200);
    expect((await image.arrayBuffer()).byteLength).toBe(Number(enclosure['@length']));
  });

  it('sanitises the body again on the way out and makes its links and images absolute', async () => {
    const heroMediaId = (await db.select({ id: media.id }).from(media).limit(1))[0]!.id;
    const stem = (
      await db.select({ stem: media.stem }).from(media).where(eq(media.id, heroMediaId)).limit(1)
    )[0]!.stem;
    const title = `خبر يختبر محتوى الخلاصة ${stamp}`;
    const { id } = await createDraft(
      db,
      authorId,
      articleFields({
        title,
        sectionId: (await getSectionBySlug(db, 'culture'))!.id,
        authorIds: [authorId],
        heroMediaId,
        // Written past the newsroom's sanitiser, as another tool might: the feed must still be inert.
        body: `<p>فقرة <a href="/category/culture">القسم</a></p><script>alert(1)</script><p><img src="/media/${stem}-480.webp" alt="صورة" onerror="alert(2)"></p>`,
      }),
    );
    made.push(id);
    await transitionArticle(db, authorId, id, 'publish');
    const item = (await feed('/category/culture/feed.xml')).find((i) => articleIdOf(i.link) === id)!;
    const html = item['content:encoded'];
    expect(html).toContain(`href="${site}/category/culture"`);
    expect(html).toContain(`src="${site}/media/${stem}-480.webp"`);
    expect(html).not.toContain('alert');
    await transitionArticle(db, authorId, id, 'unpublish');
  });

  it.each([
    '/category/no-such-section/feed.xml',
    '/tag/no-such-tag/feed.xml',
    `/tag/${encodeURIComponent('وسم-غير-موجود')}/feed.xml`,
    '/author/no-such-author/feed.xml',
    '/en/author/no-such-author/feed.xml',
  ])('%s answers 404', async (p) => {
    expect((await get(p)).status).toBe(404);
  });
});

describe('robots.txt and sitemaps', () => {
  it('robots.txt keeps crawlers out of the newsroom and search, and names both editions’ sitemaps', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const disallowed = [...res.body.matchAll(/^Disallow: (\S+)$/gm)].map((m) => m[1]);
    expect(disallowed).toEqual(expect.arrayContaining(['/admin', '/en/admin', '/search', '/en/search']));
    expect(res.body).toMatch(/^User-agent: \*$/m);
    const sitemaps = [...res.body.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]);
    expect(sitemaps).toEqual(
      ['/sitemap.xml', '/news-sitemap.xml', '/en/sitemap.xml', '/en/news-sitemap.xml'].map((p) => site + p),
    );
  });

  it(
    'a crawler starting at robots.txt reaches every live story of each edition, and nothing else',
    { timeout: 300_000 },
    async () => {
      const robots = (await get('/robots.txt')).body;
      const indexes = [...robots.matchAll(/^Sitemap: (\S+\/sitemap\.xml)$/gm)].map((m) => m[1]!);
      const pages = new Set<string>();
      for (const index of indexes) {
        const locale = index.startsWith(`${site}/en/`) ? 'en' : 'ar';
        const files = ((await xml(local(index).slice(base.length))).doc.sitemapindex as Node)
          .sitemap as Node[];
        const found: number[] = [];
        for (const file of files) {
          const loc = text(file.loc);
          if (file.lastmod !== undefined) expect(text(file.lastmod)).toMatch(W3C_DATETIME);
          const urls = (((await xml(local(loc).slice(base.length))).doc.urlset as Node).url ?? []) as Node[];
          expect(urls.length).toBeLessThanOrEqual(50_000);
          for (const url of urls) {
            const page = text(url.loc);
            expect(page.startsWith(locale === 'en' ? `${site}/en/` : `${site}/`)).toBe(true);
            if (url.lastmod !== undefined) expect(text(url.lastmod)).toMatch(W3C_DATETIME);
            for (const image of (url['image:image'] ?? []) as Node[])
              expect(text(image['image:loc'])).toMatch(new RegExp(`^${site}/media/[a-z0-9-]+-\\d+\\.webp$`));
            if (/\/news\/\d+\//.test(page)) found.push(articleIdOf(page));
            pages.add(page);
          }
        }
        expect(
          found.sort((a, b) => a - b),
          locale,
        ).toEqual(await liveIds(locale));
        for (const id of Object.values(hidden)) expect(found).not.toContain(id);
      }

      // Every URL answers 200, and an article names itself as its canonical.
      const queue = [...pages];
      const worker = async () => {
        for (let page = queue.pop(); page; page = queue.pop()) {
          const res = await fetch(local(page), { redirect: 'manual' });
          expect(res.status, page).toBe(200);
          const html = await res.text();
          if (!page.includes('/news/')) continue;
          const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
          expect(canonical, page).toBe(page);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    },
  );

  it('splits nothing that fits and answers 404 for sitemap files that do not exist', async () => {
    for (const p of [
      '/sitemaps/articles-1999-01.xml',
      '/sitemaps/articles-2025-13.xml',
      '/sitemaps/articles-2025-1.xml',
      `/sitemaps/articles-${new Date().toISOString().slice(0, 7)}-1.xml`,
      `/sitemaps/articles-${new Date().toISOString().slice(0, 7)}-2.xml`,
      '/sitemaps/tags-2.xml',
      '/sitemaps/nothing.xml',
      '/en/sitemaps/articles-1999-01.xml',
    ])
      expect((await get(p)).status, p).toBe(404);
  });

  it('the news sitemaps list the last 48 hours of each edition, for Google News', async () => {
    for (const [p, locale, name] of [
      ['/news-sitemap.xml', 'ar', 'مداد'],
      ['/en/news-sitemap.xml', 'en', 'Midad'],
    ] as const) {
      const urls = ((await xml(p)).doc.urlset as Node).url as Node[];
      expect(urls.length, p).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(1000);
      const live = new Set(await liveIds(locale));
      for (const url of urls) {
        const id = articleIdOf(text(url.loc));
        expect(live.has(id), text(url.loc)).toBe(true);
        const news = url['news:news'] as Node;
        const publication = news['news:publication'] as Node;
        expect(text(publication['news:name'])).toBe(name);
        expect(text(publication['news:language'])).toBe(locale);
        const published = text(news['news:publication_date']);
        expect(published).toMatch(W3C_DATETIME);
        expect(Date.now() - Date.parse(published)).toBeLessThanOrEqual(48 * 3_600_000);
        const row = (
          await db.select({ title: articles.title }).from(articles).where(eq(articles.id, id)).limit(1)
        )[0]!;
        expect(text(news['news:title'])).toBe(row.title);
      }
      if (locale === 'en') expect(urls.map((u) => articleIdOf(text(u.loc)))).toContain(english.id);
    }
  });
});

describe('publishing reaches feeds and sitemaps at once, page cache on', () => {
  it('a published story appears in the feeds, the news sitemap and its month sitemap, and leaves on unpublish', async () => {
    const title = `خبر جديد يصل إلى الخلاصات ${stamp}`;
    const { id } = await createDraft(
      db,
      authorId,
      articleFields({
        title,
        sectionId: (await getSectionBySlug(db, 'economy'))!.id,
        authorIds: [authorId],
        tags: [{ name: tag, slug: tag }],
      }),
    );
    made.push(id);
    const month = `articles-${new Date().toISOString().slice(0, 7)}.xml`;
    const surfaces = [
      '/feed.xml',
      '/category/economy/feed.xml',
      `/tag/${encodeURIComponent(tag)}/feed.xml`,
      `/author/${authorSlug}/feed.xml`,
      '/news-sitemap.xml',
      `/sitemaps/${month}`,
    ];
    const link = `/news/${id}/`;
    // Warm the page cache first: what follows must not be a stale copy.
    for (const p of [...surfaces, '/sitemap.xml']) {
      await get(p);
      expect((await get(p)).headers.get('x-midad-cache'), p).toBe('hit');
    }
    expect(await callAction(base, 'transitionArticleAction', [id, 'publish'], cookie)).toContain('"ok":true');
    const published = (
      await db.select({ at: articles.publishedAt }).from(articles).where(eq(articles.id, id)).limit(1)
    )[0]!.at!;
    expect(`articles-${published.toISOString().slice(0, 7)}.xml`).toBe(month);
    for (const p of surfaces) expect((await get(p)).body, p).toContain(link);
    expect((await get('/sitemap.xml')).body).toContain(`${site}/sitemaps/${month}`);
    const item = (await feed('/feed.xml')).find((i) => articleIdOf(i.link) === id)!;
    expect(item.title).toBe(title);
    expect(item.category).toEqual(expect.arrayContaining([tag]));
    expect(item['dc:creator']).toEqual(['كاتبة الخلاصات']);

    expect(await callAction(base, 'transitionArticleAction', [id, 'unpublish'], cookie)).toContain(
      '"ok":true',
    );
    for (const p of surfaces) expect((await get(p)).body, p).not.toContain(link);
  });
});
