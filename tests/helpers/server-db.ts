import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '@/db/client';
import { openPgPool } from '@/db/pg';

/**
 * The database of a test server, opened by a test through the same data layer the server uses:
 * the SQLite file in its DATA_DIR, or — for a server started on PostgreSQL, which notes its
 * DATABASE_URL in DATA_DIR/database-url (tests/helpers/server.ts) — a pool on that database.
 * Close it with closeDb.
 */
export function openServerDb(dataDir: string): Db {
  const noted = path.join(dataDir, 'database-url');
  if (fs.existsSync(noted)) return openPgPool(fs.readFileSync(noted, 'utf8').trim()) as unknown as Db;
  return openDb(path.join(dataDir, 'midad.db'));
}
