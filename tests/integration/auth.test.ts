import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createFirstAdmin, createUser, setUserDisabled } from '@/db/mutations/users';
import { users } from '@/db/schema';
import { countLoginUsers } from '@/db/queries/users';
import { MAX_FAILURES_PER_ACCOUNT, attemptLogin } from '@/lib/auth/login';
import {
  PASSWORD_PARAMS,
  checkNewPassword,
  hashPassword,
  needsRehash,
  verificationCost,
  verifyPassword,
} from '@/lib/auth/password';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { createTestDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('passwords', () => {
  it('hashes with a fresh salt and verifies', async () => {
    const a = await hashPassword('حبر-على-ورق-2026');
    const b = await hashPassword('حبر-على-ورق-2026');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('حبر-على-ورق-2026', a)).toBe(true);
    expect(await verifyPassword('حبر-على-ورق-2027', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });

  it('hashes at N=2^17, r=8, p=1 and names the cost in the stored hash', async () => {
    const hash = await hashPassword('مداد-وقلم-2026');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(needsRehash(hash)).toBe(false);
  });

  it('hashes off the event loop: other work runs while a password is checked', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const hash = await hashPassword('مداد-وقلم-2026');
    const seen = ticks;
    clearInterval(timer);
    // With a blocking scrypt the timer could not fire before the hash was done.
    expect(seen).toBeGreaterThan(0);
    expect(await verifyPassword('مداد-وقلم-2026', hash)).toBe(true);
  });

  it('spends the same scrypt work on a missing or broken hash as on a real one', async () => {
    const real = await hashPassword('حبر-على-ورق-2026');
    expect(verificationCost(real)).toEqual(PASSWORD_PARAMS);
    for (const missing of [null, 'scrypt$99999999999$8$1$a$b']) {
      expect(verificationCost(missing)).toEqual(PASSWORD_PARAMS);
      expect(await verifyPassword('حبر-على-ورق-2026', missing)).toBe(false);
    }
  });

  it.each([
    ['short', 'tooShort'],
    ['password123', 'tooCommon'],
    ['aaaaaaaaaaaa', 'tooCommon'],
    ['editor@midad.example', 'sameAsEmail'],
    ['نخيل الشام الأخضر', null],
  ])('checkNewPassword(%s) → %s', (password, problem) => {
    expect(checkNewPassword(password, 'editor@midad.example')).toBe(problem);
  });

  it('stores only a hash of session tokens', () => {
    const token = newToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

describe('accounts and login', () => {
  it('creates the first admin once, and only while nobody can log in', async () => {
    expect(await countLoginUsers(t.db)).toBe(0);
    const hash = await hashPassword('first-admin-pass');
    expect(
      await createFirstAdmin(t.db, {
        email: 'Admin@Midad.example',
        name: 'مديرة',
        slug: 'admin',
        passwordHash: hash,
      }),
    ).toBeTypeOf('number');
    expect(
      await createFirstAdmin(t.db, { email: 'intruder@x.example', name: 'x', slug: 'x', passwordHash: hash }),
    ).toBeNull();
    expect(await countLoginUsers(t.db)).toBe(1);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const unknown = await attemptLogin(t.db, {
      email: 'nobody@midad.example',
      password: 'whatever-pass',
      ip: '10.0.0.1',
    });
    const wrong = await attemptLogin(t.db, {
      email: 'admin@midad.example',
      password: 'wrong-password',
      ip: '10.0.0.1',
    });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    const right = await attemptLogin(t.db, {
      email: ' ADMIN@midad.example ',
      password: 'first-admin-pass',
      ip: '10.0.0.1',
    });
    expect(right.ok).toBe(true);
  });

  it('upgrades an N=2^15 hash at the next successful login, and only then', async () => {
    const old = await hashPassword('old-cost-secret-1', { N: 2 ** 15, r: 8, p: 1 });
    expect(needsRehash(old)).toBe(true);
    const id = await createUser(
      t.db,
      { email: 'old@midad.example', name: 'قديم', slug: 'old-cost', role: 'writer', passwordHash: old },
      null,
    );
    const stored = async () => (await t.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash!;
    expect(
      await attemptLogin(t.db, { email: 'old@midad.example', password: 'wrong-secret-1', ip: '10.0.3.1' }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(await stored()).toBe(old);
    const ok = await attemptLogin(t.db, {
      email: 'old@midad.example',
      password: 'old-cost-secret-1',
      ip: '10.0.3.1',
    });
    expect(ok.ok).toBe(true);
    const upgraded = await stored();
    expect(upgraded).not.toBe(old);
    expect(upgraded.split('$')[1]).toBe(String(2 ** 17));
    expect(await verifyPassword('old-cost-secret-1', upgraded)).toBe(true);
    // Already at today's cost: the next login leaves the hash alone.
    await attemptLogin(t.db, { email: 'old@midad.example', password: 'old-cost-secret-1', ip: '10.0.3.1' });
    expect(await stored()).toBe(upgraded);
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const id = await createUser(
      t.db,
      {
        email: 'writer@midad.example',
        name: 'كاتب',
        slug: 'writer',
        role: 'writer',
        passwordHash: await hashPassword('writer-secret-1'),
      },
      null,
    );
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await attemptLogin(t.db, {
        email: 'writer@midad.example',
        password: 'nope-nope-nope',
        ip: `10.0.1.${i}`,
      });
    }
    expect(
      await attemptLogin(t.db, {
        email: 'writer@midad.example',
        password: 'writer-secret-1',
        ip: '10.0.2.1',
      }),
    ).toEqual({
      ok: false,
      reason: 'throttled',
    });
    // After the window the account can log in again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(
      (
        await attemptLogin(
          t.db,
          { email: 'writer@midad.example', password: 'writer-secret-1', ip: '10.0.2.1' },
          later,
        )
      ).ok,
    ).toBe(true);
    await setUserDisabled(t.db, id, true, null);
    expect(
      await attemptLogin(
        t.db,
        { email: 'writer@midad.example', password: 'writer-secret-1', ip: '10.0.2.2' },
        later,
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
