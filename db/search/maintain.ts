import type { Db } from '../client';
import { ENGINE } from '../engine';
import type { Tx } from '../mutations/audit';
import type { PgDb } from '../pg';
import * as fts5 from './fts5';
import * as pg from './pg';

/**
 * Keeping the search index, on the engine this process runs on: FTS5 on SQLite (./fts5.ts),
 * tsvector columns on PostgreSQL (./pg.ts). On PostgreSQL every handle arrives typed as Db, as
 * every table of '@/db/schema' does.
 */

export { SEARCH_INDEX_VERSION } from './documents';

/**
 * STAGE2: the syncSearchIndex* functions run inside the newsroom's synchronous SQLite
 * transactions (db/mutations), so they stay synchronous until those become writeTx bodies. The
 * PostgreSQL counterparts (pg.syncSearchIndex…) are asynchronous and must be awaited inside the
 * writing transaction; a synchronous call here could not keep their statements in it, so it
 * refuses instead.
 */
function sqliteOnly(name: string): void {
  if (ENGINE === 'pg')
    throw new Error(`${name}: on PostgreSQL await db/search/pg.ts ${name} inside the transaction`);
}

/**
 * Brings the index up to date for these articles: re-files the text of those readers can see,
 * drops the rest. Call it inside the transaction of any change to an article's text, tags,
 * section or status (db/mutations/articles.ts does), so search never disagrees with the site.
 * Taking an article off the site is also enforced by a trigger (on both engines).
 */
export function syncSearchIndex(tx: Tx | Db, ids: number[]): void {
  sqliteOnly('syncSearchIndex');
  fts5.syncSearchIndex(tx, ids);
}

/** Every article in a section (its name is indexed with the tags); for after a section is renamed. */
export function syncSearchIndexForSection(tx: Tx | Db, sectionId: number): void {
  sqliteOnly('syncSearchIndexForSection');
  fts5.syncSearchIndexForSection(tx, sectionId);
}

/** Every live article carrying a tag; for after the tag is renamed. */
export function syncSearchIndexForTag(tx: Tx | Db, tagId: number): void {
  sqliteOnly('syncSearchIndexForTag');
  fts5.syncSearchIndexForTag(tx, tagId);
}

/**
 * Empties the index and files every live article again, in one transaction (readers keep the old
 * index until it commits). For existing data, after a change to the normaliser or stemmer, and at
 * the end of the demo seeder, which inserts rows directly. Returns how many articles were indexed.
 */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  if (ENGINE === 'pg') return pg.rebuildSearchIndex(db as unknown as PgDb);
  return fts5.rebuildSearchIndex(db);
}

/**
 * Rebuilds the index when live articles exist and it is empty (a database made before search
 * existed) or was built by an older normaliser or stemmer; records the version either way.
 * Returns how many articles were indexed, or null when the index was already current.
 */
export async function ensureSearchIndex(db: Db): Promise<number | null> {
  if (ENGINE === 'pg') return pg.ensureSearchIndex(db as unknown as PgDb);
  return fts5.ensureSearchIndex(db);
}
