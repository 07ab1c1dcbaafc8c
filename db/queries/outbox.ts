import { asc, gt, max, min } from 'drizzle-orm';
import type { Db } from '../client';
import { cacheInvalidations, contentVersion } from '../schema';

/** The content version: how many changes to what readers see were ever committed (see schema). */
export async function readContentVersion(db: Db): Promise<number> {
  return (await db.select({ n: contentVersion.n }).from(contentVersion).limit(1))[0]?.n ?? 0;
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
  // ENGINE: sqlite-only (db/change-feed.ts has the PostgreSQL reader)
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
      contentVersion: tx.select({ n: contentVersion.n }).from(contentVersion).get()?.n ?? 0,
      oldestId: ends?.oldest ?? null,
      newestId: ends?.newest ?? null,
    };
  });
}
