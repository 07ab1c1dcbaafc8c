import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getDatabasePath } from '@/lib/config';
import { normaliseForSearch } from '@/lib/search/normalise';
import * as schema from './schema';
import { closeWriter } from './tx';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations', 'sqlite');

/** One connection to a SQLite file, with the pragmas and SQL functions Midad relies on. */
export function connectSqlite(file: string, options: { verbose?: (sql: unknown) => void } = {}) {
  const sqlite = new Database(file, { verbose: options.verbose });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The search normaliser as a SQL function, so the newsroom's title filter folds like search.
  sqlite.function('midad_normalise', { deterministic: true }, (text: unknown) =>
    normaliseForSearch(String(text ?? '')),
  );
  return sqlite;
}

/** Opens a SQLite file with the pragmas Midad relies on and applies pending migrations. */
export function openDb(file: string, options: { verbose?: (sql: unknown) => void } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = drizzle(connectSqlite(file, options), { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

const globalForDb = globalThis as unknown as { midadDb?: Db; midadCloseWriter?: () => void };

/** The process-wide connection to the database in DATA_DIR. */
export function getDb(): Db {
  if (!globalForDb.midadDb) {
    const db = openDb(getDatabasePath());
    globalForDb.midadDb = db;
    // The shutdown (lib/server/shutdown.ts) closes the writer before the main connection.
    globalForDb.midadCloseWriter = () => closeWriter(db);
  }
  return globalForDb.midadDb;
}

/** Closes every connection of `db`: its own and the writer of db/tx.ts. */
export function closeDb(db: Db): void {
  closeWriter(db);
  if (db.$client.open) db.$client.close();
}
