import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { settings, users, type UserRole } from '../schema';
import { writeTx, type WriteTx } from '../tx';
import { writeAudit } from './audit';
import { openOutbox } from './outbox';
import { deleteUserSessions } from './sessions';
import { CACHE_TAGS } from '@/lib/cache-tags';

export interface NewUser {
  email: string;
  name: string;
  slug: string;
  role: UserRole;
  passwordHash: string;
}

export class EmailTakenError extends Error {
  constructor() {
    super('email taken');
  }
}

/**
 * Inside a write transaction: the account for this e-mail, with this name, role and password
 * (null: none yet, as for an invitation). An e-mail that already logs in is refused; a
 * byline-only author with that e-mail becomes the account; otherwise a new row gets a free slug.
 */
export async function claimAccount(
  tx: WriteTx,
  u: Omit<NewUser, 'passwordHash'> & { passwordHash: string | null },
): Promise<{ id: number; email: string }> {
  const email = u.email.trim().toLowerCase();
  const outbox = await openOutbox(tx);
  const existing = (
    await tx
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .limit(1)
  )[0];
  if (existing?.passwordHash) throw new EmailTakenError();
  if (existing) {
    await tx
      .update(users)
      .set({ name: u.name, role: u.role, passwordHash: u.passwordHash, disabled: false })
      .where(eq(users.id, existing.id));
    // The byline may be renamed: it shows on every page of their stories.
    await outbox.record([CACHE_TAGS.layout]);
    return { id: existing.id, email };
  }
  const base = u.slug || 'user';
  let slug = base;
  const taken = async (s: string) =>
    (await tx.select({ id: users.id }).from(users).where(eq(users.slug, s)).limit(1)).length > 0;
  for (let n = 2; await taken(slug); n++) slug = `${base}-${n}`;
  const row = (
    await tx
      .insert(users)
      .values({ email, name: u.name, slug, role: u.role, passwordHash: u.passwordHash })
      .returning({ id: users.id })
  )[0]!;
  return { id: row.id, email };
}

/** Creates an account (or gives a password to a byline-only author with that e-mail). */
export async function createUser(db: Db, u: NewUser, actorId: number | null): Promise<number> {
  return writeTx(db, async (tx) => {
    const { id, email } = await claimAccount(tx, u);
    await writeAudit(tx, {
      userId: actorId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      details: { email, role: u.role },
    });
    return id;
  });
}

/**
 * The first admin of a fresh install, only while no account can log in; consumes the setup token.
 * Returns null when an account already exists (someone else finished setup first).
 */
export async function createFirstAdmin(db: Db, u: Omit<NewUser, 'role'>): Promise<number | null> {
  return writeTx(db, async (tx) => {
    const anyLogin = (await tx.select({ id: users.id, hash: users.passwordHash }).from(users)).some(
      (r) => r.hash,
    );
    if (anyLogin) return null;
    await tx.delete(settings).where(eq(settings.key, SETUP_TOKEN_KEY));
    const id = await createUser(tx, { ...u, role: 'admin' }, null);
    await writeAudit(tx, { userId: id, action: 'setup.complete', entity: 'user', entityId: id });
    return id;
  });
}

export const SETUP_TOKEN_KEY = 'setup.token_hash';

export async function storeSetupTokenHash(db: Db, hash: string): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx
      .insert(settings)
      .values({ key: SETUP_TOKEN_KEY, value: hash })
      .onConflictDoUpdate({ target: settings.key, set: { value: hash } });
  });
}

export async function setUserPassword(
  db: Db,
  userId: number,
  passwordHash: string,
  actorId: number | null,
): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await writeAudit(tx, { userId: actorId, action: 'user.password', entity: 'user', entityId: userId });
  });
}

/**
 * Replaces a hash made at an older scrypt cost after a successful login. Only while the row still
 * holds the hash that was checked: a password changed in between is never overwritten.
 */
// CASE: no audit row: the password is the same, only its stored form changes.
export async function upgradePasswordHash(
  db: Db,
  userId: number,
  oldHash: string,
  newHash: string,
): Promise<boolean> {
  // The changed rows come back through RETURNING: a row count is reported differently per engine.
  const changed = await writeTx(db, async (tx) =>
    tx
      .update(users)
      .set({ passwordHash: newHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)))
      .returning({ id: users.id }),
  );
  return changed.length === 1;
}

export async function setUserDisabled(
  db: Db,
  userId: number,
  disabled: boolean,
  actorId: number | null,
): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.update(users).set({ disabled }).where(eq(users.id, userId));
    if (disabled) await deleteUserSessions(tx, userId);
    await writeAudit(tx, {
      userId: actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: userId,
    });
  });
}

export async function setUserRole(db: Db, userId: number, role: UserRole, actorId: number): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await writeAudit(tx, {
      userId: actorId,
      action: 'user.role',
      entity: 'user',
      entityId: userId,
      details: { role },
    });
  });
}

export interface UserProfile {
  name: string;
  nameEn: string;
  bio: string;
  bioEn: string;
}

/** The public byline and biography, per edition (what readers see on articles and author pages). */
export async function updateUserProfile(
  db: Db,
  id: number,
  p: UserProfile,
  actorId: number,
): Promise<boolean> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const changed =
      (await tx.update(users).set(p).where(eq(users.id, id)).returning({ id: users.id })).length > 0;
    // Bylines appear on every page that shows this person's stories.
    if (changed) await outbox.record([CACHE_TAGS.layout]);
    if (changed)
      await writeAudit(tx, {
        userId: actorId,
        action: 'user.profile',
        entity: 'user',
        entityId: id,
        details: { name: p.name },
      });
    return changed;
  });
}
