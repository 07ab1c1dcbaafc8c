import type { Db } from '@/db/client';
import { recordArticleChanges } from '@/db/mutations/outbox';
import { writeTx, type WriteTx } from '@/db/tx';

/**
 * Runs a change to some articles in one transaction and invalidates exactly the cached reader
 * pages it affects, comparing what readers could see of each article before and after; the
 * outbox row that tells every other instance is written in the same transaction. `change` gets
 * the transaction's handle and passes it to the mutations it calls: they become savepoints and
 * record their own articles too (given the outer `db`, they would wait for this transaction to
 * end). A change that throws is rolled back with its row.
 */
export async function changingArticles<T>(
  db: Db,
  ids: number[],
  change: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  return writeTx(db, async (tx) => recordArticleChanges(tx, ids, () => change(tx)));
}
