import type { Db } from '@/db/client';
import { clearLoginFailures, recordLoginFailure } from '@/db/mutations/sessions';
import { upgradePasswordHash } from '@/db/mutations/users';
import { getLoginFailures, getUserByEmailForLogin } from '@/db/queries/users';
import { hashPassword, needsRehash, verifyPassword } from './password';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type LoginResult =
  | { ok: true; user: { id: number; role: 'admin' | 'editor' | 'writer'; name: string } }
  | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks a login. Unknown e-mail, wrong password and a disabled account all answer "invalid"
 * after the same amount of work; too many failures for the account or the address answer
 * "throttled" without checking the password at all.
 */
export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `email:${email}`;
  const addressKey = `ip:${input.ip}`;
  if (
    (await getLoginFailures(db, accountKey, now, THROTTLE_WINDOW_MS)) >= MAX_FAILURES_PER_ACCOUNT ||
    (await getLoginFailures(db, addressKey, now, THROTTLE_WINDOW_MS)) >= MAX_FAILURES_PER_ADDRESS
  ) {
    return { ok: false, reason: 'throttled' };
  }
  const user = await getUserByEmailForLogin(db, email);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !valid || user.disabled) {
    await recordLoginFailure(db, [accountKey, addressKey], now, THROTTLE_WINDOW_MS);
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures(db, accountKey);
  // CASE: a hash made at an older cost is replaced now, while the plain password is at hand (the
  // only moment it is); the person waits one more hash, once.
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    await upgradePasswordHash(db, user.id, user.passwordHash, await hashPassword(input.password));
  }
  return { ok: true, user: { id: user.id, role: user.role, name: user.name } };
}
