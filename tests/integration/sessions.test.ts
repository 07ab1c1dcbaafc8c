import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResetLink, setPasswordFromLink } from '@/db/mutations/account-tokens';
import { deleteSession, insertSession, rotateSession } from '@/db/mutations/sessions';
import { createFirstAdmin, createUser, setUserPassword } from '@/db/mutations/users';
import { getSessionWithUser } from '@/db/queries/users';
import { SETUP_TOKEN_TTL_MS, isSetupTokenValid, prepareFirstRun } from '@/lib/auth/setup';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { createTestDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const live = async (token: string) => (await getSessionWithUser(t.db, hashToken(token))) !== null;

async function session(userId: number): Promise<string> {
  const token = newToken();
  await insertSession(t.db, { idHash: hashToken(token), userId, now: new Date(), userAgent: 'test' });
  return token;
}

describe('setup token', () => {
  it('works once, before its hour is up, and dies when an earlier start is replaced', async () => {
    const start = new Date('2026-12-01T10:00:00Z');
    const first = await prepareFirstRun(t.db, {}, start);
    expect(first.kind).toBe('token');
    const token = (first as { token: string }).token;
    expect(await isSetupTokenValid(t.db, token, start)).toBe(true);
    expect(await isSetupTokenValid(t.db, token + 'x', start)).toBe(false);
    expect(await isSetupTokenValid(t.db, '', start)).toBe(false);
    expect(await isSetupTokenValid(t.db, token, new Date(start.getTime() + SETUP_TOKEN_TTL_MS - 1000))).toBe(
      true,
    );
    expect(await isSetupTokenValid(t.db, token, new Date(start.getTime() + SETUP_TOKEN_TTL_MS))).toBe(false);

    // A restart prints a new link; the old one is dead at once.
    const second = (await prepareFirstRun(t.db, {}, start)) as { token: string };
    expect(await isSetupTokenValid(t.db, token, start)).toBe(false);
    expect(await isSetupTokenValid(t.db, second.token, start)).toBe(true);

    // Used: the first admin exists, and the same token (or any) opens nothing any more.
    const id = await createFirstAdmin(t.db, {
      email: 'first@midad.example',
      name: 'أولى',
      slug: 'first',
      passwordHash: 'x',
    });
    expect(id).toBeTypeOf('number');
    expect(await isSetupTokenValid(t.db, second.token, start)).toBe(false);
    expect(
      await createFirstAdmin(t.db, {
        email: 'late@midad.example',
        name: 'x',
        slug: 'late',
        passwordHash: 'x',
      }),
    ).toBeNull();
    expect((await prepareFirstRun(t.db, {}, start)).kind).toBe('ready');
  });
});

describe('sessions', () => {
  let userId: number;
  beforeAll(async () => {
    userId = await createUser(
      t.db,
      { email: 'sess@midad.example', name: 'جلسة', slug: 'sess', role: 'editor', passwordHash: 'x' },
      null,
    );
  });

  it('a login replaces the session the browser came with', async () => {
    const before = await session(userId);
    const after = newToken();
    await rotateSession(t.db, {
      previousIdHash: hashToken(before),
      idHash: hashToken(after),
      userId,
      now: new Date(),
      userAgent: 'test',
    });
    expect(await live(before)).toBe(false);
    expect(await live(after)).toBe(true);
    // A planted id that never existed is not adopted either: the new one is always fresh.
    const planted = newToken();
    const next = newToken();
    await rotateSession(t.db, {
      previousIdHash: hashToken(planted),
      idHash: hashToken(next),
      userId,
      now: new Date(),
      userAgent: 'test',
    });
    expect(await live(planted)).toBe(false);
    expect(await live(next)).toBe(true);
  });

  it('logout ends exactly that session', async () => {
    const a = await session(userId);
    const b = await session(userId);
    await deleteSession(t.db, hashToken(a));
    expect(await live(a)).toBe(false);
    expect(await live(b)).toBe(true);
  });

  it('a password change ends every session of that person, and only theirs', async () => {
    const other = await createUser(
      t.db,
      { email: 'other@midad.example', name: 'آخر', slug: 'other', role: 'writer', passwordHash: 'x' },
      null,
    );
    const mine = [await session(userId), await session(userId)];
    const theirs = await session(other);
    await setUserPassword(t.db, userId, 'scrypt$new', null);
    expect(await Promise.all(mine.map(live))).toEqual([false, false]);
    expect(await live(theirs)).toBe(true);
  });

  it('a password set from a reset link ends every session too', async () => {
    const mine = [await session(userId), await session(userId)];
    const link = newToken();
    expect(await createResetLink(t.db, userId, userId, hashToken(link))).toBe(true);
    expect(await setPasswordFromLink(t.db, hashToken(link), 'scrypt$newer')).toBe(userId);
    expect(await Promise.all(mine.map(live))).toEqual([false, false]);
  });
});
