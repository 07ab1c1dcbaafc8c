import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articleViews } from '../schema';
import { writeTx } from '../tx';

/**
 * Adds buffered view counts for one day in a single transaction.
 * CASE: rows are written in ascending article order. Two instances flushing overlapping batches
 * then lock rows in the same order, so on an engine with row locks they queue instead of
 * deadlocking (and a deadlock victim's increments would be lost).
 */
export async function addArticleViews(db: Db, day: string, counts: Map<number, number>): Promise<void> {
  if (counts.size === 0) return;
  const ordered = [...counts].sort(([a], [b]) => a - b);
  await writeTx(db, async (tx) => {
    for (const [articleId, n] of ordered) {
      await tx
        .insert(articleViews)
        .values({ articleId, day, count: n })
        .onConflictDoUpdate({
          target: [articleViews.articleId, articleViews.day],
          set: { count: sql`${articleViews.count} + ${n}` },
        });
    }
  });
}
