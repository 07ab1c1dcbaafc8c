import { IMMEDIATE } from './immediate';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { accountTokens, users, type AccountTokenPurpose, type UserRole } from '../schema';
import { writeAudit } from './audit';
import { deleteUserSessions } from './sessions';
import { claimAccount } from './users';

/** How long an invitation or reset link works. */
export const ACCOUNT_TOKEN_TTL_MS = 72 * 3_600_000;

export interface InviteInput {
  email: string;
  name: string;
  slug: string;
  role: UserRole;
}

/**
 * An account without a password and a one-time link to choose one. An e-mail that already
 * logs in is refused; a byline-only author with that e-mail becomes the invited account.
 */
export function inviteUser(
  db: Db,
  actorId: number,
  u: InviteInput,
  tokenHash: string,
  now = new Date(),
): number {
  return db.transaction(
    (tx) => {
      const { id, email } = claimAccount(tx, { ...u, passwordHash: null });
      storeToken(tx as unknown as Db, id, 'invite', tokenHash, actorId, now);
      writeAudit(tx, {
        userId: actorId,
        action: 'user.invite',
        entity: 'user',
        entityId: id,
        details: { email, role: u.role },
      });
      return id;
    },
    { behavior: 'immediate' },
  );
}

/** A one-time link for an existing account to choose a new password. */
export function createResetLink(
  db: Db,
  actorId: number,
  userId: number,
  tokenHash: string,
  now = new Date(),
) {
  return db.transaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!user) return false;
    storeToken(tx as unknown as Db, userId, 'reset', tokenHash, actorId, now);
    writeAudit(tx, { userId: actorId, action: 'user.resetLink', entity: 'user', entityId: userId });
    return true;
  }, IMMEDIATE);
}

// CASE: a new link replaces any earlier unused one for the same account: only the last works.
function storeToken(
  tx: Db,
  userId: number,
  purpose: AccountTokenPurpose,
  tokenHash: string,
  actorId: number,
  now: Date,
) {
  tx.delete(accountTokens)
    .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)))
    .run();
  tx.insert(accountTokens)
    .values({
      tokenHash,
      userId,
      purpose,
      createdBy: actorId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS),
    })
    .run();
}

/**
 * Sets the password a link's holder chose, if the link is unused and unexpired; marks it used
 * and ends every session of the account (a reset means the old password is no longer trusted).
 * Returns the account's id, or null for an unknown, used or expired link.
 */
export function setPasswordFromLink(db: Db, tokenHash: string, passwordHash: string, now = new Date()) {
  return db.transaction(
    (tx) => {
      const token = tx
        .select({ userId: accountTokens.userId, purpose: accountTokens.purpose })
        .from(accountTokens)
        .where(
          and(
            eq(accountTokens.tokenHash, tokenHash),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, now),
          ),
        )
        .get();
      if (!token) return null;
      tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.tokenHash, tokenHash)).run();
      tx.update(users).set({ passwordHash }).where(eq(users.id, token.userId)).run();
      deleteUserSessions(tx as unknown as Db, token.userId);
      writeAudit(tx, {
        userId: token.userId,
        action: 'user.passwordFromLink',
        entity: 'user',
        entityId: token.userId,
        details: { purpose: token.purpose },
      });
      return token.userId;
    },
    { behavior: 'immediate' },
  );
}
