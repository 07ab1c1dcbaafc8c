import path from 'node:path';
import { openDb, type Db } from '@/db/client';
import { openPgPool } from '@/db/pg';
import { ENGINE } from '@/db/engine';
import { sections } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import { notedDatabaseUrl } from './pg-database';

/**
 * The database of a test server, opened by a test through the same data layer the server uses:
 * the SQLite file in its DATA_DIR, or — for a server started on PostgreSQL, which notes its
 * DATABASE_URL in DATA_DIR/database-url (tests/helpers/server.ts) — a pool on that database.
 * Close it with closeDb.
 */
export function openServerDb(dataDir: string): Db {
  const noted = notedDatabaseUrl(dataDir);
  if (noted) return openPgPool(noted) as unknown as Db;
  return openDb(path.join(dataDir, 'midad.db'));
}

/**
 * How long a test server on PostgreSQL may take to notice a write made outside it (this test's
 * own connection, like another instance): its outbox poll runs every OUTBOX_POLL_MS there
 * (tests/helpers/server.ts sets it), so ten polls. On SQLite the server looks at data_version
 * before every cached lookup, so the next request already sees the write.
 */
export const OUTBOX_POLL_MS = 20;

/** Resolves once a test server has noticed a write this test made through its own connection. */
export async function noticedByServer(): Promise<void> {
  if (ENGINE === 'pg') await new Promise((resolve) => setTimeout(resolve, OUTBOX_POLL_MS * 10));
}

/**
 * A write from outside the server that changes nothing a reader sees, but that no outbox row
 * explains (content_version moves by trigger): the server marks every page stale, so the next
 * request of any page renders it anew. Resolves once the server has noticed.
 */
export async function markEveryPageStale(db: Db): Promise<void> {
  const [first] = await db.select({ id: sections.id }).from(sections).orderBy(sections.id).limit(1);
  await db
    .update(sections)
    .set({ slug: sql`${sections.slug}` })
    .where(eq(sections.id, first!.id));
  await noticedByServer();
}
