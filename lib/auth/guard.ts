import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { adminPath } from '@/lib/article-url';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { can, type Action } from './permissions';
import { getCurrentUser, type SessionUser } from './session';

export { adminPath };

/** For admin pages: the user, or a redirect to the login page. */
export async function requireUser(locale: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(adminPath(locale, '/login'));
  return user;
}

/**
 * For form actions and pages: the user allowed to do `action`. Logged out → the login page;
 * logged in without the right → 404, the same answer as for something that does not exist.
 */
export async function requirePermission(action: Action, locale: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(adminPath(locale, '/login'));
  if (!can(user, action)) notFound();
  return user;
}

/**
 * The client's address for throttling, as scripts/start.ts resolved it from the socket and
 * TRUST_PROXY (lib/auth/client-address.ts). X-Forwarded-For is never read here: anyone can send it.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || 'unknown';
}
