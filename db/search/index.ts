import type { Db } from '../client';
import { ENGINE } from '../engine';
import type { PgDb } from '../pg';
import type { Page } from '../queries/views';
import * as fts5 from './fts5';
import * as pg from './pg';
import type { SearchParams, SearchResult } from './results';

export { ensureSearchIndex, rebuildSearchIndex, syncSearchIndex } from './maintain';
export { SEARCH_PAGE_SIZE, type SearchParams, type SearchResult } from './results';

/**
 * Live stories of one edition matching what a reader typed, best first (see results.ts), one
 * page at a time with the total. Null when the input holds nothing to search for (empty, only
 * marks, punctuation or stop words, only exclusions); a page past the end has no items.
 * SQLite answers through FTS5 (./fts5.ts), PostgreSQL through tsvector columns (./pg.ts).
 */
export async function searchArticles(db: Db, p: SearchParams): Promise<Page<SearchResult> | null> {
  // On PostgreSQL the handle is a pool, typed as Db like every table of '@/db/schema'.
  if (ENGINE === 'pg') return pg.searchArticles(db as unknown as PgDb, p);
  return fts5.searchArticles(db, p);
}
