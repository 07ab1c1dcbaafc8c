import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { insertSession } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { users, type UserRole } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';

/**
 * A newsroom account with a live session, written straight into the server's database, for
 * e2e tests that act over HTTP as that person. `remove` deletes the account again.
 */
export async function signedInUser(db: Db, label: string, role: UserRole, name: string) {
  const stamp = `${label}-${Date.now()}`;
  const email = `${stamp}@midad.example`;
  const id = await createUser(db, { email, name, slug: stamp, role, passwordHash: 'x' }, null);
  const token = newToken();
  await insertSession(db, { idHash: hashToken(token), userId: id, now: new Date(), userAgent: label });
  return {
    id,
    slug: stamp,
    cookie: `midad_session=${token}`,
    remove: async () => {
      await db.delete(users).where(eq(users.email, email));
    },
  };
}
