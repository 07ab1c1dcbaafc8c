import { and, count, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { timeParam } from '../engine';
import { accountTokens, loginAttempts, sessions, settings, users } from '../schema';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  slug: users.slug,
  role: users.role,
  disabled: users.disabled,
};

export type UserView = {
  id: number;
  email: string;
  name: string;
  slug: string;
  role: 'admin' | 'editor' | 'writer';
  disabled: boolean;
};

/** Accounts that can log in (a password is set); demo bylines without passwords do not count. */
export async function countLoginUsers(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(users).where(isNotNull(users.passwordHash)))[0]!.n;
}

export async function getUserByEmailForLogin(db: Db, email: string) {
  const rows = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return rows[0] ?? null;
}

/** The session's user with the session's times, or null. */
export async function getSessionWithUser(db: Db, idHash: string) {
  const rows = await db
    .select({ ...userColumns, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  return rows[0] ?? null;
}

/** Failed logins for a throttle key within the current window. */
export async function getLoginFailures(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key)).limit(1);
  if (!row || row.windowStart.getTime() < now.getTime() - windowMs) return 0;
  return row.failures;
}

/** The stored hash of the one-time setup token, while setup is pending. */
export async function getSetupTokenHash(db: Db): Promise<string | null> {
  const rows = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, 'setup.token_hash'))
    .limit(1);
  return rows[0]?.value ?? null;
}

export async function listUsersForAdmin(db: Db) {
  return await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      nameEn: users.nameEn,
      bio: users.bio,
      bioEn: users.bioEn,
      role: users.role,
      disabled: users.disabled,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`.mapWith(Boolean),
      // An invitation still waiting to be used (an account without a password until then).
      invited:
        sql<boolean>`EXISTS (SELECT 1 FROM account_tokens WHERE account_tokens.user_id = ${users.id} AND account_tokens.purpose = 'invite' AND account_tokens.used_at IS NULL AND account_tokens.expires_at > ${timeParam(new Date())})`.mapWith(
          Boolean,
        ),
    })
    .from(users)
    .orderBy(users.name);
}

/** Who a one-time link (invitation or reset) belongs to, while it is unused and unexpired. */
export async function getPasswordLinkAccount(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      purpose: accountTokens.purpose,
      expiresAt: accountTokens.expiresAt,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}
