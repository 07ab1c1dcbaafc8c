import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts, sessions } from '../schema';
import { writeTx } from '../tx';

export async function insertSession(
  db: Db,
  s: { idHash: string; userId: number; now: Date; userAgent: string },
): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.insert(sessions).values({
      idHash: s.idHash,
      userId: s.userId,
      createdAt: s.now,
      lastSeenAt: s.now,
      userAgent: s.userAgent.slice(0, 300),
    });
  });
}

/**
 * A login: the session the browser came with (if any) ends and a new one begins, in one
 * transaction, so an id known before the login (planted or stolen) is never a logged-in one.
 */
export async function rotateSession(
  db: Db,
  s: { previousIdHash: string | null; idHash: string; userId: number; now: Date; userAgent: string },
): Promise<void> {
  await writeTx(db, async (tx) => {
    if (s.previousIdHash) await deleteSession(tx, s.previousIdHash);
    await insertSession(tx, s);
  });
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  });
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.idHash, idHash));
  });
}

/**
 * Every session of this user ends: "log out everywhere", and what a password reset or a disabled
 * account does inside that change's write transaction (give it the body's `tx`).
 */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

export async function deleteSessionsIdleSince(db: Db, cutoff: Date): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.delete(sessions).where(lt(sessions.lastSeenAt, cutoff));
  });
}

/** Adds a failure for each key, restarting a key's count when its window has passed; returns the counts. */
export async function recordLoginFailure(
  db: Db,
  keys: string[],
  now: Date,
  windowMs: number,
): Promise<number[]> {
  return writeTx(db, async (tx) => {
    const counts: number[] = [];
    for (const key of keys) {
      await tx
        .delete(loginAttempts)
        .where(
          and(eq(loginAttempts.key, key), lt(loginAttempts.windowStart, new Date(now.getTime() - windowMs))),
        );
      const [row] = await tx
        .insert(loginAttempts)
        .values({ key, failures: 1, windowStart: now })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: { failures: sql`${loginAttempts.failures} + 1` },
        })
        .returning({ failures: loginAttempts.failures });
      counts.push(row!.failures);
    }
    return counts;
  });
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.delete(loginAttempts).where(eq(loginAttempts.key, key));
  });
}
