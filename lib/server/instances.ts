import fs from 'node:fs';
import path from 'node:path';

/**
 * Several instances of one site (behind deploy/haproxy.cfg): each must accept the server actions
 * the others' pages were rendered with. Next derives action ids and encrypts their bound values
 * with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, embedded in the build; without a fixed key every
 * build makes its own, and a form rendered by one instance fails on the next ("Failed to find
 * Server Action"). So multi-instance mode refuses to start without the key, and a build made
 * with another key is made again.
 *
 * Multi-instance mode: DATABASE_URL names a PostgreSQL server, or MIDAD_MULTI_INSTANCE=1 (several
 * processes on one machine sharing one SQLite file).
 */
export function isMultiInstance(env: Record<string, string | undefined> = process.env): boolean {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL ?? '') || env.MIDAD_MULTI_INSTANCE === '1';
}

/** What is wrong with the key, in words for the operator; null when it is usable. */
export function encryptionKeyProblem(key: string | undefined): string | null {
  if (!key) {
    return 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set. Several instances need one shared key: make one with `openssl rand -base64 32` and give the same value to every instance (and to the build).';
  }
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key) ? Buffer.from(key, 'base64').length : 0;
  if (![16, 24, 32].includes(bytes)) {
    return 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (`openssl rand -base64 32`).';
  }
  return null;
}

/** The key the production build in `root`/.next was made with, or null when there is no build. */
export function builtEncryptionKey(root: string): string | null {
  const manifest = path.join(root, '.next', 'server', 'server-reference-manifest.json');
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { encryptionKey?: unknown };
    return typeof parsed.encryptionKey === 'string' ? parsed.encryptionKey : null;
  } catch {
    return null;
  }
}
