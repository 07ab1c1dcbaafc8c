import type { Db } from '../client';
import { ENGINE } from '../engine';
import type { PgDb } from '../pg';
import type { WriteTx } from '../tx';
import * as fts5 from './fts5';
import * as pg from './pg';

/**
 * Keeping the search index, on the engine this process runs on: FTS5 on SQLite (./fts5.ts),
 * tsvector columns on PostgreSQL (./pg.ts). On PostgreSQL every handle arrives typed as Db, as
 * every table of '@/db/schema' does.
 */

export { SEARCH_INDEX_VERSION } from './documents';

/**
 * Brings the index up to date for these articles: re-files the text of those readers can see,
 * drops the rest. Call it inside the transaction of any change to an article's text, tags,
 * section or status (db/mutations/articles.ts does), so search never disagrees with the site.
 * Taking an article off the site is also enforced by a trigger (on both engines).
 */
export async function syncSearchIndex(tx: WriteTx, ids: number[]): Promise<void> {
  if (ENGINE === 'pg') return pg.syncSearchIndex(tx as unknown as PgDb, ids);
  fts5.syncSearchIndex(tx, ids);
}

/** Every article in a section (its name is indexed with the tags); for after a section is renamed. */
export async function syncSearchIndexForSection(tx: WriteTx, sectionId: number): Promise<void> {
  if (ENGINE === 'pg') return pg.syncSearchIndexForSection(tx as unknown as PgDb, sectionId);
  fts5.syncSearchIndexForSection(tx, sectionId);
}

/** Every live article carrying a tag; for after the tag is renamed. */
export async function syncSearchIndexForTag(tx: WriteTx, tagId: number): Promise<void> {
  if (ENGINE === 'pg') return pg.syncSearchIndexForTag(tx as unknown as PgDb, tagId);
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
