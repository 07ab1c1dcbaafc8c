import { timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db/client';
import { countLoginUsers, getSetupTokenHash } from '@/db/queries/users';
import { createFirstAdmin, storeSetupTokenHash } from '@/db/mutations/users';
import { asciiSlug } from '@/lib/arabic/slug';
import { checkNewPassword, hashPassword, type PasswordProblem } from './password';
import { hashToken, newToken } from './tokens';

/** CASE: a setup link works for an hour after the start that printed it; each start prints a new one. */
export const SETUP_TOKEN_TTL_MS = 3_600_000;

/**
 * At start: a fresh install gets its first admin from MIDAD_ADMIN_EMAIL/MIDAD_ADMIN_PASSWORD, or a
 * one-time setup token (returned, to be printed in the server log) so only the operator can claim it.
 */
export async function prepareFirstRun(
  db: Db,
  env: { email?: string; password?: string },
  now = new Date(),
): Promise<
  | { kind: 'ready' }
  | { kind: 'admin-created'; email: string }
  | { kind: 'token'; token: string }
  | { kind: 'bad-password'; problem: PasswordProblem }
> {
  if ((await countLoginUsers(db)) > 0) return { kind: 'ready' };
  if (env.email && env.password) {
    const problem = checkNewPassword(env.password, env.email);
    if (problem) return { kind: 'bad-password', problem };
    const email = env.email.trim().toLowerCase();
    await createFirstAdmin(db, {
      email,
      name: email.split('@')[0]!,
      slug: asciiSlug(email.split('@')[0]!) || 'admin',
      passwordHash: await hashPassword(env.password),
    });
    return { kind: 'admin-created', email };
  }
  const token = newToken();
  // Stored as "hash expiry-ms": replacing the row kills the link an earlier start printed.
  await storeSetupTokenHash(db, `${hashToken(token)} ${now.getTime() + SETUP_TOKEN_TTL_MS}`);
  return { kind: 'token', token };
}

/**
 * Whether `token` is the pending setup link's, before its expiry. Single use: creating the first
 * admin deletes it (db/mutations/users.ts createFirstAdmin), and once any account can log in
 * setup refuses whatever token it is given.
 */
export async function isSetupTokenValid(db: Db, token: string, now = new Date()): Promise<boolean> {
  if (!token || (await countLoginUsers(db)) > 0) return false;
  // CASE: a value without an expiry (written before expiries existed) is dead; the next start writes a new one.
  const [hash, expires] = ((await getSetupTokenHash(db)) ?? '').split(' ');
  if (!hash || !expires || !(now.getTime() < Number(expires))) return false;
  const given = Buffer.from(hashToken(token));
  const expected = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
