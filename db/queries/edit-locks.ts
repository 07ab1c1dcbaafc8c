import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articleLocks, users } from '../schema';

/** A lock without a heartbeat for this long is free: the tab was closed, crashed or went offline. */
export const LOCK_TTL_MS = 60_000;

export type LockHolder = { userId: number; name: string; token: string; since: Date };

export type LockState =
  /** This tab holds the lock (it just took a free one, or refreshed its own). */
  | { held: true }
  /** Someone else (another person, or the same person in another tab) has the story open. */
  | { held: false; holder: LockHolder };

const lockColumns = {
  articleId: articleLocks.articleId,
  userId: articleLocks.userId,
  name: users.name,
  token: articleLocks.token,
  since: articleLocks.acquiredAt,
  heartbeatAt: articleLocks.heartbeatAt,
};

function holderOf(row: (LockHolder & { heartbeatAt: Date }) | undefined, now: Date): LockHolder | null {
  if (!row || now.getTime() - row.heartbeatAt.getTime() > LOCK_TTL_MS) return null;
  return { userId: row.userId, name: row.name, token: row.token, since: row.since };
}

/** Who holds a story's soft lock now, or null when it is free (none, or expired). */
export async function liveHolder(tx: Db, articleId: number, now: Date): Promise<LockHolder | null> {
  const row = (
    await tx
      .select(lockColumns)
      .from(articleLocks)
      .innerJoin(users, eq(users.id, articleLocks.userId))
      .where(eq(articleLocks.articleId, articleId))
      .limit(1)
  )[0];
  return holderOf(row, now);
}

/** Who has these stories open right now (for the articles list), by article id. */
export async function listLiveLocks(
  db: Db,
  articleIds: number[],
  now = new Date(),
): Promise<Map<number, LockHolder>> {
  const map = new Map<number, LockHolder>();
  if (articleIds.length === 0) return map;
  const rows = await db
    .select(lockColumns)
    .from(articleLocks)
    .innerJoin(users, eq(users.id, articleLocks.userId))
    .where(inArray(articleLocks.articleId, articleIds));
  for (const row of rows) {
    const holder = holderOf(row, now);
    if (holder) map.set(row.articleId, holder);
  }
  return map;
}
