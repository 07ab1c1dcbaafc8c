import { and, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import { SEARCH_FIELDS, type SearchField } from '@/lib/search/fields';
import { type ParsedSearchQuery, parseSearchQuery, type SearchTerm } from '@/lib/search/query';
import { termTsQueries } from '@/lib/search/tsquery';
import type { Db } from '../client';
import type { ArticleCard, Page } from '../queries/views';
import * as pgSchema from '../schema/pg';
import { articles, media, sections } from '../schema/pg';
import { isOpenPgWriteTx, writeTx } from '../tx';
import { articleForms, type ArticleText, isIndexable, SEARCH_INDEX_VERSION, VERSION_KEY } from './documents';
import {
  DAY_MS,
  EXACT_FACTOR,
  FIELD_WEIGHTS,
  pageOf,
  RECENCY,
  type SearchParams,
  type SearchResult,
  toSearchResult,
} from './results';

/**
 * Search on PostgreSQL: the table `search_index` (db/migrations/pg/0002_search.sql), one row per
 * live article with two tsvectors, `exact` and `stem`, made from the very texts SQLite's FTS5
 * columns hold (lib/search/index-forms.ts), each field under its weight. Queries are the terms of
 * lib/search/query.ts as tsquery text (lib/search/tsquery.ts), ranked with ts_rank_cd by the
 * weights SQLite's bm25 uses; results are assembled as on SQLite (./results.ts). The tables are
 * db/schema/pg.ts's, whatever engine the process chose, so a test can search both side by side.
 */

/** The pool, or a transaction on it (a write passes its own, so the index commits with it). */
export type PgHandle = PgDatabase<NodePgQueryResultHKT, typeof pgSchema>;

const LABELS: Record<SearchField, 'A' | 'B' | 'C' | 'D'> = { title: 'A', dek: 'B', tags: 'C', body: 'D' };

/** ts_rank_cd's weights, in its order {D, C, B, A}: FIELD_WEIGHTS scaled so the headline's is 1 (it allows no more). */
const RANK_WEIGHTS = (() => {
  const top = Math.max(...Object.values(FIELD_WEIGHTS));
  const byLabel = (label: string) => FIELD_WEIGHTS[SEARCH_FIELDS.find((f) => LABELS[f] === label)!] / top;
  return sql.raw(`'{${['D', 'C', 'B', 'A'].map(byLabel).join(',')}}'::float4[]`);
})();

type Kind = 'exact' | 'stem';
const KINDS: Kind[] = ['exact', 'stem'];

/** The column of the unnest() row below holding one field's text of one kind. */
const textColumn = (f: SearchField, kind: Kind) => `${f}_${kind}`;

/**
 * One vector from the four fields' texts (already words joined by spaces, so the 'simple'
 * configuration only splits and lower-cases them again), each under its weight. `||` numbers
 * each field's positions on after the one before; a placeholder lexeme between them, deleted
 * afterwards, leaves a gap of one position, so a phrase never runs from one field into the next
 * (as an FTS5 phrase stays inside its column). '|' is never a word of to_tsvector's.
 */
function vectorOf(kind: Kind): SQL {
  const parts = SEARCH_FIELDS.map(
    (f) => `setweight(to_tsvector('simple', r.${textColumn(f, kind)}), '${LABELS[f]}')`,
  );
  return sql.raw(`ts_delete(${parts.join(` || '|:1'::tsvector || `)}, '|')`);
}

/** One article as the indexer reads it; raw rows carry times as PostgreSQL's text. */
interface SourceRow extends ArticleText {
  id: number;
  locale: string;
  status: string;
  deletedAt: string | null;
  publishedAt: string | null;
  sectionId: number;
}

// Tags in id order, as SQLite's group_concat walks them (its primary key), so both indexes see
// one tag text.
const SOURCE_SELECT = sql`
  SELECT a.id, a.locale, a.status, a.deleted_at AS "deletedAt", a.published_at AS "publishedAt",
         a.section_id AS "sectionId", a.title, a.dek, a.body,
         CASE WHEN a.locale = 'en' THEN s.name_en ELSE s.name_ar END AS "sectionName",
         (SELECT string_agg(t.name, ' ، ' ORDER BY at.tag_id) FROM article_tags AS at
          JOIN tags AS t ON t.id = at.tag_id WHERE at.article_id = a.id) AS "tagNames"
  FROM articles AS a JOIN sections AS s ON s.id = a.section_id`;

/** Files these rows, all in one statement: each column travels as one array parameter. */
async function insertRows(tx: PgHandle, rows: SourceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const forms = rows.map(articleForms);
  const texts = SEARCH_FIELDS.flatMap((f) =>
    KINDS.map((kind) => ({ name: textColumn(f, kind), values: forms.map((x) => x[f][kind]) })),
  );
  const arrays = [
    sql`${sql.param(rows.map((r) => r.id))}::int[]`,
    sql`${sql.param(rows.map((r) => r.locale))}::text[]`,
    sql`${sql.param(rows.map((r) => r.sectionId))}::int[]`,
    sql`${sql.param(rows.map((r) => r.publishedAt))}::timestamptz[]`,
    ...texts.map((t) => sql`${sql.param(t.values)}::text[]`),
  ];
  const names = ['id', 'locale', 'section_id', 'published_at', ...texts.map((t) => t.name)].join(', ');
  await tx.execute(sql`
    INSERT INTO search_index (article_id, locale, section_id, published_at, exact, stem)
    SELECT r.id, r.locale, r.section_id, r.published_at, ${vectorOf('exact')}, ${vectorOf('stem')}
    FROM unnest(${sql.join(arrays, sql`, `)}) AS r(${sql.raw(names)})`);
}

const SYNC_CHUNK = 500;

/**
 * Runs `body` in one transaction on `handle`: a transaction of its own on the pool, a savepoint
 * inside a Drizzle transaction, and inside a newsroom write (db/tx.ts writeTx, whose handle is a
 * connection inside BEGIN, not a Drizzle transaction) a savepoint of writeTx's, so the index
 * commits, or rolls back, with the write.
 */
async function inTransaction(handle: PgHandle, body: (tx: PgHandle) => Promise<void>): Promise<void> {
  if (isOpenPgWriteTx(handle))
    return writeTx(handle as unknown as Db, (tx) => body(tx as unknown as PgHandle));
  await handle.transaction(body);
}

/**
 * syncSearchIndex (db/search/maintain.ts) on PostgreSQL: re-files the live ones of these
 * articles, drops the rest. Await it inside the writing transaction; given the pool, it opens a
 * transaction of its own.
 */
export async function syncSearchIndex(handle: PgHandle, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await inTransaction(handle, async (tx) => {
    for (let i = 0; i < ids.length; i += SYNC_CHUNK) {
      const chunk = sql`${sql.param(ids.slice(i, i + SYNC_CHUNK))}::int[]`;
      await tx.execute(sql`DELETE FROM search_index WHERE article_id = ANY(${chunk})`);
      const { rows } = await tx.execute<SourceRow & Record<string, unknown>>(
        sql`${SOURCE_SELECT} WHERE a.id = ANY(${chunk})`,
      );
      await insertRows(tx, rows.filter(isIndexable));
    }
  });
}

async function idsOf(handle: PgHandle, query: SQL): Promise<number[]> {
  return (await handle.execute<{ id: number }>(query)).rows.map((r) => r.id);
}

/** syncSearchIndexForSection (db/search/maintain.ts) on PostgreSQL. */
export async function syncSearchIndexForSection(handle: PgHandle, sectionId: number): Promise<void> {
  await inTransaction(handle, async (tx) => {
    await syncSearchIndex(
      tx,
      await idsOf(tx, sql`SELECT article_id AS id FROM search_index WHERE section_id = ${sectionId}`),
    );
  });
}

/** syncSearchIndexForTag (db/search/maintain.ts) on PostgreSQL. */
export async function syncSearchIndexForTag(handle: PgHandle, tagId: number): Promise<void> {
  await inTransaction(handle, async (tx) => {
    const query = sql`SELECT at.article_id AS id FROM article_tags AS at
      JOIN search_index AS s ON s.article_id = at.article_id WHERE at.tag_id = ${tagId}`;
    await syncSearchIndex(tx, await idsOf(tx, query));
  });
}

/**
 * Any constant of our own (db/pg.ts holds the migrations' one): instances that start together
 * take it in turn, so one of them rebuilds and the others find the index current.
 */
const INDEX_LOCK = 4_714_502;
const REBUILD_BATCH = 1000;

async function rebuildIn(tx: PgHandle): Promise<number> {
  // DELETE, not TRUNCATE: readers keep searching the old rows until the rebuild commits.
  await tx.execute(sql`DELETE FROM search_index`);
  let indexed = 0;
  let after = 0;
  for (;;) {
    const { rows } = await tx.execute<SourceRow & Record<string, unknown>>(
      sql`${SOURCE_SELECT} WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.id > ${after}
          ORDER BY a.id LIMIT ${REBUILD_BATCH}`,
    );
    if (rows.length === 0) break;
    await insertRows(tx, rows);
    indexed += rows.length;
    after = rows.at(-1)!.id;
  }
  // The GIN index files new rows in a pending list that every search reads through until a
  // vacuum merges it (up to 4 MB of it after a bulk load); merge it now. Then the planner's
  // statistics of the vectors, so its first plans after a rebuild know the words.
  await tx.execute(sql`SELECT gin_clean_pending_list('search_index_text_idx'::regclass)`);
  await tx.execute(sql`ANALYZE search_index`);
  await recordVersion(tx);
  return indexed;
}

/** rebuildSearchIndex (db/search/maintain.ts) on PostgreSQL, in one transaction. */
export async function rebuildSearchIndex(db: PgHandle): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK})`);
    return rebuildIn(tx);
  });
}

/** ensureSearchIndex (db/search/maintain.ts) on PostgreSQL. */
export async function ensureSearchIndex(db: PgHandle): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK})`);
    const exists = async (query: SQL) => (await tx.execute(query)).rows.length > 0;
    const empty = !(await exists(sql`SELECT 1 FROM search_index LIMIT 1`));
    const live = await exists(
      sql`SELECT 1 FROM articles WHERE status = 'published' AND deleted_at IS NULL LIMIT 1`,
    );
    const stored = await tx.execute<{ value: string }>(
      sql`SELECT value FROM settings WHERE key = ${VERSION_KEY}`,
    );
    const current = stored.rows[0]?.value === SEARCH_INDEX_VERSION;
    if (live && (empty || !current)) return rebuildIn(tx);
    if (!current) await recordVersion(tx);
    return null;
  });
}

async function recordVersion(tx: PgHandle): Promise<void> {
  await tx.execute(
    sql`INSERT INTO settings (key, value) VALUES (${VERSION_KEY}, ${SEARCH_INDEX_VERSION})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
}

/** bm25's k1 (FTS5's too): how soon more of the same match stops adding to a term's score. */
const K1 = 1.2;

/**
 * How well a story matches, in the manner of FTS5's bm25 (without its word rarity and length
 * terms): ts_rank_cd over one term sums the weights of its occurrences, which scaled back to
 * COLUMN_WEIGHTS' units is bm25's weighted frequency f; each term's exact and stem match then
 * adds f·(k1+1)/(f+k1), written so that f is computed once. So a story that has the word as
 * typed and its stem beats one with only a heavier stem match, as on SQLite.
 */
function relevance(terms: SearchTerm[]): SQL {
  const top = Math.max(...Object.values(FIELD_WEIGHTS));
  const saturated = (scale: number, vector: 'exact' | 'stem', tsquery: string) =>
    sql`${sql.raw(String(K1 + 1))} * (1 - ${sql.raw(String(K1))} / (${sql.raw(String(scale))}
      * ts_rank_cd(${RANK_WEIGHTS}, s.${sql.raw(vector)}, to_tsquery('simple', ${tsquery})) + ${sql.raw(String(K1))}))`;
  const parts = terms.flatMap((term) => {
    const q = termTsQueries(term);
    return [saturated(EXACT_FACTOR * top, 'exact', q.exact), saturated(top, 'stem', q.stem)];
  });
  return sql`(${sql.join(parts, sql` + `)})`;
}

/**
 * The divisor of recency (results.ts) for a story of `s`, read at `now`, in double precision as
 * SQLite reckons it (extract() would give numeric, whose ln() costs ten times as much per story).
 */
function recencyDivisor(now: Date): SQL {
  const days = sql`greatest(0, date_part('epoch', ${now.toISOString()}::timestamptz - s.published_at))
    * 1000 / ${sql.raw(String(DAY_MS))}`;
  return sql`(1 + ${sql.raw(String(RECENCY))} * ln(1 + ${days}))`;
}

/** A term is found when its words stand together in the exact vector, or a stem phrase in the stem one. */
function termFound(term: SearchTerm): SQL {
  const q = termTsQueries(term);
  return sql`(s.exact @@ to_tsquery('simple', ${q.exact}) OR s.stem @@ to_tsquery('simple', ${q.stem}))`;
}

/** Cards for these ids, live only, with their bodies for the snippets, in the order given. */
async function cardsWithBodies(db: PgHandle, ids: number[], locale: string, now: Date) {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      dek: articles.dek,
      body: articles.body,
      publishedAt: articles.publishedAt,
      breaking: articles.breaking,
      section: { id: sections.id, slug: sections.slug, nameAr: sections.nameAr, nameEn: sections.nameEn },
      image: {
        stem: media.stem,
        width: media.width,
        height: media.height,
        variantWidths: media.variantWidths,
        alt: media.alt,
        caption: media.caption,
        credit: media.credit,
        focalX: media.focalX,
        focalY: media.focalY,
      },
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(
      and(
        inArray(articles.id, ids),
        eq(articles.status, 'published'),
        eq(articles.locale, locale),
        lte(articles.publishedAt, now),
        isNull(articles.deletedAt),
      ),
    );
  const byId = new Map(
    rows.map(({ body, publishedAt, ...card }) => {
      // Live stories always have a publish time (the filter above).
      const view: ArticleCard = { ...card, publishedAt: publishedAt! };
      return [card.id, { card: view, body }] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Runs a search statement with sequential scans off. The planner prices a test of a vector like
 * any operator, not as the read of a TOASTed value it is; for a common word it would scan the
 * whole table and read every vector (over a second on 100,000 stories) rather than take the GIN
 * index, which answers without them. On the pool this takes a transaction of its own; inside a
 * caller's (a newsroom write, a Drizzle transaction) the setting is put back afterwards.
 */
async function withIndexPlans<T>(handle: PgHandle, body: (tx: PgHandle) => Promise<T>): Promise<T> {
  const off = sql`SELECT set_config('enable_seqscan', 'off', true)`;
  if (isOpenPgWriteTx(handle) || handle instanceof PgTransaction) {
    const { rows } = await handle.execute<{ previous: string }>(
      sql`SELECT current_setting('enable_seqscan') AS previous, set_config('enable_seqscan', 'off', true)`,
    );
    const result = await body(handle);
    await handle.execute(sql`SELECT set_config('enable_seqscan', ${rows[0]!.previous}, true)`);
    return result;
  }
  return handle.transaction(async (tx) => {
    await tx.execute(off);
    return body(tx);
  });
}

/**
 * How many of the newest matches are ranked before the rest are looked at, per story of the
 * pages asked for (see rankedPage). The more, the higher the bar they set and the fewer older
 * stories need ranking: on 100,000 demo stories, 10 per rank leaves almost none for a word in a
 * fifth of them, where 3 left thousands.
 */
const NEWEST_PER_RANK = 10;

/**
 * The ids of one page of the ranking, and how many stories match in all. Ranking a story reads
 * its two vectors (TOASTed, a few kB each), so it is done for as few as give the same answer.
 * A story's score is relevance / recency divisor, and relevance stays below k1 + 1 per term and
 * vector (the saturation in relevance()), so a story can score at most that bound over its own
 * divisor, which only grows with age. So: rank the newest matches; the k-th best of their scores
 * (k = the last rank asked for) is a bar that any story on the page reaches, and an older story
 * whose bound is below it can never make the page, whatever its words; only older stories whose
 * bound reaches the bar are ranked too. The page is then the exact ranking's, ties included.
 */
async function rankedPage(
  db: PgHandle,
  query: ParsedSearchQuery,
  filters: SQL[],
  now: Date,
  perPage: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  const lastRank = offset + perPage;
  const score = sql`${relevance(query.wanted)} / ${recencyDivisor(now)}`;
  // Each term's exact and stem scores stay below k1 + 1. A one-word term's exact score is 0 in a
  // story without the word as typed (no occurrence, nothing to sum), so those stories' bound drops
  // by k1 + 1; the stories with it are found through the index alone (a phrase would need its
  // vectors read, so a phrase term keeps the full bound).
  const typed = query.wanted.map((term, i) => ({ term, name: sql.raw(`typed_${i}`) }));
  const typedCtes = typed
    .filter(({ term }) => term.words.length === 1)
    .map(
      ({ term, name }) => sql`${name} AS MATERIALIZED (
        SELECT s.article_id FROM search_index AS s
        WHERE s.exact @@ to_tsquery('simple', ${termTsQueries(term).exact})),`,
    );
  const full = query.wanted.length * 2 * (K1 + 1);
  const untyped = full - typedCtes.length * (K1 + 1);
  const typedAny = typedCtes.length
    ? sql.join(
        typed
          .filter(({ term }) => term.words.length === 1)
          .map(({ name }) => sql`m.article_id IN (SELECT article_id FROM ${name})`),
        sql` OR `,
      )
    : sql`false`;
  // The oldest a story with this bound may be and still reach the bar: the age at which
  // bound / divisor = bar, solved for the age; 1% of slack for rounding, and never further back
  // than a million days. Worked out once per bound, not per story.
  const oldest = (bound: number) => {
    const days = sql`least(exp(least((${sql.raw(String(bound * 1.01))} / bar.score - 1) / ${sql.raw(String(RECENCY))}, 14)) - 1, 1e6)`;
    return sql`CASE WHEN bar.score > 0 THEN ${now.toISOString()}::timestamptz - ${days} * interval '1 day'
      ELSE '-infinity'::timestamptz END`;
  };
  // Exclusions are looked up once through the index, not tested against each match's vectors.
  const unwanted =
    query.unwanted.length > 0
      ? sql`AND NOT EXISTS (SELECT 1 FROM unwanted AS u WHERE u.article_id = s.article_id)`
      : sql``;
  const unwantedCte =
    query.unwanted.length > 0
      ? sql`unwanted AS MATERIALIZED (
          SELECT s.article_id FROM search_index AS s WHERE ${sql.join(query.unwanted.map(termFound), sql` OR `)}),`
      : sql``;
  // Ties fall as on SQLite: newer first, then ids in the order FTS5 visits them.
  const statement = sql`
    WITH ${unwantedCte} ${sql.join(typedCtes, sql` `)}
    matched AS MATERIALIZED (
      SELECT s.article_id, s.published_at FROM search_index AS s
      WHERE ${sql.join(query.wanted.map(termFound), sql` AND `)} AND ${sql.join(filters, sql` AND `)} ${unwanted}),
    newest AS MATERIALIZED (
      SELECT s.article_id, s.published_at, ${score} AS score
      FROM (SELECT article_id FROM matched ORDER BY published_at DESC, article_id
            LIMIT ${lastRank * NEWEST_PER_RANK}) AS n
      JOIN search_index AS s ON s.article_id = n.article_id),
    bar AS (SELECT score FROM newest ORDER BY score DESC LIMIT 1 OFFSET ${lastRank - 1}),
    limits AS (SELECT ${oldest(full)} AS any_at, ${oldest(untyped)} AS untyped_at FROM bar),
    older AS (
      SELECT s.article_id, s.published_at, ${score} AS score
      FROM matched AS m CROSS JOIN limits AS l JOIN search_index AS s ON s.article_id = m.article_id
      WHERE m.published_at >= l.any_at AND (m.published_at >= l.untyped_at OR ${typedAny})
        AND m.article_id NOT IN (SELECT article_id FROM newest)),
    ranked AS (SELECT * FROM newest UNION ALL SELECT * FROM older)
    SELECT (SELECT count(*) FROM matched)::int AS total,
      ARRAY(SELECT article_id FROM ranked ORDER BY score DESC, published_at DESC, article_id
            LIMIT ${perPage} OFFSET ${offset}) AS ids`;
  const [row] = await withIndexPlans(
    db,
    async (tx) => (await tx.execute<{ total: number; ids: number[] }>(statement)).rows,
  );
  return { ids: row!.ids, total: row!.total };
}

/** searchArticles (db/search/index.ts) on PostgreSQL. */
export async function searchArticles(db: PgHandle, p: SearchParams): Promise<Page<SearchResult> | null> {
  const query = parseSearchQuery(p.q);
  if (!query) return null;
  const { page, perPage, offset } = pageOf(p);

  const filters: SQL[] = [sql`s.locale = ${p.locale}`, sql`s.published_at <= ${p.now.toISOString()}`];
  if (p.section) {
    const [section] = await db
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.slug, p.section))
      .limit(1);
    if (!section) return { items: [], page, pageCount: 1, total: 0 };
    filters.push(sql`s.section_id = ${section.id}`);
  }
  if (p.from) filters.push(sql`s.published_at >= ${p.from.toISOString()}`);
  if (p.to) filters.push(sql`s.published_at <= ${p.to.toISOString()}`);
  const { ids, total } = await rankedPage(db, query, filters, p.now, perPage, offset);
  const pageCount = Math.max(1, Math.ceil(total / perPage));

  if (ids.length === 0) return { items: [], page, pageCount, total };
  const found = await cardsWithBodies(db, ids, p.locale, p.now);
  const items = found.map(({ card, body }) => toSearchResult(card, body, query.highlight));
  return { items, page, pageCount, total };
}
