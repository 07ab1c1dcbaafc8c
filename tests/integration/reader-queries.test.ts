import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addArticleViews } from '@/db/mutations/views';
import {
  PAGE_SIZE,
  getArticleRoute,
  getLiveArticle,
  listBreaking,
  listLatest,
  listLivePage,
  listRelated,
} from '@/db/queries/articles';
import { listMostRead, utcDay } from '@/db/queries/most-read';
import { getDateSettings } from '@/db/queries/settings';
import { getSectionBySlug, getTagBySlug, listSections } from '@/db/queries/taxonomy';
import { getUserByEmailForLogin } from '@/db/queries/users';
import { articles, settings } from '@/db/schema';
import { searchArticles } from '@/db/search';
import { createSeededDb } from '../helpers/test-db';

const now = new Date('2026-11-28T12:00:00Z');
let t: Awaited<ReturnType<typeof createSeededDb>>;

beforeAll(async () => {
  t = await createSeededDb({ now });
});
afterAll(() => t.cleanup());

describe('demo content', () => {
  it('has at least 8 sections and 240 live articles', async () => {
    expect((await listSections(t.db)).length).toBeGreaterThanOrEqual(8);
    expect(
      (await listLivePage(t.db, { all: true }, { locale: 'ar', now, page: 1 }))!.total,
    ).toBeGreaterThanOrEqual(240);
  });

  it('has breaking and featured stories and several authors', async () => {
    expect((await listBreaking(t.db, { locale: 'ar', now, limit: 10 })).length).toBeGreaterThanOrEqual(2);
    const first = (await listLatest(t.db, { locale: 'ar', now, limit: 1 }))[0]!;
    const article = (await getLiveArticle(t.db, first.id, now))!;
    expect(article.body).toContain('<blockquote>');
    expect(article.body).toContain('<h2>');
    expect(article.sourceOutlet).not.toBe('');
    expect(article.image?.credit).not.toBe('');
  });
});

describe('what readers may see', () => {
  it('never lists drafts, future-scheduled or deleted articles', async () => {
    const section = (await getSectionBySlug(t.db, 'economy'))!;
    const base = {
      locale: 'ar',
      slug: 'خبر-سري',
      sectionId: section.id,
      updatedAt: now,
      body: '<p>سر</p>',
    };
    const inserted = await t.db
      .insert(articles)
      .values([
        { ...base, title: 'مسودة لم تنشر', status: 'draft' },
        {
          ...base,
          title: 'خبر مجدول للغد',
          status: 'scheduled',
          publishedAt: new Date(now.getTime() + 86_400_000),
        },
        {
          ...base,
          title: 'منشور بوقت مستقبلي',
          status: 'published',
          publishedAt: new Date(now.getTime() + 3_600_000),
        },
        { ...base, title: 'خبر محذوف', status: 'published', publishedAt: now, deletedAt: now },
      ])
      .returning({ id: articles.id });
    const ids = new Set(inserted.map((r) => r.id));
    const latest = await listLatest(t.db, { locale: 'ar', now, limit: 50 });
    expect(latest.some((a) => ids.has(a.id))).toBe(false);
    const sectionPage = (await listLivePage(
      t.db,
      { sectionId: section.id },
      { locale: 'ar', now, page: 1 },
    ))!;
    expect(sectionPage.items.some((a) => ids.has(a.id))).toBe(false);
    for (const id of ids) expect(await getLiveArticle(t.db, id, now)).toBeNull();
    // The route lookup still knows them, so the site can tell 404 from 410.
    expect((await getArticleRoute(t.db, [...ids][3]!))?.deletedAt).toEqual(now);
    await t.db.delete(articles).where(eq(articles.slug, 'خبر-سري'));
  });

  it('keeps editions apart', async () => {
    const english = await listLatest(t.db, { locale: 'en', now, limit: 50 });
    const arabic = new Set((await listLatest(t.db, { locale: 'ar', now, limit: 300 })).map((a) => a.id));
    expect(english.length).toBeGreaterThan(0);
    expect(english.filter((a) => arabic.has(a.id))).toEqual([]);
    expect(english.every((a) => /^[\x20-\x7E’‘“”–—]+$/.test(a.title))).toBe(true);
  });
});

describe('text with U+0000 in it (a %00 in a URL, a hostile form field)', () => {
  // PostgreSQL's text cannot hold the character and fails the statement; SQLite's can. On both, a
  // lookup with it finds nothing and raises nothing.
  it('finds nothing, without an error, on either engine', async () => {
    expect(await getSectionBySlug(t.db, 'economy\0')).toBeNull();
    expect(await getTagBySlug(t.db, '\0')).toBeNull();
    expect(await getUserByEmailForLogin(t.db, 'admin@midad.example\0')).toBeFalsy();
    const found = await searchArticles(t.db, { q: 'اقتصاد\0', locale: 'ar', page: 1, now: new Date() });
    expect(found === null || Array.isArray(found.items)).toBe(true);
  });
});

describe('listings', () => {
  it('pages 20 at a time, newest first, and refuses pages past the end', async () => {
    const section = (await getSectionBySlug(t.db, 'sports'))!;
    const p1 = (await listLivePage(t.db, { sectionId: section.id }, { locale: 'ar', now, page: 1 }))!;
    expect(p1.items).toHaveLength(PAGE_SIZE);
    expect(p1.pageCount).toBe(Math.ceil(p1.total / PAGE_SIZE));
    const times = p1.items.map((a) => a.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(p1.items.every((a) => a.section.slug === 'sports')).toBe(true);
    const p2 = (await listLivePage(t.db, { sectionId: section.id }, { locale: 'ar', now, page: 2 }))!;
    expect(p2.items[0]!.publishedAt.getTime()).toBeLessThanOrEqual(times.at(-1)!);
    expect(
      await listLivePage(t.db, { sectionId: section.id }, { locale: 'ar', now, page: p1.pageCount + 1 }),
    ).toBeNull();
  });

  it('lists a tag’s stories', async () => {
    const first = (await getLiveArticle(
      t.db,
      (await listLatest(t.db, { locale: 'ar', now, limit: 1 }))[0]!.id,
      now,
    ))!;
    const tag = (await getTagBySlug(t.db, first.tags[0]!.slug))!;
    const page = (await listLivePage(t.db, { tagId: tag.id }, { locale: 'ar', now, page: 1 }))!;
    expect(page.items.map((a) => a.id)).toContain(first.id);
  });
});

describe('related stories', () => {
  it('offers at least 4 stories sharing tags or section, never the article itself', async () => {
    for (const card of await listLatest(t.db, { locale: 'ar', now, limit: 16 })) {
      const article = (await getLiveArticle(t.db, card.id, now))!;
      const related = await listRelated(t.db, article, now, 4);
      expect(related).toHaveLength(4);
      expect(related.map((r) => r.id)).not.toContain(article.id);
    }
  });
});

describe('most read', () => {
  it('ranks by views over the last week', async () => {
    const [a, b] = (await listLatest(t.db, { locale: 'ar', now, limit: 40 })).slice(30);
    await addArticleViews(t.db, utcDay(now), new Map([[a!.id, 100_000]]));
    await addArticleViews(t.db, utcDay(now), new Map([[b!.id, 50_000]]));
    await addArticleViews(t.db, utcDay(now), new Map([[b!.id, 60_000]]));
    const top = await listMostRead(t.db, { locale: 'ar', now, limit: 2 });
    expect(top.map((x) => x.id)).toEqual([b!.id, a!.id]);
  });
});

describe('date settings', () => {
  it('defaults to Levantine months and Western digits, and reads overrides', async () => {
    expect(await getDateSettings(t.db)).toMatchObject({ months: 'levantine', digits: 'latn', hijri: false });
    await t.db.insert(settings).values([
      { key: 'dates.months', value: 'both' },
      { key: 'dates.digits', value: 'arab' },
      { key: 'dates.hijri', value: 'true' },
    ]);
    expect(await getDateSettings(t.db)).toMatchObject({ months: 'both', digits: 'arab', hijri: true });
    await t.db.update(settings).set({ value: 'nonsense' });
    expect(await getDateSettings(t.db)).toMatchObject({ months: 'levantine', digits: 'latn' });
  });
});
