import { count } from 'drizzle-orm';
import type { Db } from '../client';
import { articles } from '../schema';

/** A cheap read that proves the database answers; reports only counts, never paths or secrets. */
export function checkDatabase(db: Db): { ok: true; articles: number } {
  const row = db.select({ n: count() }).from(articles).get();
  return { ok: true, articles: row?.n ?? 0 };
}
