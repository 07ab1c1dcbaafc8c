import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { liveHolder, type LockHolder, type LockState } from '../queries/edit-locks';
import { articleLocks, articles, revisions, type RevisionSnapshot } from '../schema';
import { writeTx } from '../tx';
import { writeAudit } from './audit';

/**
 * Opening a story and every heartbeat after: refreshes this tab's lock, takes the lock when it is
 * free (or expired), and otherwise reports who holds it. Never takes a live lock from someone else.
 * No audit row: a heartbeat changes nothing anybody reads later (take-overs are audited).
 */
export async function heartbeatLock(
  db: Db,
  articleId: number,
  userId: number,
  token: string,
  now = new Date(),
): Promise<LockState> {
  return writeTx(db, async (tx): Promise<LockState> => {
    const holder = await liveHolder(tx, articleId, now);
    if (holder && holder.token !== token) return { held: false, holder };
    await tx
      .insert(articleLocks)
      .values({ articleId, userId, token, acquiredAt: now, heartbeatAt: now })
      .onConflictDoUpdate({
        target: articleLocks.articleId,
        // The same tab keeps its "since"; a new holder of a free lock starts now.
        set: holder ? { heartbeatAt: now } : { userId, token, acquiredAt: now, heartbeatAt: now },
      });
    return { held: true };
  });
}

/**
 * «تولَّ التحرير»: this tab takes the lock whoever holds it. The one who loses it learns at their
 * next heartbeat and keeps their unsaved text as a revision (keepUnsavedCopy).
 */
export async function takeOverLock(
  db: Db,
  articleId: number,
  userId: number,
  token: string,
  now = new Date(),
): Promise<{ from: LockHolder | null }> {
  return writeTx(db, async (tx) => {
    const from = await liveHolder(tx, articleId, now);
    await tx
      .insert(articleLocks)
      .values({ articleId, userId, token, acquiredAt: now, heartbeatAt: now })
      .onConflictDoUpdate({
        target: articleLocks.articleId,
        set: { userId, token, acquiredAt: now, heartbeatAt: now },
      });
    await writeAudit(tx, {
      userId,
      action: 'article.lockTakeover',
      entity: 'article',
      entityId: articleId,
      details: from && from.token !== token ? { fromUserId: from.userId } : {},
    });
    return { from: from && from.token !== token ? from : null };
  });
}

/** Closing the tab: lets go of the lock if this tab still holds it (someone may have taken it). */
export async function releaseLock(db: Db, articleId: number, token: string): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx
      .delete(articleLocks)
      .where(and(eq(articleLocks.articleId, articleId), eq(articleLocks.token, token)));
  });
}

/**
 * Text someone had typed but not saved, kept as a revision marked 'unsaved' (never written over
 * the article, and the article's version does not move): after a take-over, or when they set
 * their own text aside to resolve a conflict. The revisions page shows it and can restore it.
 */
export async function keepUnsavedCopy(
  db: Db,
  actorId: number,
  articleId: number,
  snapshot: RevisionSnapshot,
  reason: 'takenOver' | 'conflict',
  now = new Date(),
): Promise<number> {
  return writeTx(db, async (tx) => {
    const [exists] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
    if (!exists) throw new Error('notFound');
    const [row] = await tx
      .insert(revisions)
      .values({ articleId, userId: actorId, snapshot, createdAt: now, kind: 'unsaved' })
      .returning({ id: revisions.id });
    const id = row!.id;
    await writeAudit(tx, {
      userId: actorId,
      action: 'article.unsavedCopy',
      entity: 'article',
      entityId: articleId,
      details: { revisionId: id, reason },
    });
    return id;
  });
}
