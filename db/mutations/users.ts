import { and, eq } from 'drizzle-orm';
import { IMMEDIATE } from './immediate';
import type { Db } from '../client';
import { settings, users, type UserRole } from '../schema';
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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Inside a write transaction: the account for this e-mail, with this name, role and password
 * (null: none yet, as for an invitation). An e-mail that already logs in is refused; a
 * byline-only author with that e-mail becomes the account; otherwise a new row gets a free slug.
 */
export function claimAccount(tx: Tx, u: Omit<NewUser, 'passwordHash'> & { passwordHash: string | null }) {
  const email = u.email.trim().toLowerCase();
  const outbox = openOutbox(tx);
  const existing = tx
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (existing?.passwordHash) throw new EmailTakenError();
  if (existing) {
    tx.update(users)
      .set({ name: u.name, role: u.role, passwordHash: u.passwordHash, disabled: false })
      .where(eq(users.id, existing.id))
      .run();
    // The byline may be renamed: it shows on every page of their stories.
    outbox.record([CACHE_TAGS.layout]);
    return { id: existing.id, email };
  }
  const base = u.slug || 'user';
  let slug = base;
  for (let n = 2; tx.select({ id: users.id }).from(users).where(eq(users.slug, slug)).get(); n++)
    slug = `${base}-${n}`;
  const row = tx
    .insert(users)
    .values({ email, name: u.name, slug, role: u.role, passwordHash: u.passwordHash })
    .returning({ id: users.id })
    .get();
  return { id: row.id, email };
}

/** Creates an account (or gives a password to a byline-only author with that e-mail). */
export function createUser(db: Db, u: NewUser, actorId: number | null): number {
  return db.transaction((tx) => {
    const { id, email } = claimAccount(tx, u);
    writeAudit(tx, {
      userId: actorId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      details: { email, role: u.role },
    });
    return id;
  }, IMMEDIATE);
}

/**
 * The first admin of a fresh install, only while no account can log in; consumes the setup token.
 * Returns null when an account already exists (someone else finished setup first).
 */
export function createFirstAdmin(db: Db, u: Omit<NewUser, 'role'>): number | null {
  return db.transaction((tx) => {
    const anyLogin = tx
      .select({ id: users.id, hash: users.passwordHash })
      .from(users)
      .all()
      .some((r) => r.hash);
    if (anyLogin) return null;
    tx.delete(settings).where(eq(settings.key, SETUP_TOKEN_KEY)).run();
    const id = createUser(tx as unknown as Db, { ...u, role: 'admin' }, null);
    writeAudit(tx, { userId: id, action: 'setup.complete', entity: 'user', entityId: id });
    return id;
  }, IMMEDIATE);
}

export const SETUP_TOKEN_KEY = 'setup.token_hash';

export function storeSetupTokenHash(db: Db, hash: string): void {
  db.insert(settings)
    .values({ key: SETUP_TOKEN_KEY, value: hash })
    .onConflictDoUpdate({ target: settings.key, set: { value: hash } })
    .run();
}

export function setUserPassword(db: Db, userId: number, passwordHash: string, actorId: number | null): void {
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    deleteUserSessions(tx as unknown as Db, userId);
    writeAudit(tx, { userId: actorId, action: 'user.password', entity: 'user', entityId: userId });
  }, IMMEDIATE);
}

/**
 * Replaces a hash made at an older scrypt cost after a successful login. Only while the row still
 * holds the hash that was checked: a password changed in between is never overwritten.
 */
// CASE: no audit row: the password is the same, only its stored form changes.
export function upgradePasswordHash(db: Db, userId: number, oldHash: string, newHash: string): boolean {
  return (
    db
      .update(users)
      .set({ passwordHash: newHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)))
      .run().changes === 1
  );
}

export function setUserDisabled(db: Db, userId: number, disabled: boolean, actorId: number | null): void {
  db.transaction((tx) => {
    tx.update(users).set({ disabled }).where(eq(users.id, userId)).run();
    if (disabled) deleteUserSessions(tx as unknown as Db, userId);
    writeAudit(tx, {
      userId: actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: userId,
    });
  }, IMMEDIATE);
}

export function setUserRole(db: Db, userId: number, role: UserRole, actorId: number): void {
  db.transaction((tx) => {
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    writeAudit(tx, {
      userId: actorId,
      action: 'user.role',
      entity: 'user',
      entityId: userId,
      details: { role },
    });
  }, IMMEDIATE);
}

export interface UserProfile {
  name: string;
  nameEn: string;
  bio: string;
  bioEn: string;
}

/** The public byline and biography, per edition (what readers see on articles and author pages). */
export function updateUserProfile(db: Db, id: number, p: UserProfile, actorId: number): boolean {
  return db.transaction((tx) => {
    const outbox = openOutbox(tx);
    const changed = tx.update(users).set(p).where(eq(users.id, id)).run().changes > 0;
    // Bylines appear on every page that shows this person's stories.
    if (changed) outbox.record([CACHE_TAGS.layout]);
    if (changed)
      writeAudit(tx, {
        userId: actorId,
        action: 'user.profile',
        entity: 'user',
        entityId: id,
        details: { name: p.name },
      });
    return changed;
  }, IMMEDIATE);
}
