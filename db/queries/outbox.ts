import { asc, gt, max, min } from 'drizzle-orm';
import type { Db } from '../client';
import type { Tx } from '../mutations/audit';
import { cacheInvalidations, contentVersion } from '../schema';

/** The content version: how many changes to what readers see were ever committed (see schema). */
export function readContentVersion(db: Db | Tx): number {
  return db.select({ n: contentVersion.n }).from(contentVersion).get()?.n ?? 0;
}

export interface OutboxRow {
  id: number;
  /** A JSON array of cache tags, or `*`. */
  tags: string;
  origin: string;
  contentFrom: number;
  contentTo: number;
}

export interface OutboxRead {
  rows: OutboxRow[];
  /** The content version in the same snapshot as the rows. */
  contentVersion: number;
  /** The oldest row kept: above the follower's last id + 1 means rows it never saw were pruned. */
  oldestId: number | null;
  newestId: number | null;
}

/**
 * The outbox after row `afterId` (at most `limit` rows, oldest first) with the content version,
 * read in one snapshot so a commit landing between the two reads cannot be half seen.
 */
export function readInvalidationsSince(db: Db, afterId: number, limit = 500): OutboxRead {
  // ENGINE: sqlite-only — stays synchronous while the page-cache follower in scripts/start.ts
  // calls it from synchronous code; pg needs it async, both reads in one REPEATABLE READ
  // transaction (or one statement).
  return db.transaction((tx) => {
    const rows = tx
      .select({
        id: cacheInvalidations.id,
        tags: cacheInvalidations.tags,
        origin: cacheInvalidations.origin,
        contentFrom: cacheInvalidations.contentFrom,
        contentTo: cacheInvalidations.contentTo,
      })
      .from(cacheInvalidations)
      .where(gt(cacheInvalidations.id, afterId))
      .orderBy(asc(cacheInvalidations.id))
      .limit(limit)
      .all();
    const ends = tx
      .select({ oldest: min(cacheInvalidations.id), newest: max(cacheInvalidations.id) })
      .from(cacheInvalidations)
      .get();
    return {
      rows,
      contentVersion: readContentVersion(tx),
      oldestId: ends?.oldest ?? null,
      newestId: ends?.newest ?? null,
    };
  });
}
