import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { deleteSession, deleteUserSessions, insertSession, touchSession } from '@/db/mutations/sessions';
import { getSessionWithUser } from '@/db/queries/users';
import { getSiteUrl } from '@/lib/config';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'midad_session';
/** Signed out after 8 hours without activity, and after 14 days whatever happens. */
export const IDLE_TIMEOUT_MS = 8 * 3_600_000;
export const ABSOLUTE_TIMEOUT_MS = 14 * 86_400_000;
const TOUCH_EVERY_MS = 5 * 60_000;

async function isHttps(): Promise<boolean> {
  const h = await headers();
  return h.get('x-forwarded-proto') === 'https' || getSiteUrl().startsWith('https:');
}

/** Starts a new session (always a new id: no fixation) and sets its cookie. */
export async function startSession(userId: number): Promise<void> {
  const token = newToken();
  const now = new Date();
  const userAgent = (await headers()).get('user-agent') ?? '';
  insertSession(getDb(), { idHash: hashToken(token), userId, now, userAgent });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** The logged-in user for this request, or null. Expired or disabled sessions are removed. */
export const getCurrentUser = cache(async () => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const idHash = hashToken(token);
  const db = getDb();
  const s = getSessionWithUser(db, idHash);
  if (!s) return null;
  const now = Date.now();
  if (
    s.disabled ||
    now - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ||
    now - s.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS
  ) {
    deleteSession(db, idHash);
    return null;
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) touchSession(db, idHash, new Date(now));
  return { id: s.id, email: s.email, name: s.name, slug: s.slug, role: s.role };
});

export async function endSession(options: { everywhere?: boolean } = {}): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const user = await getCurrentUser();
    if (options.everywhere && user) deleteUserSessions(getDb(), user.id);
    else deleteSession(getDb(), hashToken(token));
  }
  jar.delete(SESSION_COOKIE);
}
