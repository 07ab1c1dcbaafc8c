import { and, count, desc, eq, isNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { listFeedArticles } from '@/db/queries/feeds';
import {
  listNewsSitemapArticles,
  listSitemapAuthors,
  listSitemapMonthArticles,
  listSitemapMonths,
  listSitemapSections,
  listSitemapTags,
} from '@/db/queries/sitemaps';
import { getAuthorBySlug, getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, articleTags, tags } from '@/db/schema';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

const now = new Date('2026-11-28T12:00:00Z');
/**
 * Whether this run sees the SQL that db/ sends: createTestDb's `verbose` hook and EXPLAIN QUERY
 * PLAN are SQLite's only. On PostgreSQL the tests check what the queries return, and leave the
 * statement counts and plans (which are about SQLite's planner and indexes) to the SQLite run.
 */
const tracesSql = ENGINE === 'sqlite';

const captured: string[] = [];
let t: Awaited<ReturnType<typeof createSeededDb>>;
/** Stories no feed or sitemap may ever show. */
const hidden: number[] = [];
let hiddenTagId: number;

beforeAll(async () => {
  // Enough rows, over enough months, that the planner's choices are the ones a real site gets.
  t = await createSeededDb({ now, articles: 3000, verbose: (sql) => captured.push(String(sql)) });
  const sectionId = (await getSectionBySlug(t.db, 'economy'))!.id;
  const row = { locale: 'ar', slug: 'خبر-مخفي', sectionId, updatedAt: now, body: '<p>سر</p>' };
  const inMonth = new Date('2026-10-15T00:00:00Z');
  hidden.push(
    ...(
      await t.db
        .insert(articles)
        .values([
          { ...row, title: 'مسودة', status: 'draft', publishedAt: inMonth },
          { ...row, title: 'مجدول', status: 'scheduled', publishedAt: new Date(now.getTime() + 3_600_000) },
          {
            ...row,
            title: 'منشور للمستقبل',
            status: 'published',
            publishedAt: new Date(now.getTime() + 60_000),
          },
          { ...row, title: 'محذوف', status: 'published', publishedAt: inMonth, deletedAt: now },
          { ...row, title: 'مؤرشف', status: 'archived', publishedAt: inMonth },
          // In a month with nothing else live: that month must not get a sitemap.
          { ...row, title: 'مسودة قديمة', status: 'draft', publishedAt: new Date('2019-05-05T00:00:00Z') },
        ])
        .returning({ id: articles.id })
    ).map((r) => r.id),
  );
  // Live stories in older months, two of them either side of a new year (UTC).
  await t.db.insert(articles).values(
    ['2026-09-10T08:00:00Z', '2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00Z'].map((at) => ({
      ...row,
      title: `خبر قديم ${at}`,
      status: 'published' as const,
      publishedAt: new Date(at),
    })),
  );
  // A tag whose only stories are hidden: no tag page in the sitemap.
  hiddenTagId = (
    await t.db.insert(tags).values({ slug: 'وسم-مخفي', name: 'وسم مخفي' }).returning({ id: tags.id })
  )[0]!.id;
  await t.db.insert(articleTags).values(hidden.map((articleId) => ({ articleId, tagId: hiddenTagId })));
  // The plans checked below are SQLite's own (tracesSql): its planner needs the statistics.
  if (tracesSql) t.db.$client.exec('ANALYZE');
});
afterAll(() => t.cleanup());

/** Every live story of an edition, read straight from the table (publish times in milliseconds). */
async function live(locale = 'ar') {
  const rows = await t.db
    .select({ id: articles.id, publishedAt: articles.publishedAt })
    .from(articles)
    .where(
      and(
        eq(articles.status, 'published'),
        eq(articles.locale, locale),
        isNull(articles.deletedAt),
        lte(articles.publishedAt, now),
      ),
    );
  return rows.map((r) => ({ id: r.id, publishedAt: r.publishedAt!.getTime() }));
}

/**
 * Runs a query function (awaiting it, if async) and returns the SELECTs it sent with their plans;
 * both lists are empty when this run does not trace its SQL (tracesSql).
 */
async function traced(run: (db: Db) => unknown): Promise<{ statements: string[]; plans: string[] }> {
  captured.length = 0;
  await run(t.db);
  if (!tracesSql) return { statements: [], plans: [] };
  const statements = captured.filter((s) => /^\s*select/i.test(s));
  const plans = statements.flatMap((s) =>
    (t.db.$client.prepare(`EXPLAIN QUERY PLAN ${s}`).all() as { detail: string }[]).map((r) => r.detail),
  );
  return { statements, plans };
}

// A full scan of a table that grows with the archive ("SCAN articles" without an index).
const BIG_SCAN =
  /^SCAN (?:articles|article_tags|article_authors|media)(?! USING (?:COVERING )?INDEX)(?:\s|$)/;

describe('feed items', () => {
  it.each([
    ['site', () => ({ all: true as const })],
    ['section', async () => ({ sectionId: (await getSectionBySlug(t.db, 'economy'))!.id })],
    ['tag', async () => ({ tagId: await firstLiveTagId() })],
    ['author', async () => ({ userId: (await getAuthorBySlug(t.db, 'sami-azzam'))!.id })],
  ])(
    '%s: 30 stories with bodies, authors and tags in a fixed number of indexed statements',
    async (_name, scope) => {
      let items: Awaited<ReturnType<typeof listFeedArticles>> = [];
      const listing = await scope();
      const { statements, plans } = await traced(
        async (db) => (items = await listFeedArticles(db, listing, { locale: 'ar', now, limit: 30 })),
      );
      expect(items).toHaveLength(30);
      if (tracesSql) {
        // The listing (one or two statements), then bodies, author links, people and tags: never one per item.
        expect(statements.length).toBeLessThanOrEqual(6);
        expect(
          plans.filter((p) => BIG_SCAN.test(p)),
          plans.join('\n'),
        ).toEqual([]);
      }
      for (const item of items) {
        expect(item.body).toMatch(/^<p>/);
        expect(item.authors.length).toBeGreaterThan(0);
        expect(item.updatedAt).toBeInstanceOf(Date);
        expect(hidden).not.toContain(item.id);
      }
      expect(items.some((i) => i.tags.length > 0)).toBe(true);
    },
  );

  it('keeps the byline order, and the newest story first', async () => {
    // Authors given in the reverse of their ids: the feed must follow the byline, not the ids.
    const [first, second] = await Promise.all(
      ['sami-azzam', 'rana-haddad'].map(async (slug) => (await getAuthorBySlug(t.db, slug))!),
    );
    expect(first!.id).toBeGreaterThan(second!.id);
    const { id } = await createDraft(
      t.db,
      first!.id,
      articleFields({
        title: 'خبر بقلمين',
        sectionId: (await getSectionBySlug(t.db, 'economy'))!.id,
        authorIds: [first!.id, second!.id],
      }),
      now,
    );
    await transitionArticle(t.db, first!.id, id, 'publish', { now });
    const [item] = await listFeedArticles(t.db, { all: true }, { locale: 'ar', now, limit: 1 });
    expect(item?.id).toBe(id);
    expect(item?.authors.map((a) => a.slug)).toEqual(['sami-azzam', 'rana-haddad']);
    await transitionArticle(t.db, first!.id, id, 'delete', { now });
  });
});

/** The tag with the most live Arabic stories. */
async function firstLiveTagId(): Promise<number> {
  const [top] = await t.db
    .select({ id: articleTags.tagId })
    .from(articleTags)
    .where(and(eq(articleTags.locale, 'ar'), lte(articleTags.liveAt, now)))
    .groupBy(articleTags.tagId)
    .orderBy(desc(count()))
    .limit(1);
  return top!.id;
}

describe('article sitemaps', () => {
  it('the month list agrees with a count of every live story, and hops month to month in the index', async () => {
    let months: Awaited<ReturnType<typeof listSitemapMonths>> = [];
    const { statements, plans } = await traced(
      async (db) => (months = await listSitemapMonths(db, { locale: 'ar', now })),
    );
    const expected = new Map<string, { count: number; newest: number }>();
    for (const a of await live()) {
      const key = new Date(a.publishedAt).toISOString().slice(0, 7);
      const m = expected.get(key) ?? { count: 0, newest: 0 };
      expected.set(key, { count: m.count + 1, newest: Math.max(m.newest, a.publishedAt) });
    }
    expect(months.length).toBeGreaterThan(1);
    expect(
      months.map((m) => [`${m.year}-${String(m.month).padStart(2, '0')}`, m.count, m.newest.getTime()]),
    ).toEqual([...expected].sort().map(([key, m]) => [key, m.count, m.newest]));
    if (tracesSql) {
      // One seek to find each month, one for its newest story, one count; all within the index.
      expect(statements.length).toBe(3 * months.length + 1);
      for (const plan of plans)
        expect(plan).toMatch(
          /^SEARCH articles USING COVERING INDEX .*published_at>\? AND published_at<\?\)$/,
        );
    }
  });

  it('the month files together list every live story once, and nothing else', async () => {
    const months = await listSitemapMonths(t.db, { locale: 'ar', now });
    const listed: number[] = [];
    const { plans } = await traced(async (db) => {
      for (const m of months)
        for (const a of await listSitemapMonthArticles(db, {
          locale: 'ar',
          now,
          year: m.year,
          month: m.month,
          page: 1,
        }))
          listed.push(a.id);
    });
    expect(listed.sort((a, b) => a - b)).toEqual((await live()).map((a) => a.id).sort((a, b) => a - b));
    if (tracesSql) expect(plans.filter((p) => BIG_SCAN.test(p) || /TEMP B-TREE/.test(p))).toEqual([]);
    expect(
      await listSitemapMonthArticles(t.db, { locale: 'ar', now, year: 2019, month: 5, page: 1 }),
    ).toEqual([]);
    const first = months.at(-1)!;
    expect(await listSitemapMonthArticles(t.db, { locale: 'ar', now, ...first, page: 2 })).toEqual([]);
  });

  it('the news sitemap has the last 48 hours, newest first, from the index', async () => {
    let news: Awaited<ReturnType<typeof listNewsSitemapArticles>> = [];
    const { plans } = await traced(
      async (db) => (news = await listNewsSitemapArticles(db, { locale: 'ar', now, hours: 48, limit: 1000 })),
    );
    const since = now.getTime() - 48 * 3_600_000;
    const expected = (await live())
      .filter((a) => a.publishedAt >= since)
      .sort((a, b) => b.publishedAt - a.publishedAt)
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(news.map((a) => a.id)).toEqual(expected);
    expect(await listNewsSitemapArticles(t.db, { locale: 'ar', now, hours: 48, limit: 2 })).toHaveLength(2);
    // Two days of stories at most: a sort of that range is fine, a walk of the archive is not.
    if (tracesSql)
      expect(plans.filter((p) => p.startsWith('SEARCH articles'))).toEqual([
        expect.stringMatching(/published_at>\? AND published_at<\?\)$/),
      ]);
    // Each edition's news sitemap holds only its own stories.
    const english = await listNewsSitemapArticles(t.db, { locale: 'en', now, hours: 48, limit: 1000 });
    expect(english.length).toBeGreaterThan(0);
    expect(await localesOf(english.map((a) => a.id))).toEqual(english.map(() => 'en'));
    expect(await localesOf(news.map((a) => a.id))).toEqual(news.map(() => 'ar'));
  });
});

/** Each story's edition, in the order of the ids given. */
function localesOf(ids: number[]): Promise<string[]> {
  return Promise.all(
    ids.map(
      async (id) =>
        (await t.db.select({ locale: articles.locale }).from(articles).where(eq(articles.id, id)))[0]!.locale,
    ),
  );
}

describe('listing sitemaps', () => {
  it('list sections, and the tags and authors that have live stories, with their newest story', async () => {
    const { plans } = await traced(async (db) => {
      await listSitemapSections(db, { locale: 'ar', now });
      await listSitemapTags(db, { locale: 'ar', now });
      await listSitemapAuthors(db, { locale: 'ar', now });
    });
    if (tracesSql) {
      expect(
        plans.filter((p) => BIG_SCAN.test(p)),
        plans.join('\n'),
      ).toEqual([]);
      expect(plans.join('\n')).toMatch(/article_tags_live_idx/);
      expect(plans.join('\n')).toMatch(/article_authors_live_idx/);
    }

    const newest = Math.max(...(await live()).map((a) => a.publishedAt));
    const sections = await listSitemapSections(t.db, { locale: 'ar', now });
    expect(sections.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...sections.map((s) => s.newest?.getTime() ?? 0))).toBe(newest);
    const tagList = await listSitemapTags(t.db, { locale: 'ar', now });
    expect(tagList.length).toBeGreaterThan(10);
    expect(tagList.map((x) => x.slug)).not.toContain('وسم-مخفي');
    const authors = await listSitemapAuthors(t.db, { locale: 'ar', now });
    expect(authors.map((a) => a.slug)).toContain('sami-azzam');
    expect(authors.every((a) => a.newest && a.newest <= now)).toBe(true);
    // The English edition lists only the tags its own stories carry (English names, ASCII slugs).
    const englishTags = await listSitemapTags(t.db, { locale: 'en', now });
    expect(englishTags.length).toBeGreaterThan(0);
    expect(englishTags.every((x) => /^[a-z0-9-]+$/.test(x.slug))).toBe(true);
    expect(tagList.every((x) => !/^[a-z0-9-]+$/.test(x.slug))).toBe(true);
    expect((await listSitemapAuthors(t.db, { locale: 'en', now })).length).toBeGreaterThan(0);
  });
});
