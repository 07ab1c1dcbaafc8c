/**
 * The PostgreSQL schema on a real server: db/migrations/pg applies to a fresh database (also
 * from two instances at once, and again as a no-op), makes every table and column of
 * db/schema/pg.ts, and the same rows written through Drizzle read back as the same JavaScript
 * values as on SQLite: Dates to the millisecond, booleans, JSON, counters past 2^31, and the
 * trigger-kept copies of an article's live time on its tag links.
 *
 * Runs when MIDAD_TEST_DATABASE_URL names a server (a database there to connect to, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres); it makes and drops a database of its own.
 * Unset, the tests are skipped and say so; set but unreachable, they fail.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg, openPgPool, type PgDb } from '@/db/pg';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { createTestDb } from '@/tests/helpers/test-db';

const serverUrl = process.env.MIDAD_TEST_DATABASE_URL;
const SKIPPED = 'PostgreSQL schema tests skipped: MIDAD_TEST_DATABASE_URL is unset';

if (!serverUrl) {
  console.warn(SKIPPED);
  describe('PostgreSQL schema', () => {
    it.skip(SKIPPED, () => {});
  });
} else {
  describe('PostgreSQL schema', () => {
    const name = `pgschema_test_${randomBytes(6).toString('hex')}`;
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
      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect(); // an unreachable server fails every test here, as it should
      await admin.query(`CREATE DATABASE ${name}`);
      db = openPgPool(urlOf(name));
      // Two instances starting together: migratePg takes turns, so neither trips over the other.
      const other = openPgPool(urlOf(name));
      try {
        await Promise.all([migratePg(db), migratePg(other)]);
      } finally {
        await other.$client.end();
      }
    });

    afterAll(async () => {
      await sqlite.cleanup();
      await db?.$client.end();
      if (admin) {
        // pool.end() resolves before the server has seen every connection go; wait for that, so
        // that FORCE below has nothing left to cut (it would show as an idle connection lost).
        for (let i = 0; i < 100; i++) {
          const open = await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [name]);
          if (open.rowCount === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });

    const journalEntries = () =>
      (
        JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'pg', 'meta', '_journal.json'), 'utf8')) as {
          entries: unknown[];
        }
      ).entries.length;
    const appliedMigrations = async () =>
      Number((await db.$client.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0].n);

    it('migrates a fresh database from two instances at once, then again as a no-op', async () => {
      expect(await appliedMigrations()).toBe(journalEntries());
      await migratePg(db);
      expect(await appliedMigrations()).toBe(journalEntries());
    });

    it('has every table and column of db/schema/pg.ts, and no others but search’s', async () => {
      const declared = (Object.values(pgSchema) as unknown[])
        .filter((t): t is PgTable => t instanceof PgTable)
        .map((t) => getTableConfig(t))
        .flatMap((c) => c.columns.map((col) => `${c.name}.${col.name}`))
        .sort();
      // The search table is hand-written SQL (0002_search), kept by db/search/pg.ts alone, as
      // SQLite's FTS5 tables are outside its schema too.
      const { rows } = await db.$client.query<{ column: string }>(
        `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> 'search_index' ORDER BY 1`,
      );
      expect(rows.map((r) => r.column).sort()).toEqual(declared);
      expect(declared).toContain('articles.published_at');
    });

    it('seeds the same static pages as SQLite', async () => {
      const pick = (rows: { slug: string; locale: string; title: string; body: string }[]) =>
        rows.map(({ slug, locale, title, body }) => ({ slug, locale, title, body }));
      const fromPg = pick(await db.select().from(pgSchema.staticPages).orderBy(pgSchema.staticPages.id));
      const fromSqlite = pick(
        sqlite.db.select().from(sqliteSchema.staticPages).orderBy(sqliteSchema.staticPages.id).all(),
      );
      expect(fromPg).toHaveLength(6);
      expect(fromPg).toEqual(fromSqlite);
    });

    /** The same writes on both engines; the row types are the same (tests/unit/schema-parity). */
    const publishedAt = new Date('2026-03-01T12:34:56.789Z');
    type Written =
      | 'users'
      | 'sections'
      | 'tags'
      | 'media'
      | 'articles'
      | 'articleTags'
      | 'articleAuthors'
      | 'articleViews'
      | 'auditLog'
      | 'revisions';
    const writes: { [K in Written]: (typeof sqliteSchema)[K]['$inferInsert'][] } = {
      users: [
        {
          email: 'hala@example.com',
          name: 'هالة',
          slug: 'hala',
          role: 'editor',
          disabled: true,
          createdAt: new Date('2026-01-02T03:04:05.006Z'),
        },
      ],
      sections: [{ slug: 'local', nameAr: 'محلي', nameEn: 'Local' }],
      tags: [{ slug: 'water', name: 'المياه' }],
      media: [
        {
          stem: 'river',
          width: 1600,
          height: 900,
          variantWidths: [320, 640, 1280],
          alt: 'النهر',
          focalX: 0.1,
          focalY: 2 / 3,
          uploadedBy: 1,
          createdAt: new Date('2026-02-01T00:00:00.001Z'),
        },
      ],
      articles: [
        {
          title: 'عنوان الخبر',
          slug: 'a-story',
          status: 'published',
          publishedAt,
          updatedAt: new Date('2026-03-01T12:35:00.000Z'),
          createdAt: new Date('2026-03-01T09:00:00.999Z'),
          sectionId: 1,
          heroMediaId: 1,
          breaking: true,
          breakingUntil: new Date('2026-03-02T00:00:00.000Z'),
          featured: false,
        },
      ],
      articleTags: [{ articleId: 1, tagId: 1 }],
      articleAuthors: [{ articleId: 1, userId: 1 }],
      articleViews: [
        { articleId: 1, day: '2026-03-01', count: 2 ** 40 + 7 },
        { articleId: 1, day: '2026-03-02', count: Number.MAX_SAFE_INTEGER },
      ],
      auditLog: [
        {
          userId: 1,
          action: 'article.publish',
          entity: 'article',
          entityId: 1,
          details: { sectionId: 1, words: ['أ', 'ب'], nested: { ok: true, none: null } },
          createdAt: new Date('2026-03-01T12:34:56.790Z'),
        },
      ],
      revisions: [
        {
          articleId: 1,
          userId: 1,
          createdAt: publishedAt,
          snapshot: {
            title: 'عنوان الخبر',
            dek: '',
            body: '<p>نص</p>',
            slug: 'a-story',
            sectionId: 1,
            tags: ['المياه'],
            heroMediaId: 1,
            sourceOutlet: '',
            sourceAgency: '',
          },
        },
      ],
    };
    const tables = Object.keys(writes) as Written[];

    /** A table's rows in an order that does not depend on the engine. */
    const sorted = <T>(rows: T[]) =>
      rows
        .map((r) => [JSON.stringify(r), r] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, r]) => r);
    const readSqlite = (table: Written) =>
      sorted(
        sqlite.db
          .select()
          .from(sqliteSchema[table] as SQLiteTable)
          .all(),
      );
    const readPg = async (table: Written) => sorted(await db.select().from(pgSchema[table] as PgTable));

    it('reads back what SQLite reads back: Dates, booleans, JSON, big counters', async () => {
      for (const table of tables) {
        sqlite.db
          .insert(sqliteSchema[table] as SQLiteTable)
          .values(writes[table])
          .run();
        await db.insert(pgSchema[table] as PgTable).values(writes[table]);
      }
      for (const table of tables) expect(await readPg(table), table).toEqual(readSqlite(table));

      const [article] = await db.select().from(pgSchema.articles);
      expect(article).toMatchObject({ publishedAt, breaking: true, featured: false, version: 1 });
      expect(article!.createdAt).toEqual(writes.articles[0]!.createdAt);
      const views = await db.select().from(pgSchema.articleViews).orderBy(pgSchema.articleViews.day);
      expect(views.map((v) => v.count)).toEqual([2 ** 40 + 7, Number.MAX_SAFE_INTEGER]);
      const [media] = await db.select().from(pgSchema.media);
      expect(media).toMatchObject({ variantWidths: [320, 640, 1280], focalY: 2 / 3 });
    });

    it('fills defaults with the same kinds of value', async () => {
      const [pgRow] = await db
        .insert(pgSchema.redirects)
        .values({ fromPath: '/old', toPath: '/new' })
        .returning();
      const sqliteRow = sqlite.db
        .insert(sqliteSchema.redirects)
        .values({ fromPath: '/old', toPath: '/new' })
        .returning()
        .get();
      expect(pgRow!.createdAt).toBeInstanceOf(Date);
      expect(sqliteRow.createdAt).toBeInstanceOf(Date);
      expect({ ...pgRow, createdAt: null }).toEqual({ ...sqliteRow, createdAt: null });
    });

    // Uses the rows written above.
    it('keeps tag and byline links’ live time in step with their article, as SQLite’s triggers do', async () => {
      const liveAt = async () => (await db.select().from(pgSchema.articleTags))[0]?.liveAt;
      expect(await liveAt()).toEqual(publishedAt);

      await db.update(pgSchema.articles).set({ status: 'draft' }).where(eq(pgSchema.articles.id, 1));
      sqlite.db
        .update(sqliteSchema.articles)
        .set({ status: 'draft' })
        .where(eq(sqliteSchema.articles.id, 1))
        .run();
      expect(await liveAt()).toBeNull();

      const republished = new Date('2026-04-01T08:00:00.250Z');
      await db
        .update(pgSchema.articles)
        .set({ status: 'published', publishedAt: republished, locale: 'en' })
        .where(eq(pgSchema.articles.id, 1));
      sqlite.db
        .update(sqliteSchema.articles)
        .set({ status: 'published', publishedAt: republished, locale: 'en' })
        .where(eq(sqliteSchema.articles.id, 1))
        .run();
      expect(await readPg('articleTags')).toEqual([
        { articleId: 1, tagId: 1, locale: 'en', liveAt: republished },
      ]);
      expect(await readPg('articleAuthors')).toEqual([
        { articleId: 1, userId: 1, position: 0, locale: 'en', liveAt: republished },
      ]);
      expect(await readPg('articleTags')).toEqual(readSqlite('articleTags'));
      expect(await readPg('articleAuthors')).toEqual(readSqlite('articleAuthors'));
    });
  });
}
