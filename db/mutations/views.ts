import { IMMEDIATE } from './immediate';
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articleViews } from '../schema';

/** Adds buffered view counts for one day in a single transaction. */
export function addArticleViews(db: Db, day: string, counts: Map<number, number>): void {
  if (counts.size === 0) return;
  db.transaction((tx) => {
    for (const [articleId, n] of counts) {
      tx.insert(articleViews)
        .values({ articleId, day, count: n })
        .onConflictDoUpdate({
          target: [articleViews.articleId, articleViews.day],
          set: { count: sql`${articleViews.count} + ${n}` },
        })
        .run();
    }
  }, IMMEDIATE);
}
