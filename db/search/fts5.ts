import { inArray, sql, type SQL } from 'drizzle-orm';
import { SEARCH_COLUMNS, SEARCH_FIELDS } from '@/lib/search/fields';
import { parseSearchQuery } from '@/lib/search/query';
import type { Db } from '../client';
import type { Tx } from '../mutations/audit';
import { listCardsByIds } from '../queries/articles';
import { preparedPerDb } from '../queries/prepared';
import type { Page } from '../queries/views';
import { articles } from '../schema';
import { articleForms, type ArticleText, isIndexable, SEARCH_INDEX_VERSION, VERSION_KEY } from './documents';
import {
  COLUMN_WEIGHTS,
  DAY_MS,
  pageOf,
  RECENCY,
  type SearchParams,
  type SearchResult,
  toSearchResult,
} from './results';

/**
 * Search on SQLite: the FTS5 table `search_index` and its narrow companion `search_docs`
 * (db/migrations/sqlite/0002_search.sql), kept and queried here. db/search/index.ts and
 * maintain.ts call this on SQLite and ./pg.ts on PostgreSQL; the normaliser, stemmer, query
 * parser and highlighter (lib/search) are the same for both.
 */

/** One article as the indexer reads it. */
interface SourceRow extends ArticleText {
  id: number;
  locale: string;
  status: string;
  deletedAt: number | null;
  publishedAt: number | null;
  sectionId: number;
}

const SOURCE_SELECT = `
  SELECT a.id, a.locale, a.status, a.deleted_at AS deletedAt, a.published_at AS publishedAt,
         a.section_id AS sectionId, a.title, a.dek, a.body,
         CASE WHEN a.locale = 'en' THEN s.name_en ELSE s.name_ar END AS sectionName,
         (SELECT group_concat(t.name, ' ، ') FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id
          WHERE at.article_id = a.id) AS tagNames
  FROM articles AS a JOIN sections AS s ON s.id = a.section_id`;

/** The index row of one article: each field's exact and stem texts, in the table's column order. */
function indexValues(row: SourceRow): string[] {
  const forms = articleForms(row);
  return SEARCH_FIELDS.flatMap((f) => [forms[f].exact, forms[f].stem]);
}

const COLUMN_LIST = SEARCH_COLUMNS.join(', ');
const INSERT_INDEX = `INSERT INTO search_index(rowid, ${COLUMN_LIST}) VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_DOC =
  'INSERT INTO search_docs(article_id, locale, section_id, published_at) VALUES (?, ?, ?, ?)';

/**
 * syncSearchIndex (db/search/maintain.ts) on SQLite, in the caller's transaction. Taking an
 * article off the site is also enforced by a trigger (migration 0002).
 */
export function syncSearchIndex(tx: Tx | Db, ids: number[]): void {
  // One article (a save, a publish, each story of an import): statements compiled once per
  // connection, as SQLite compiles a 13-column FTS5 insert more slowly than it runs it.
  if (ids.length === 1 && '$client' in tx) {
    const st = syncStatements(tx);
    const id = ids[0]!;
    if (st.indexed.get(id)) {
      st.deleteIndex.run(id);
      st.deleteDoc.run(id);
    }
    const row = st.source.get(id);
    if (row && isIndexable(row)) {
      st.insertIndex.run(row.id, ...indexValues(row));
      st.insertDoc.run(row.id, row.locale, row.sectionId, row.publishedAt);
    }
    return;
  }
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const list = sql.join(
      chunk.map((id) => sql`${id}`),
      sql`, `,
    );
    const indexed = new Set(
      tx
        .all<{ id: number }>(sql`SELECT article_id AS id FROM search_docs WHERE article_id IN (${list})`)
        .map((r) => r.id),
    );
    for (const id of indexed) {
      tx.run(sql`DELETE FROM search_index WHERE rowid = ${id}`);
      tx.run(sql`DELETE FROM search_docs WHERE article_id = ${id}`);
    }
    const rows = tx.all<SourceRow>(sql`${sql.raw(SOURCE_SELECT)} WHERE a.id IN (${list})`);
    for (const row of rows.filter(isIndexable)) {
      const values: SQL[] = [row.id, ...indexValues(row)].map((v) => sql`${v}`);
      tx.run(
        sql`INSERT INTO search_index(rowid, ${sql.raw(COLUMN_LIST)}) VALUES (${sql.join(values, sql`, `)})`,
      );
      tx.run(
        sql`INSERT INTO search_docs(article_id, locale, section_id, published_at)
            VALUES (${row.id}, ${row.locale}, ${row.sectionId}, ${row.publishedAt})`,
      );
    }
  }
}

const syncStatements = preparedPerDb((db) => ({
  indexed: db.$client.prepare<[number], { found: number }>(
    'SELECT 1 AS found FROM search_docs WHERE article_id = ?',
  ),
  deleteIndex: db.$client.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?'),
  deleteDoc: db.$client.prepare<[number]>('DELETE FROM search_docs WHERE article_id = ?'),
  source: db.$client.prepare<[number], SourceRow>(`${SOURCE_SELECT} WHERE a.id = ?`),
  insertIndex: db.$client.prepare(INSERT_INDEX),
  insertDoc: db.$client.prepare(INSERT_DOC),
}));

/** syncSearchIndexForSection (db/search/maintain.ts) on SQLite. */
export function syncSearchIndexForSection(tx: Tx | Db, sectionId: number): void {
  const ids = tx.all<{ id: number }>(
    sql`SELECT article_id AS id FROM search_docs WHERE section_id = ${sectionId}`,
  );
  syncSearchIndex(
    tx,
    ids.map((r) => r.id),
  );
}

/** syncSearchIndexForTag (db/search/maintain.ts) on SQLite. */
export function syncSearchIndexForTag(tx: Tx | Db, tagId: number): void {
  const ids = tx.all<{ id: number }>(
    sql`SELECT at.article_id AS id FROM article_tags AS at JOIN search_docs AS d ON d.article_id = at.article_id
        WHERE at.tag_id = ${tagId}`,
  );
  syncSearchIndex(
    tx,
    ids.map((r) => r.id),
  );
}

const REBUILD_BATCH = 1000;
const BULK_HASH_SIZE = 64 * 1024 * 1024;
const DEFAULT_HASH_SIZE = 1024 * 1024;

/** rebuildSearchIndex (db/search/maintain.ts) on SQLite, in one transaction. */
export function rebuildSearchIndex(db: Db): number {
  const client = db.$client;
  // `+a.status`: walk the table in id order; the status index would make every batch sort all rows.
  const page = client.prepare(
    `${SOURCE_SELECT} WHERE +a.status = 'published' AND a.deleted_at IS NULL AND a.id > ? ORDER BY a.id LIMIT ?`,
  );
  const insertIndex = client.prepare(INSERT_INDEX);
  const insertDoc = client.prepare(INSERT_DOC);
  return client.transaction(() => {
    client.exec(`INSERT INTO search_index(search_index) VALUES ('delete-all'); DELETE FROM search_docs;`);
    // FTS5 writes a new segment each time its buffer of pending terms passes `hashsize` (1 MB by
    // default), then merges them; a 64 MB buffer makes the bulk load a fifth faster. It leaves a
    // few segments, which search as fast as one: an 'optimize' merge would only cost a rewrite.
    client.exec(`INSERT INTO search_index(search_index, rank) VALUES ('hashsize', ${BULK_HASH_SIZE})`);
    let indexed = 0;
    let after = 0;
    for (;;) {
      const rows = page.all(after, REBUILD_BATCH) as SourceRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        insertIndex.run(row.id, ...indexValues(row));
        insertDoc.run(row.id, row.locale, row.sectionId, row.publishedAt);
      }
      indexed += rows.length;
      after = rows.at(-1)!.id;
    }
    client.exec(`INSERT INTO search_index(search_index, rank) VALUES ('hashsize', ${DEFAULT_HASH_SIZE})`);
    recordVersion(db);
    return indexed;
  })();
}

function storedVersion(db: Db): string | null {
  const row = db.$client.prepare('SELECT value FROM settings WHERE key = ?').get(VERSION_KEY) as
    { value: string } | undefined;
  return row?.value ?? null;
}

/** ensureSearchIndex (db/search/maintain.ts) on SQLite; empty means a database made before migration 0002. */
export function ensureSearchIndex(db: Db): number | null {
  const empty = !db.$client.prepare('SELECT 1 FROM search_docs LIMIT 1').get();
  const live = db.$client
    .prepare("SELECT 1 FROM articles WHERE status = 'published' AND deleted_at IS NULL LIMIT 1")
    .get();
  const current = storedVersion(db) === SEARCH_INDEX_VERSION;
  if (live && (empty || !current)) return rebuildSearchIndex(db);
  if (!current) recordVersion(db);
  return null;
}

function recordVersion(db: Db): void {
  db.$client
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(VERSION_KEY, SEARCH_INDEX_VERSION);
}

/** The filters every search applies: the edition, live by the clock, and the reader's choices. */
const FILTERS = `
  f.search_index MATCH :match
  AND d.locale = :locale
  AND d.published_at <= :now
  AND (:sectionId IS NULL OR d.section_id = :sectionId)
  AND (:from IS NULL OR d.published_at >= :from)
  AND (:to IS NULL OR d.published_at <= :to)`;

type SearchBindings = Record<string, string | number | null>;

/**
 * bm25() is negative (more negative is better), so the recency divisor (results.ts) pulls older
 * stories towards zero.
 */
const searchStatements = preparedPerDb((db) => ({
  page: db.$client.prepare<SearchBindings, { id: number }>(`
    SELECT f.rowid AS id
    FROM search_index AS f JOIN search_docs AS d ON d.article_id = f.rowid
    WHERE ${FILTERS}
    ORDER BY bm25(f.search_index, ${COLUMN_WEIGHTS.join(', ')})
               / (1 + ${RECENCY} * ln(1 + max(0, :now - d.published_at) / ${DAY_MS}.0)),
             d.published_at DESC
    LIMIT :limit OFFSET :offset`),
  count: db.$client.prepare<SearchBindings, { total: number }>(`
    SELECT count(*) AS total
    FROM search_index AS f JOIN search_docs AS d ON d.article_id = f.rowid
    WHERE ${FILTERS}`),
  section: db.$client.prepare<[string], { id: number }>('SELECT id FROM sections WHERE slug = ?'),
}));

/** searchArticles (db/search/index.ts) on SQLite. */
export async function searchArticles(db: Db, p: SearchParams): Promise<Page<SearchResult> | null> {
  const query = parseSearchQuery(p.q);
  if (!query) return null;
  const { page, perPage, offset } = pageOf(p);
  // FTS5 statements on the SQLite connection, synchronous (awaiting them is a lint error).
  const statements = searchStatements(db);
  const empty = { items: [], page, pageCount: 1, total: 0 };

  let sectionId: number | null = null;
  if (p.section) {
    const section = statements.section.get(p.section);
    if (!section) return empty;
    sectionId = section.id;
  }
  const params = {
    match: query.match,
    locale: p.locale,
    now: p.now.getTime(),
    sectionId,
    from: p.from?.getTime() ?? null,
    to: p.to?.getTime() ?? null,
  };
  const rows = statements.page.all({ ...params, limit: perPage, offset });
  // A short page is the last one, and tells the total without counting.
  const total =
    rows.length > 0 && rows.length < perPage ? offset + rows.length : statements.count.get(params)!.total;
  const pageCount = Math.max(1, Math.ceil(total / perPage));

  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { items: [], page, pageCount, total };
  const cards = await listCardsByIds(db, ids, p.locale, p.now);
  const bodies = await db
    .select({ id: articles.id, body: articles.body })
    .from(articles)
    .where(inArray(articles.id, ids));
  const texts = new Map(bodies.map((r) => [r.id, r.body]));
  const items = cards.map((card) => toSearchResult(card, texts.get(card.id) ?? '', query.highlight));
  return { items, page, pageCount, total };
}
