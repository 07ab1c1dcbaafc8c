/**
 * Search on PostgreSQL (db/search/pg.ts) against search on SQLite (FTS5, db/search/fts5.ts): one
 * corpus (tests/helpers/search-corpus.ts) indexed on both must give, for every query below, the
 * same results — the same stories with the same cards, headlines and snippets — and the same
 * first story where the ranking leaves no doubt. Then the index is kept on PostgreSQL as on
 * SQLite: after edits, renames, unpublishing and deletion by any path, in the writer's
 * transaction, and rebuilt once by whichever of several starting instances comes first.
 *
 * Runs when MIDAD_TEST_DATABASE_URL names a server (a database there to connect to, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres); it makes and drops a database of its own.
 * Unset, the tests are skipped and say so; set but unreachable, they fail.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg, openPgPool, type PgDb } from '@/db/pg';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { rebuildSearchIndex, searchArticles, type SearchParams, type SearchResult } from '@/db/search';
import { syncSearchIndex, syncSearchIndexForSection, syncSearchIndexForTag } from '@/db/search/maintain';
import * as pgSearch from '@/db/search/pg';
import type { Page } from '@/db/queries/views';
import {
  CORPUS_IDS as ID,
  CORPUS_NOW,
  CORPUS_T0,
  insertCorpusPg,
  insertCorpusSqlite,
} from '@/tests/helpers/search-corpus';
import { createTestDb } from '@/tests/helpers/test-db';

const serverUrl = process.env.MIDAD_TEST_DATABASE_URL;
const SKIPPED = 'PostgreSQL search tests skipped: MIDAD_TEST_DATABASE_URL is unset';

/** Queries of the Arabic edition whose results both engines must agree on. */
const ARABIC_QUERIES = [
  // harakat, every alef, ة/ه, ى/ي
  'سلحفاة',
  'السُّلَحْفَاة',
  'احمد',
  'إحمد',
  'أرخبيل',
  'ارخبيل',
  'آرخبيل',
  'ٱرخبيل',
  'القنطرة',
  'القنطره',
  'المرسى',
  'المرسي',
  // broken plurals and singulars, ال and proclitics in front of a word
  'مدرسة',
  'المدارس',
  'مدارس',
  'السلاحف',
  'دمج',
  'الدمج',
  'والدمج',
  'بالمياه',
  // phrases, also behind a proclitic and across fields, and exclusions
  '"مجلس الحكماء"',
  '"الحكماء مجلس"',
  '"حي الميدان"',
  '"الكبير الجسر"',
  'المياه',
  'المياه -النهر',
  'حي -"حي الميدان"',
  'ترميم -القنطرة -المدارس',
  // digits, tags, section names, several words
  '2026',
  '٢٠٢٦',
  'نسور',
  'محليات',
  'البيئة الشاطئ',
  'جولة السوق محليات',
  'الكنغر',
  'المفاعل',
  'مفاعل',
  'حوت',
  'بومة',
  'افتتاح المدينة',
  // what readers may not see, the other edition, and input no index syntax reaches
  'الزرافة',
  'البطريق',
  'الفهد',
  'انتخابات',
  'election',
  'دمج*',
  'NEAR(دمج حوت)',
  '{title_exact}: دمج',
];

const ENGLISH_QUERIES = [
  'election',
  'elections',
  'ELECTIONS',
  'child',
  'children',
  'crisis',
  'crises',
  '"city council"',
  'council city',
  'market',
  'market -stock',
  'markets',
  'cafe',
  'Café',
  'the',
  'انتخابات',
  '"polling station"',
];

/** Where ranking leaves no doubt: a query and the story that must come first on both engines. */
const FIRST: [q: string, key: string][] = [
  ['السلحفاة', 'turtle'], // headline match above a newer body match
  ['المدارس', 'schools'], // the word as written above its singular
  ['مدرسة', 'school'],
  ['المفاعل', 'reactorExact'], // exact above stemmed
  ['مفاعل', 'reactorStem'],
  ['حوت', 'whaleNew'], // the newer of two equal matches
  ['احمد', 'library'],
  ['بومة', 'owl'],
  ['الكنغر', 'kangaroo4'],
];
const FIRST_EN: [q: string, key: string][] = [
  ['elections', 'elections'],
  // The word as typed (in a body) and its stem (in the tags) above a plural in a headline: each
  // kind of match saturates on its own, as in bm25.
  ['election', 'election'],
  ['children', 'children'],
  ['crisis', 'crisis'],
];

const HOSTILE = [
  '',
  '   ',
  'ًٌٍَُِّْ',
  '😀🎉',
  '"',
  '"""',
  '"unbalanced',
  '( ) * : ^',
  "' & | ! <-> :* \\",
  "it's",
  'دمج & حوت | !بومة',
  'دمج AND OR NOT',
  '-دمج',
  "'; DROP TABLE articles; --",
  'ا'.repeat(1000),
  'دمج '.repeat(250),
  '\u0000\uFFFF\uD800',
];

if (!serverUrl) {
  console.warn(SKIPPED);
  describe('search on PostgreSQL', () => {
    it.skip(SKIPPED, () => {});
  });
} else {
  describe('search on PostgreSQL', () => {
    const name = `searchpg_test_${randomBytes(6).toString('hex')}`;
    let admin: pg.Client;
    let db: PgDb;
    let sqlite: Awaited<ReturnType<typeof createTestDb>>;

    const urlOf = (database: string) => {
      const u = new URL(serverUrl);
      u.pathname = `/${database}`;
      return u.toString();
    };

    beforeAll(async () => {
      sqlite = await createTestDb();
      insertCorpusSqlite(sqlite.db);
      expect(await rebuildSearchIndex(sqlite.db)).toBeGreaterThan(30);

      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect(); // an unreachable server fails every test here, as it should
      await admin.query(`CREATE DATABASE ${name}`);
      db = openPgPool(urlOf(name));
      await migratePg(db);
      await insertCorpusPg(db);
      expect(await pgSearch.rebuildSearchIndex(db)).toBe(await rebuildSearchIndex(sqlite.db));
    });

    afterAll(async () => {
      await sqlite?.cleanup();
      await db?.$client.end();
      if (admin) {
        // pool.end() resolves before the server has seen every connection go (see pg-schema.test.ts).
        for (let i = 0; i < 100; i++) {
          const open = await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [name]);
          if (open.rowCount === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });

    type Search = Partial<SearchParams> & { q: string };
    const params = (s: Search): SearchParams => ({
      locale: 'ar',
      now: CORPUS_NOW,
      page: 1,
      perPage: 50,
      ...s,
    });
    const onSqlite = (s: Search) => searchArticles(sqlite.db, params(s));
    const onPg = (s: Search) => pgSearch.searchArticles(db, params(s));
    const idsOf = (page: Page<SearchResult> | null) => page?.items.map((i) => i.id) ?? [];
    const byId = (page: Page<SearchResult> | null) => [...(page?.items ?? [])].sort((a, b) => a.id - b.id);

    /** Both engines' answers to one search: the same stories, cards, highlights, snippets and totals. */
    async function expectSameResults(s: Search) {
      const [a, b] = await Promise.all([onSqlite(s), onPg(s)]);
      const label = JSON.stringify(s);
      expect(b === null, label).toBe(a === null);
      expect(byId(b), label).toEqual(byId(a));
      expect(b?.total, label).toBe(a?.total);
      expect(b?.pageCount, label).toBe(a?.pageCount);
      return { sqlite: a, pg: b };
    }

    describe('finds what SQLite finds', () => {
      it.each(ARABIC_QUERIES)('in the Arabic edition: %j', async (q) => {
        await expectSameResults({ q });
      });

      it.each(ENGLISH_QUERIES)('in the English edition: %j', async (q) => {
        await expectSameResults({ q, locale: 'en' });
      });

      it('and these are the stories readers expect', async () => {
        const ids = async (q: string, locale = 'ar') =>
          idsOf(await onPg({ q, locale })).sort((a, b) => a - b);
        const sorted = (...keys: string[]) => keys.map((k) => ID[k]!).sort((a, b) => a - b);
        expect(await ids('السُّلَحْفَاة')).toEqual(sorted('turtle', 'turtleBody'));
        for (const q of ['أرخبيل', 'ارخبيل', 'آرخبيل', 'ٱرخبيل'])
          expect(await ids(q)).toEqual(sorted('archipelago'));
        expect(await ids('القنطره')).toEqual(sorted('archMarbuta', 'archHeh'));
        expect(await ids('المرسى')).toEqual(sorted('portMaksura', 'portYeh'));
        expect(await ids('مدارس')).toEqual(sorted('schools', 'school'));
        expect(await ids('دمج')).toEqual(sorted('mergeBi', 'mergeLi', 'mergeWabi'));
        expect(await ids('"مجلس الحكماء"')).toEqual(sorted('council'));
        expect(await ids('"الحكماء مجلس"')).toEqual([]);
        expect(await ids('"الكبير الجسر"')).toEqual([]); // a headline's end and a summary's start
        expect(await ids('المياه -النهر')).toEqual(sorted('desalination'));
        expect(await ids('٢٠٢٦')).toEqual(sorted('transport'));
        expect(await ids('نسور')).toEqual(sorted('market'));
        for (const q of ['الزرافة', 'البطريق', 'الفهد', 'election']) expect(await ids(q)).toEqual([]);
        expect(await ids('"city council"', 'en')).toEqual(sorted('cityCouncil'));
        expect(await ids('market -stock', 'en')).toEqual(sorted('fishMarket'));
        expect(await ids('child', 'en')).toEqual(sorted('children'));
        expect(await ids('cafe', 'en')).toEqual(sorted('cafe'));
        expect(await ids('انتخابات', 'en')).toEqual([]);
      });

      it.each([...FIRST.map(([q, key]) => ['ar', q, key]), ...FIRST_EN.map(([q, key]) => ['en', q, key])])(
        'ranks the same story first (%s %j)',
        async (locale, q, key) => {
          const { sqlite: a, pg: b } = await expectSameResults({ q, locale });
          expect(idsOf(a)[0]).toBe(ID[key]);
          expect(idsOf(b)[0]).toBe(ID[key]);
        },
      );

      it('marks hits in headlines and snippets as written', async () => {
        const owl = (await onPg({ q: 'بومة' }))!.items.find((i) => i.id === ID.owl)!;
        expect(owl.titleHighlight).toContainEqual({ text: 'البومة', hit: true });
        expect(owl.snippet).toContainEqual({ text: 'البُومَةُ', hit: true });
        const turtle = (await onPg({ q: 'الشاطئ' }))!.items.find((i) => i.id === ID.turtle)!;
        expect(turtle.image).toMatchObject({ stem: 'shore', variantWidths: [320, 640, 1280], focalY: 0.25 });
      });
    });

    describe('filters and pages as SQLite does', () => {
      const day = (n: number) => new Date(CORPUS_T0.getTime() + n * 86_400_000);
      it.each<[string, Search]>([
        ['a section', { q: 'الكنغر', section: 'world' }],
        ['an unknown section', { q: 'الكنغر', section: 'nowhere' }],
        ['a date range', { q: 'الكنغر', from: day(2), to: day(4) }],
        ['a start date', { q: 'الكنغر', from: day(3) }],
        ['a clock before a story went live', { q: 'حوت', now: new Date(CORPUS_T0.getTime() + 300 * 60_000) }],
        ['a first page', { q: 'الكنغر', perPage: 2 }],
        ['a middle page', { q: 'الكنغر', perPage: 2, page: 2 }],
        ['the last page', { q: 'الكنغر', perPage: 2, page: 3 }],
        ['a page past the end', { q: 'الكنغر', perPage: 2, page: 9 }],
        ['a page of nothing', { q: 'الزرافة', page: 3 }],
        ['odd paging', { q: 'الكنغر', perPage: 0, page: -4 }],
      ])('%s', async (_what, s) => {
        const { sqlite: a, pg: b } = await expectSameResults(s);
        // These differ by publish time only, so the order is the same too.
        expect(idsOf(b)).toEqual(idsOf(a));
      });

      it.each<[string, Search]>([
        ['another section', { q: 'دمج', section: 'economy' }],
        ['the other edition’s section', { q: 'market', locale: 'en', section: 'economy' }],
        ['an end date', { q: 'المياه', to: new Date(CORPUS_T0.getTime() + 100 * 60_000) }],
      ])('%s, as a set', async (_what, s) => {
        await expectSameResults(s);
      });

      it('counts a total beyond one page', async () => {
        const page = (await onPg({ q: 'الكنغر', perPage: 2, page: 2 }))!;
        expect(page).toMatchObject({ total: 6, pageCount: 3, page: 2 });
        expect(page.items).toHaveLength(2);
      });

      it.each([1, 2, 3, 4])('pages of %i are the full ranking cut in pieces', async (perPage) => {
        const full = idsOf(await onPg({ q: 'الكنغر' }));
        expect(full).toHaveLength(6);
        expect(full.at(-1)).toBe(ID.kangarooArchive);
        const pieces: number[] = [];
        for (let page = 1; page <= Math.ceil(full.length / perPage); page++) {
          const { sqlite: a, pg: b } = await expectSameResults({ q: 'الكنغر', perPage, page });
          expect(idsOf(b)).toEqual(idsOf(a));
          pieces.push(...idsOf(b));
        }
        expect(pieces).toEqual(full);
      });
    });

    it.each(HOSTILE)('never throws on %j', async (q) => {
      await expect(onPg({ q })).resolves.toBeDefined();
      await expect(
        onPg({ q, locale: 'en', section: 'local', from: CORPUS_T0, to: CORPUS_NOW }),
      ).resolves.toBeDefined();
    });

    it('answers from the GIN index', async () => {
      const client = await db.$client.connect();
      try {
        await client.query('BEGIN');
        // The corpus is small enough for a scan; the question is whether the index can answer.
        await client.query('SET LOCAL enable_seqscan = off');
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT article_id FROM search_index
           WHERE exact @@ to_tsquery('simple', $1) OR stem @@ to_tsquery('simple', $2)`,
          ["'دمج'", "'دمج'"],
        );
        expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('search_index_text_idx');
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    describe('keeps the index as SQLite keeps it', () => {
      /** The same change on both engines, then the index brought up to date on each. */
      async function change(
        onSqliteDb: () => void,
        onPgDb: () => Promise<unknown>,
        sync?: { ids?: number[]; sectionId?: number; tagId?: number },
      ) {
        onSqliteDb();
        await onPgDb();
        if (sync?.ids) {
          await syncSearchIndex(sqlite.db, sync.ids);
          await pgSearch.syncSearchIndex(db, sync.ids);
        }
        if (sync?.sectionId) {
          await syncSearchIndexForSection(sqlite.db, sync.sectionId);
          await pgSearch.syncSearchIndexForSection(db, sync.sectionId);
        }
        if (sync?.tagId) {
          await syncSearchIndexForTag(sqlite.db, sync.tagId);
          await pgSearch.syncSearchIndexForTag(db, sync.tagId);
        }
      }
      const s = sqliteSchema;
      const p = pgSchema;

      it('after an edit, a tag renamed and a section renamed', async () => {
        const id = ID.market!;
        await change(
          () =>
            sqlite.db
              .update(s.articles)
              .set({ title: 'جولة في الميناء القديم' })
              .where(eq(s.articles.id, id))
              .run(),
          () => db.update(p.articles).set({ title: 'جولة في الميناء القديم' }).where(eq(p.articles.id, id)),
          { ids: [id] },
        );
        await change(
          () => sqlite.db.update(s.tags).set({ name: 'صقور' }).where(eq(s.tags.id, 2)).run(),
          () => db.update(p.tags).set({ name: 'صقور' }).where(eq(p.tags.id, 2)),
          { tagId: 2 },
        );
        await change(
          () =>
            sqlite.db.update(s.sections).set({ nameAr: 'العالم الواسع' }).where(eq(s.sections.id, 2)).run(),
          () => db.update(p.sections).set({ nameAr: 'العالم الواسع' }).where(eq(p.sections.id, 2)),
          { sectionId: 2 },
        );
        for (const q of ['السوق', 'الميناء', 'نسور', 'صقور', 'الواسع', 'العالم', 'سلحفاة'])
          await expectSameResults({ q });
        expect(idsOf(await onPg({ q: 'صقور' }))).toEqual([id]);
        expect(idsOf(await onPg({ q: 'الميناء صقور' }))).toEqual([id]);
        expect(idsOf(await onPg({ q: 'نسور' }))).toEqual([]);
        expect(idsOf(await onPg({ q: 'سلحفاة الواسع' }))).toContain(ID.turtle);
      });

      it('after a story leaves the site by any path, or moves', async () => {
        // Raw writes, no sync: the triggers take stories out and carry their facts along.
        await change(
          () =>
            sqlite.db
              .update(s.articles)
              .set({ status: 'draft' })
              .where(eq(s.articles.id, ID.whaleNew!))
              .run(),
          () => db.update(p.articles).set({ status: 'draft' }).where(eq(p.articles.id, ID.whaleNew!)),
        );
        await change(
          () => sqlite.db.delete(s.articles).where(eq(s.articles.id, ID.owl!)).run(),
          () => db.delete(p.articles).where(eq(p.articles.id, ID.owl!)),
        );
        await change(
          () =>
            sqlite.db.update(s.articles).set({ sectionId: 3 }).where(eq(s.articles.id, ID.kangaroo0!)).run(),
          () => db.update(p.articles).set({ sectionId: 3 }).where(eq(p.articles.id, ID.kangaroo0!)),
        );
        const later = new Date(CORPUS_NOW.getTime() + 86_400_000);
        await change(
          () =>
            sqlite.db
              .update(s.articles)
              .set({ publishedAt: later })
              .where(eq(s.articles.id, ID.kangaroo1!))
              .run(),
          () => db.update(p.articles).set({ publishedAt: later }).where(eq(p.articles.id, ID.kangaroo1!)),
        );
        for (const q of ['حوت', 'بومة', 'الكنغر']) await expectSameResults({ q });
        await expectSameResults({ q: 'الكنغر', section: 'economy' });
        expect(idsOf(await onPg({ q: 'حوت' }))).toEqual([ID.whaleOld]);
        expect(idsOf(await onPg({ q: 'بومة' }))).toEqual([]);
        expect(idsOf(await onPg({ q: 'الكنغر', section: 'economy' }))).toEqual([ID.kangaroo0]);
        expect(idsOf(await onPg({ q: 'الكنغر' }))).not.toContain(ID.kangaroo1);
        // Republished, it needs the indexer again, as on SQLite.
        await change(
          () =>
            sqlite.db
              .update(s.articles)
              .set({ status: 'published' })
              .where(eq(s.articles.id, ID.whaleNew!))
              .run(),
          () => db.update(p.articles).set({ status: 'published' }).where(eq(p.articles.id, ID.whaleNew!)),
          { ids: [ID.whaleNew!, ID.draft!] },
        );
        expect(idsOf(await expectSameResults({ q: 'حوت' }).then((r) => r.pg))).toEqual([
          ID.whaleNew,
          ID.whaleOld,
        ]);
      });

      it('inside the writer’s transaction, and not at all when it rolls back', async () => {
        const id = ID.transport!;
        await expect(
          db.transaction(async (tx) => {
            await tx
              .update(p.articles)
              .set({ title: 'خطة الترام حتى عام ٢٠٢٦' })
              .where(eq(p.articles.id, id));
            await pgSearch.syncSearchIndex(tx, [id]);
            // Seen inside the transaction, by its own connection …
            expect(idsOf(await pgSearch.searchArticles(tx, params({ q: 'الترام' })))).toEqual([id]);
            // … and by no one else before it commits.
            expect(idsOf(await onPg({ q: 'الترام' }))).toEqual([]);
            throw new Error('the save fails later');
          }),
        ).rejects.toThrow('the save fails later');
        expect(idsOf(await onPg({ q: 'الترام' }))).toEqual([]);
        expect(idsOf(await onPg({ q: 'النقل' }))).toEqual([id]);
      });

      it('rebuilds to the same index', async () => {
        const queries = ['دمج', 'الكنغر', 'ارخبيل', 'حوت', 'صقور', 'المياه -النهر'];
        const before = await Promise.all(queries.map((q) => onPg({ q })));
        expect(await pgSearch.rebuildSearchIndex(db)).toBeGreaterThan(30);
        expect(await Promise.all(queries.map((q) => onPg({ q })))).toEqual(before);
        for (const q of queries) await expectSameResults({ q });
      });

      it('rebuilds on start when built by an older stemmer, once whichever instance comes first', async () => {
        await db.execute(sql`UPDATE settings SET value = '1' WHERE key = 'search.index_version'`);
        const other = openPgPool(urlOf(name));
        try {
          const results = await Promise.all([
            pgSearch.ensureSearchIndex(db),
            pgSearch.ensureSearchIndex(other),
          ]);
          expect(results.filter((r) => r === null)).toHaveLength(1);
          expect(results.find((r) => r !== null)).toBeGreaterThan(30);
        } finally {
          await other.$client.end();
        }
        expect(await pgSearch.ensureSearchIndex(db)).toBeNull();
        // An empty index with live stories (a database from before search) is filled.
        await db.execute(sql`DELETE FROM search_index`);
        expect(await pgSearch.ensureSearchIndex(db)).toBeGreaterThan(30);
        await expectSameResults({ q: 'دمج' });
      });
    });
  });
}
