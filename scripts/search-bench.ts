/**
 * How fast search answers on a big database: runs a mix of real Arabic queries (single words,
 * phrases, with ال and proclitics, exclusions, filters) through searchArticles, the whole call a
 * results page makes (ranking, count, cards, snippets), and prints p50/p95 per query, per kind of
 * query and overall, for the engine it runs on.
 *   DATA_DIR=/tmp/srch-bench npm run seed -- --articles 100000 --reset
 *   DATA_DIR=/tmp/srch-bench npx tsx scripts/search-bench.ts [--rounds 15] [--plan]
 * On PostgreSQL (DATABASE_URL=postgres://…) the same queries run through db/search/pg.ts; until
 * the seeder writes to PostgreSQL, --from-sqlite first copies the stories of DATA_DIR's SQLite
 * database (sections, tags, media, articles and their tags) into an empty one and indexes them:
 *   DATABASE_URL=postgres://127.0.0.1/srch DATA_DIR=/tmp/srch-bench npx tsx scripts/search-bench.ts --from-sqlite
 */
import { parseArgs } from 'node:util';
import { asc, gt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, openDb } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { migratePg, openPgPool, type PgDb } from '@/db/pg';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { searchArticles, type SearchParams } from '@/db/search';
import * as pgSearch from '@/db/search/pg';
import { parseSearchQuery } from '@/lib/search/query';
import { termTsQueries } from '@/lib/search/tsquery';
import { getDatabasePath } from '@/lib/config';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    plan: { type: 'boolean', default: false },
    'from-sqlite': { type: 'boolean', default: false },
  },
});

const DAY = 86_400_000;
const now = new Date();

/** What a query exercises; the bench reports p50/p95 per kind as well as per query. */
type Kind = 'word' | 'words' | 'phrase' | 'exclusion' | 'filter' | 'later page';
type Case = Omit<SearchParams, 'locale' | 'now' | 'page'> & { page?: number; kind: Kind };

const CASES: Case[] = [
  { q: 'مجلس النواب', kind: 'words' },
  { q: '"مجلس النواب"', kind: 'phrase' },
  { q: 'الموازنة', kind: 'word' },
  { q: 'موازنة', kind: 'word' },
  { q: 'مياه', kind: 'word' },
  { q: 'بالمياه', kind: 'word' },
  { q: 'المدارس', kind: 'word' },
  { q: 'مدرسة', kind: 'word' },
  { q: 'أسعار الخضار', kind: 'words' },
  { q: 'اسعار', kind: 'word' },
  { q: 'وزارة الداخلية', kind: 'words' },
  { q: '"وزارة الداخلية"', kind: 'phrase' },
  { q: 'طاقة شمسية', kind: 'words' },
  { q: 'كرة السلة', kind: 'words' },
  { q: 'المياه -النهر', kind: 'exclusion' },
  { q: 'مهرجان الموسيقى', kind: 'words' },
  { q: 'تطبيق لغة الإشارة', kind: 'words' },
  { q: 'مستشفى الأطفال', page: 3, kind: 'later page' },
  { q: 'حلب', section: 'local', kind: 'filter' },
  { q: 'الطرق', from: new Date(now.getTime() - 30 * DAY), to: now, kind: 'filter' },
  { q: 'مُسْتَشْفَى', kind: 'word' },
  { q: 'القانون الجديد للإدارة المحلية', kind: 'words' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The tables search reads, parents first, copied in id order (their rows have the same shape on both engines). */
const COPIED = ['users', 'sections', 'tags', 'media', 'articles'] as const;
const COPY_BATCH = 500;

async function copyFromSqlite(sqlite: Db, pg: PgDb): Promise<void> {
  if ((await pg.$count(pgSchema.articles)) > 0)
    throw new Error('--from-sqlite: the PostgreSQL database has articles');
  for (const name of COPIED) {
    const from = sqliteSchema[name];
    let after = 0;
    for (;;) {
      const rows = sqlite
        .select()
        .from(from)
        .where(gt(from.id, after))
        .orderBy(asc(from.id))
        .limit(COPY_BATCH)
        .all();
      if (rows.length === 0) break;
      await pg.insert(pgSchema[name] as PgTable).values(rows);
      after = rows.at(-1)!.id;
    }
  }
  const links = sqlite.select().from(sqliteSchema.articleTags).all();
  for (let i = 0; i < links.length; i += COPY_BATCH)
    await pg.insert(pgSchema.articleTags).values(links.slice(i, i + COPY_BATCH));
  // The planner's statistics of the copied tables (the rebuild gathers the index's own), as
  // autovacuum would in time.
  await pg.execute(sql`ANALYZE`);
  const started = Date.now();
  const indexed = await pgSearch.rebuildSearchIndex(pg);
  console.log(
    `copied; indexed ${indexed} live articles on PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The plan of one search's matching part, as the engine runs it. */
async function printPlan(sqlite: Db | null, pg: PgDb | null) {
  const query = parseSearchQuery('مجلس النواب')!;
  if (pg) {
    const found = query.wanted.map(
      (_, i) =>
        `(exact @@ to_tsquery('simple', $${2 * i + 1}) OR stem @@ to_tsquery('simple', $${2 * i + 2}))`,
    );
    const params = query.wanted.flatMap((t) => Object.values(termTsQueries(t)));
    const plan = await pg.$client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT article_id FROM search_index WHERE ${found.join(' AND ')} AND locale = 'ar'`,
      params,
    );
    console.log(plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
    return;
  }
  const plan = sqlite!.$client
    .prepare(
      `EXPLAIN QUERY PLAN SELECT f.rowid FROM search_index AS f JOIN search_docs AS d ON d.article_id = f.rowid
       WHERE f.search_index MATCH ? AND d.locale = 'ar'`,
    )
    .all(query.match) as { detail: string }[];
  console.log(plan.map((r) => `  ${r.detail}`).join('\n'));
}

async function main() {
  const pg = ENGINE === 'pg' ? openPgPool(process.env.DATABASE_URL!) : null;
  const sqlite = !pg || values['from-sqlite'] ? openDb(getDatabasePath()) : null;
  if (pg) await migratePg(pg);
  if (pg && values['from-sqlite']) await copyFromSqlite(sqlite!, pg);
  const rounds = Number(values.rounds);
  const run = (c: Omit<Case, 'kind'>) => {
    const p: SearchParams = {
      locale: 'ar',
      now,
      page: 1,
      q: c.q,
      section: c.section,
      from: c.from,
      to: c.to,
      perPage: c.perPage,
    };
    if (c.page) p.page = c.page;
    return pg ? pgSearch.searchArticles(pg, p) : searchArticles(sqlite!, p);
  };

  if (values.plan) await printPlan(sqlite, pg);

  for (const c of CASES) await run(c); // warm the page cache and the statement cache
  const all: number[] = [];
  const byKind = new Map<Kind, number[]>();
  const rows: string[] = [];
  const figures = (sorted: number[]) =>
    `p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms`;
  for (const { kind, ...c } of CASES) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      total = (await run(c))?.total ?? 0;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ...times]);
    const filters = [
      c.section && `section=${c.section}`,
      c.from && 'last 30 days',
      c.page && `page ${c.page}`,
    ];
    rows.push(
      `  ${figures(times)}  ${String(total).padStart(6)} hits  ${c.q} ${filters.filter(Boolean).join(', ')}`,
    );
  }
  all.sort((a, b) => a - b);
  const engine = pg ? 'PostgreSQL' : 'SQLite';
  console.log(`${engine}, ${rounds} rounds per query:\n${rows.join('\n')}`);
  console.log(`${engine}, per kind:`);
  for (const [kind, times] of byKind) {
    times.sort((a, b) => a - b);
    console.log(`  ${figures(times)}  ${kind} (${times.length} searches)`);
  }
  console.log(
    `search on ${engine}: ${all.length} searches over ${CASES.length} queries: p50 ${percentile(all, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(all, 95).toFixed(1)} ms, max ${all.at(-1)!.toFixed(1)} ms`,
  );
  sqlite?.$client.close();
  await pg?.$client.end();
}

void main();
