import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { deleteSession, deleteUserSessions, rotateSession, touchSession } from '@/db/mutations/sessions';
import { getSessionWithUser } from '@/db/queries/users';
import { getSiteUrl } from '@/lib/config';
import { hashToken, newToken } from './tokens';

/** Over http (localhost development): a plain name, as the __Host- prefix demands Secure. */
export const SESSION_COOKIE = 'midad_session';
/** Over https: bound to this exact host and path /, Secure, never settable by a sibling subdomain. */
export const SECURE_SESSION_COOKIE = '__Host-midad_session';
/** Signed out after 8 hours without activity, and after 14 days whatever happens. */
export const IDLE_TIMEOUT_MS = 8 * 3_600_000;
export const ABSOLUTE_TIMEOUT_MS = 14 * 86_400_000;
const TOUCH_EVERY_MS = 5 * 60_000;

type CookieJar = Awaited<ReturnType<typeof cookies>>;

// CASE: https is what SITE_URL says, not what a request's X-Forwarded-Proto claims.
function isHttps(): boolean {
  return getSiteUrl().startsWith('https:');
}

/**
 * The session token the browser sent. CASE: both names are read (the prefixed one first), so
 * sessions survive SITE_URL moving to https and the tests' helpers can write the plain name; a
 * plain cookie still has to name a live session in the database, and a login replaces it.
 */
function readToken(jar: CookieJar): string | undefined {
  return jar.get(SECURE_SESSION_COOKIE)?.value || jar.get(SESSION_COOKIE)?.value || undefined;
}

function clearCookies(jar: CookieJar, keep?: string): void {
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    if (name === keep || !jar.get(name)) continue;
    // A __Host- cookie is only replaced by a Set-Cookie that is itself Secure with path=/.
    jar.set(name, '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: name === SECURE_SESSION_COOKIE,
      path: '/',
      maxAge: 0,
    });
  }
}

/**
 * Starts a new session and sets its cookie. CASE: always a new id, and the session the browser
 * came with is deleted in the same transaction: a pre-existing id is never reused (no fixation).
 */
export async function startSession(userId: number): Promise<void> {
  const jar = await cookies();
  const previous = readToken(jar);
  const token = newToken();
  const userAgent = (await headers()).get('user-agent') ?? '';
  await rotateSession(getDb(), {
    previousIdHash: previous ? hashToken(previous) : null,
    idHash: hashToken(token),
    userId,
    now: new Date(),
    userAgent,
  });
  const secure = isHttps();
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  clearCookies(jar, name);
  // No Domain attribute: the cookie stays with this host (the __Host- prefix requires it).
  jar.set(name, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** The logged-in user for this request, or null. Expired or disabled sessions are removed. */
export const getCurrentUser = cache(async () => {
  const token = readToken(await cookies());
  if (!token) return null;
  const idHash = hashToken(token);
  const db = getDb();
  const s = await getSessionWithUser(db, idHash);
  if (!s) return null;
  const now = Date.now();
  if (
    s.disabled ||
    now - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ||
    now - s.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS
  ) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash, new Date(now));
  return { id: s.id, email: s.email, name: s.name, slug: s.slug, role: s.role };
});

/** Logout: this session's row (or every session of this user) is deleted, not just the cookie. */
export async function endSession(options: { everywhere?: boolean } = {}): Promise<void> {
  const jar = await cookies();
  const token = readToken(jar);
  if (token) {
    const user = await getCurrentUser();
    if (options.everywhere && user) await deleteUserSessions(getDb(), user.id);
    else await deleteSession(getDb(), hashToken(token));
  }
  clearCookies(jar);
}
