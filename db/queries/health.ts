import { count } from 'drizzle-orm';
import type { Db } from '../client';
import { articles } from '../schema';

/** A cheap read that proves the database answers; reports only counts, never paths or secrets. */
export async function checkDatabase(db: Db): Promise<{ ok: true; articles: number }> {
  const [row] = await db.select({ n: count() }).from(articles);
  return { ok: true, articles: row?.n ?? 0 };
}
