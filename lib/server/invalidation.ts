import type { Db } from '@/db/client';
import type { Tx } from '@/db/mutations/audit';
import { openOutbox } from '@/db/mutations/outbox';
import { getArticleCacheFacts } from '@/db/queries/articles';
import { writeTx, type WriteTx } from '@/db/tx';
import { tagsForArticleChange } from '@/lib/cache-tags';

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
  return writeTx(db, async (tx) => {
    // STAGE2: this is recordArticleChanges(tx, ids, change), step by step, because its `change`
    // is still synchronous; call it again once it awaits an asynchronous one.
    const outbox = openOutbox(tx as unknown as Tx);
    const known = [...new Set(ids)];
    const before = known.map((id) => getArticleCacheFacts(tx, id));
    const result = await change(tx);
    outbox.record(known.flatMap((id, i) => tagsForArticleChange(before[i] ?? null, getArticleCacheFacts(tx, id))));
    return result;
  });
}
