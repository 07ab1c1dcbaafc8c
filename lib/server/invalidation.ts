import type { Db } from '@/db/client';
import { IMMEDIATE } from '@/db/mutations/immediate';
import { recordArticleChanges } from '@/db/mutations/outbox';

/**
 * Runs a change to some articles in one transaction and invalidates exactly the cached reader
 * pages it affects, comparing what readers could see of each article before and after; the
 * outbox row that tells every other instance is written in the same transaction (the mutations
 * inside become savepoints and record their own articles too). A change that throws is rolled
 * back with its row.
 */
export function changingArticles<T>(db: Db, ids: number[], change: () => T): T {
  return db.transaction((tx) => recordArticleChanges(tx, ids, change), IMMEDIATE);
}
