import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts, sessions } from '../schema';
import { IMMEDIATE } from './immediate';

export function insertSession(
  db: Db,
  s: { idHash: string; userId: number; now: Date; userAgent: string },
): void {
  db.insert(sessions)
    .values({
      idHash: s.idHash,
      userId: s.userId,
      createdAt: s.now,
      lastSeenAt: s.now,
      userAgent: s.userAgent.slice(0, 300),
    })
    .run();
}

/**
 * A login: the session the browser came with (if any) ends and a new one begins, in one
 * transaction, so an id known before the login (planted or stolen) is never a logged-in one.
 */
export function rotateSession(
  db: Db,
  s: { previousIdHash: string | null; idHash: string; userId: number; now: Date; userAgent: string },
): void {
  db.transaction((tx) => {
    if (s.previousIdHash) deleteSession(tx as unknown as Db, s.previousIdHash);
    insertSession(tx as unknown as Db, s);
  }, IMMEDIATE);
}

export function touchSession(db: Db, idHash: string, now: Date): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run();
}

export function deleteSession(db: Db, idHash: string): void {
  db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
}

/** "Log out everywhere", and what a password reset or a disabled account does. */
export function deleteUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteSessionsIdleSince(db: Db, cutoff: Date): void {
  db.delete(sessions).where(lt(sessions.lastSeenAt, cutoff)).run();
}

/** Adds a failure for each key, restarting a key's count when its window has passed; returns the counts. */
export function recordLoginFailure(db: Db, keys: string[], now: Date, windowMs: number): number[] {
  return db.transaction((tx) =>
    keys.map((key) => {
      tx.delete(loginAttempts)
        .where(
          and(eq(loginAttempts.key, key), lt(loginAttempts.windowStart, new Date(now.getTime() - windowMs))),
        )
        .run();
      return tx
        .insert(loginAttempts)
        .values({ key, failures: 1, windowStart: now })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: { failures: sql`${loginAttempts.failures} + 1` },
        })
        .returning({ failures: loginAttempts.failures })
        .get().failures;
    }),
  );
}

export function clearLoginFailures(db: Db, key: string): void {
  db.delete(loginAttempts).where(eq(loginAttempts.key, key)).run();
}
