import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { adminPath } from '@/lib/article-url';
import { can, type Action } from './permissions';
import { getCurrentUser, type SessionUser } from './session';

export { adminPath };

/** For admin pages: the user, or a redirect to the login page. */
export async function requireUser(locale: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(adminPath(locale, '/login'));
  return user;
}

export class ForbiddenError extends Error {
  constructor(public readonly action: Action) {
    super(`forbidden: ${action}`);
  }
}

/** For server actions and route handlers: the user allowed to do `action`, or a thrown ForbiddenError. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user || !can(user, action)) throw new ForbiddenError(action);
  return user;
}

/** The client's address for throttling (the first hop a proxy in front recorded, else the socket's). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown';
}
