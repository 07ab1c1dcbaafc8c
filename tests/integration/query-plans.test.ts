import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  getLiveArticle,
  listBreaking,
  listFeatured,
  listLatest,
  listLivePage,
  listRelated,
} from '@/db/queries/articles';
import { listMostRead } from '@/db/queries/most-read';
import { listActivity } from '@/db/queries/newsroom';
import { listSitemapMonthArticles } from '@/db/queries/sitemaps';
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { createSeededDb } from '../helpers/test-db';

const now = new Date('2026-11-28T12:00:00Z');
const captured: string[] = [];
let t: Awaited<ReturnType<typeof createSeededDb>>;

beforeAll(async () => {
  // Enough rows that the planner's choices are the ones a real site gets.
  t = await createSeededDb({ now, articles: 3000, verbose: (sql) => captured.push(String(sql)) });
  t.db.$client.exec('ANALYZE');
});
afterAll(() => t.cleanup());

/** Runs a query function (awaiting it, if async), then EXPLAINs every SELECT it sent. */
async function plansOf(run: (db: Db) => unknown): Promise<string[]> {
  captured.length = 0;
  await run(t.db);
  const statements = captured.filter((s) => /^\s*select/i.test(s));
  expect(statements.length).toBeGreaterThan(0);
  return statements.flatMap((s) =>
    (t.db.$client.prepare(`EXPLAIN QUERY PLAN ${s}`).all() as { detail: string }[]).map((r) => r.detail),
  );
}

// A full table scan reads as "SCAN <table>" with no index; walking an index in order is fine.
const FULL_SCAN = /^SCAN (\w+)(?! USING (?:COVERING )?INDEX)(?:\s|$)/;

describe('every listing query uses an index', () => {
  const cases: [string, (db: Db) => unknown][] = [
    ['latest', (db) => listLatest(db, { locale: 'ar', now, limit: 20 })],
    ['latest page 3 with count', (db) => listLivePage(db, { all: true }, { locale: 'ar', now, page: 3 })],
    [
      'section',
      async (db) =>
        listLivePage(
          db,
          { sectionId: (await getSectionBySlug(db, 'economy'))!.id },
          { locale: 'ar', now, page: 2 },
        ),
    ],
    [
      'tag',
      async (db) =>
        listLivePage(
          db,
          { tagId: (await getTagBySlug(db, await getTagSlug(db)))!.id },
          { locale: 'ar', now, page: 1 },
        ),
    ],
    [
      'author',
      async (db) =>
        listLivePage(
          db,
          { userId: (await getAuthorBySlug(db, 'sami-azzam'))!.id },
          { locale: 'ar', now, page: 1 },
        ),
    ],
    ['featured', (db) => listFeatured(db, { locale: 'ar', now, limit: 5 })],
    ['breaking', (db) => listBreaking(db, { locale: 'ar', now, limit: 10 })],
    ['most read', (db) => listMostRead(db, { locale: 'ar', now, limit: 5 })],
    [
      'article and related',
      async (db) => listRelated(db, (await getLiveArticle(db, await latestId(db), now))!, now),
    ],
    // A writer's dashboard and the audit log filtered by person.
    [
      'activity concerning a writer',
      async (db) => listActivity(db, { concerning: (await getAuthorBySlug(db, 'sami-azzam'))!.id }),
    ],
    [
      'audit log by person',
      async (db) => listActivity(db, { actorId: (await getAuthorBySlug(db, 'sami-azzam'))!.id }),
    ],
  ];

  it.each(cases)('%s', async (_name, run) => {
    const details = await plansOf(run);
    const scans = details.filter((d) => FULL_SCAN.test(d));
    expect(scans, details.join('\n')).toEqual([]);
  });
});

async function latestId(db: Db): Promise<number> {
  return (await listLatest(db, { locale: 'ar', now, limit: 1 }))[0]!.id;
}

async function getTagSlug(db: Db): Promise<string> {
  return (await getLiveArticle(db, await latestId(db), now))!.tags[0]!.slug;
}

describe('translations', () => {
  it('the article page and the monthly sitemap find a translation through its index', async () => {
    const translated = t.db.$client
      .prepare('SELECT id FROM articles WHERE translation_key IS NOT NULL AND locale = ? LIMIT 1')
      .get('ar') as { id: number };
    const details = await plansOf(async (db) => {
      expect((await getLiveArticle(db, translated.id, now))!.translation).not.toBeNull();
      const month = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, page: 1 };
      await listSitemapMonthArticles(db, { locale: 'ar', now, ...month });
    });
    expect(details.filter((d) => FULL_SCAN.test(d))).toEqual([]);
    expect(details.filter((d) => /articles_translation_idx/.test(d)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('tag and author pages read only their link table', () => {
  it.each(['tag', 'author'])('%s: the count and the page never walk every live article', async (kind) => {
    const scope =
      kind === 'tag'
        ? { tagId: (await getTagBySlug(t.db, await getTagSlug(t.db)))!.id }
        : { userId: (await getAuthorBySlug(t.db, 'sami-azzam'))!.id };
    const details = (await plansOf((db) => listLivePage(db, scope, { locale: 'ar', now, page: 1 }))).join(
      '\n',
    );
    expect(details).not.toMatch(/articles_feed_idx/);
    expect(details).toMatch(/_live_idx/);
  });

  it('the link tables follow the article through unpublish, republish and delete (triggers)', async () => {
    const id = await latestId(t.db);
    const tag = (await getLiveArticle(t.db, id, now))!.tags[0]!;
    const count = async () =>
      (await listLivePage(t.db, { tagId: tag.id }, { locale: 'ar', now, page: 1 }))!.total;
    const before = await count();
    t.db.$client.prepare("UPDATE articles SET status = 'draft' WHERE id = ?").run(id);
    expect(await count()).toBe(before - 1);
    t.db.$client.prepare("UPDATE articles SET status = 'published' WHERE id = ?").run(id);
    expect(await count()).toBe(before);
    t.db.$client.prepare('UPDATE articles SET deleted_at = ? WHERE id = ?').run(now.getTime(), id);
    expect(await count()).toBe(before - 1);
    t.db.$client.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(id);
  });
});

describe('newsroom activity', () => {
  it('finds one person’s rows through their index, not by walking the whole audit log', async () => {
    const id = (await getAuthorBySlug(t.db, 'sami-azzam'))!.id;
    for (const filter of [{ concerning: id }, { actorId: id }])
      expect((await plansOf((db) => listActivity(db, filter))).join('\n')).toMatch(/audit_log_user_idx/);
  });
});
