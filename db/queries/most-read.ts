import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, articleViews } from '../schema';
import { listCardsByIds } from './articles';
import type { ArticleCard } from './views';

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Most-viewed live stories over the last `days` days. */
export async function listMostRead(
  db: Db,
  p: { locale: string; now: Date; days?: number; limit?: number },
): Promise<ArticleCard[]> {
  const since = utcDay(new Date(p.now.getTime() - (p.days ?? 7) * 86_400_000));
  const total = sql<number>`sum(${articleViews.count})`.mapWith(Number);
  const ranked = await db
    .select({ id: articleViews.articleId, total })
    .from(articleViews)
    // This edition's stories only: ranked over both, the English top would sit below the
    // busier Arabic edition's and never make the cut.
    .innerJoin(articles, eq(articles.id, articleViews.articleId))
    .where(and(gte(articleViews.day, since), eq(articles.locale, p.locale)))
    .groupBy(articleViews.articleId)
    // Ties in a fixed order (the newer story first), so every render of a page is the same bytes.
    .orderBy(desc(total), desc(articleViews.articleId))
    .limit((p.limit ?? 5) * 2);
  const cards = await listCardsByIds(
    db,
    ranked.map((r) => r.id),
    p.locale,
    p.now,
  );
  return cards.slice(0, p.limit ?? 5);
}
