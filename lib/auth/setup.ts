import type { Db } from '@/db/client';
import { countLoginUsers, getSetupTokenHash } from '@/db/queries/users';
import { createFirstAdmin, storeSetupTokenHash } from '@/db/mutations/users';
import { asciiSlug } from '@/lib/arabic/slug';
import { checkNewPassword, hashPassword, type PasswordProblem } from './password';
import { hashToken, newToken } from './tokens';

/**
 * At start: a fresh install gets its first admin from MIDAD_ADMIN_EMAIL/MIDAD_ADMIN_PASSWORD, or a
 * one-time setup token (returned, to be printed in the server log) so only the operator can claim it.
 */
export async function prepareFirstRun(
  db: Db,
  env: { email?: string; password?: string },
): Promise<
  | { kind: 'ready' }
  | { kind: 'admin-created'; email: string }
  | { kind: 'token'; token: string }
  | { kind: 'bad-password'; problem: PasswordProblem }
> {
  if (countLoginUsers(db) > 0) return { kind: 'ready' };
  if (env.email && env.password) {
    const problem = checkNewPassword(env.password, env.email);
    if (problem) return { kind: 'bad-password', problem };
    const email = env.email.trim().toLowerCase();
    createFirstAdmin(db, {
      email,
      name: email.split('@')[0]!,
      slug: asciiSlug(email.split('@')[0]!) || 'admin',
      passwordHash: await hashPassword(env.password),
    });
    return { kind: 'admin-created', email };
  }
  const token = newToken();
  storeSetupTokenHash(db, hashToken(token));
  return { kind: 'token', token };
}

export function isSetupTokenValid(db: Db, token: string): boolean {
  const stored = getSetupTokenHash(db);
  return Boolean(stored && token && hashToken(token) === stored);
}
