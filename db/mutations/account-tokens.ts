import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { accountTokens, users, type AccountTokenPurpose, type UserRole } from '../schema';
import { writeTx, type WriteTx } from '../tx';
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
export async function inviteUser(
  db: Db,
  actorId: number,
  u: InviteInput,
  tokenHash: string,
  now = new Date(),
): Promise<number> {
  return writeTx(db, async (tx) => {
    const { id, email } = await claimAccount(tx, { ...u, passwordHash: null });
    await storeToken(tx, id, 'invite', tokenHash, actorId, now);
    await writeAudit(tx, {
      userId: actorId,
      action: 'user.invite',
      entity: 'user',
      entityId: id,
      details: { email, role: u.role },
    });
    return id;
  });
}

/** A one-time link for an existing account to choose a new password. */
export async function createResetLink(
  db: Db,
  actorId: number,
  userId: number,
  tokenHash: string,
  now = new Date(),
): Promise<boolean> {
  return writeTx(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) return false;
    await storeToken(tx, userId, 'reset', tokenHash, actorId, now);
    await writeAudit(tx, { userId: actorId, action: 'user.resetLink', entity: 'user', entityId: userId });
    return true;
  });
}

// CASE: a new link replaces any earlier unused one for the same account: only the last works.
async function storeToken(
  tx: WriteTx,
  userId: number,
  purpose: AccountTokenPurpose,
  tokenHash: string,
  actorId: number,
  now: Date,
) {
  await tx.delete(accountTokens).where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    tokenHash,
    userId,
    purpose,
    createdBy: actorId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS),
  });
}

/**
 * Sets the password a link's holder chose, if the link is unused and unexpired; marks it used
 * and ends every session of the account (a reset means the old password is no longer trusted).
 * Returns the account's id, or null for an unknown, used or expired link.
 */
export async function setPasswordFromLink(
  db: Db,
  tokenHash: string,
  passwordHash: string,
  now = new Date(),
): Promise<number | null> {
  return writeTx(db, async (tx) => {
    const [token] = await tx
      .select({ userId: accountTokens.userId, purpose: accountTokens.purpose })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.tokenHash, tokenHash),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      );
    if (!token) return null;
    await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.tokenHash, tokenHash));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, token.userId));
    await deleteUserSessions(tx, token.userId);
    await writeAudit(tx, {
      userId: token.userId,
      action: 'user.passwordFromLink',
      entity: 'user',
      entityId: token.userId,
      details: { purpose: token.purpose },
    });
    return token.userId;
  });
}
