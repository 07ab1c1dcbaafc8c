import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_TOKEN_TTL_MS,
  createResetLink,
  inviteUser,
  setPasswordFromLink,
} from '@/db/mutations/account-tokens';
import { insertSession } from '@/db/mutations/sessions';
import { EmailTakenError, createUser } from '@/db/mutations/users';
import { getPasswordLinkAccount } from '@/db/queries/users';
import { accountTokens, auditLog, sessions, users } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { createTestDb } from '../helpers/test-db';

const now = new Date('2026-12-01T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let admin: number;

beforeAll(async () => {
  t = await createTestDb();
  admin = await createUser(
    t.db,
    { email: 'admin@tokens.test', name: 'المديرة', slug: 'admin-tokens', role: 'admin', passwordHash: 'x' },
    null,
  );
});
afterAll(() => t.cleanup());

const passwordOf = async (id: number) =>
  (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.h;

describe('one-time account links', () => {
  it('invites: stores only the hash, works once, and is refused after its use', async () => {
    const token = newToken();
    const id = await inviteUser(
      t.db,
      admin,
      { email: 'Nour@Tokens.test', name: 'نور', slug: 'nour', role: 'writer' },
      hashToken(token),
      now,
    );
    expect(await passwordOf(id)).toBeNull();
    const stored = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - now.getTime()).toBe(72 * 3_600_000);

    expect(await getPasswordLinkAccount(t.db, hashToken(token), now)).toMatchObject({
      userId: id,
      email: 'nour@tokens.test',
      purpose: 'invite',
    });
    expect(await setPasswordFromLink(t.db, hashToken(token), 'hash-1', now)).toBe(id);
    expect(await passwordOf(id)).toBe('hash-1');
    // Single use: the same link again changes nothing.
    expect(await getPasswordLinkAccount(t.db, hashToken(token), now)).toBeNull();
    expect(await setPasswordFromLink(t.db, hashToken(token), 'hash-2', now)).toBeNull();
    expect(await passwordOf(id)).toBe('hash-1');
    // The raw token is not a key: only its hash opens the account.
    expect(await setPasswordFromLink(t.db, token, 'hash-3', now)).toBeNull();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['user.invite', 'user.passwordFromLink']);
  });

  it('refuses an invitation to an e-mail that already logs in', async () => {
    await expect(
      inviteUser(
        t.db,
        admin,
        { email: 'admin@tokens.test', name: 'x', slug: 'x', role: 'writer' },
        hashToken(newToken()),
        now,
      ),
    ).rejects.toThrow(EmailTakenError);
  });

  it('expires after 72 hours', async () => {
    const token = newToken();
    const id = await inviteUser(
      t.db,
      admin,
      { email: 'late@tokens.test', name: 'متأخر', slug: 'late', role: 'editor' },
      hashToken(token),
      now,
    );
    const later = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS + 1);
    expect(await getPasswordLinkAccount(t.db, hashToken(token), later)).toBeNull();
    expect(await setPasswordFromLink(t.db, hashToken(token), 'hash', later)).toBeNull();
    expect(await passwordOf(id)).toBeNull();
    const justInTime = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS - 1);
    expect(await setPasswordFromLink(t.db, hashToken(token), 'hash', justInTime)).toBe(id);
  });

  it('resets: the newest link replaces older ones, and using it ends every session', async () => {
    const id = await createUser(
      t.db,
      { email: 'basel@tokens.test', name: 'باسل', slug: 'basel', role: 'editor', passwordHash: 'old' },
      admin,
    );
    await insertSession(t.db, { idHash: hashToken(newToken()), userId: id, now, userAgent: 'a' });
    await insertSession(t.db, { idHash: hashToken(newToken()), userId: id, now, userAgent: 'b' });
    const first = newToken();
    const second = newToken();
    expect(await createResetLink(t.db, admin, id, hashToken(first), now)).toBe(true);
    expect(await createResetLink(t.db, admin, id, hashToken(second), now)).toBe(true);
    expect(await setPasswordFromLink(t.db, hashToken(first), 'new', now)).toBeNull();
    expect(await passwordOf(id)).toBe('old');
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(2);
    expect(await setPasswordFromLink(t.db, hashToken(second), 'new', now)).toBe(id);
    expect(await passwordOf(id)).toBe('new');
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expect(await createResetLink(t.db, admin, 999_999, hashToken(newToken()), now)).toBe(false);
  });
});
