import { createHash, randomBytes } from 'node:crypto';

/** A random token for a cookie or a setup link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a token: a database leak then gives no one a session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
