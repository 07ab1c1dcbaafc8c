import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getDatabasePath } from '@/lib/config';
import { normaliseForSearch } from '@/lib/search/normalise';
import { ENGINE } from './engine';
import { migratePg, openPgPool } from './pg';
import * as schema from './schema';
import { closeWriter } from './tx';

/**
 * A database handle. Typed as SQLite's Drizzle database, which is what the builders in db/ are
 * written against; on PostgreSQL (db/engine.ts) it is node-postgres's Drizzle database over a
 * pool, whose builders take the same calls (see ENGINE rules in db/engine.ts). Only db/ looks
 * at `$client`.
 */
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

/**
 * Keeps the connection's compiled statements by SQL text (the newest `size`), so a query Drizzle
 * builds anew on every call is compiled by SQLite once: a write transaction runs the same dozen
 * statement shapes over and over (an import runs each 50,000 times), and compiling a statement
 * costs SQLite more than running it. A statement handed out again is reset to return rows as
 * objects (Drizzle switches one to arrays with raw() for some reads).
 */
export function cacheStatements(sqlite: Database.Database, size = 256): Database.Database {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = compile(source);
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}

/** Opens a SQLite file with the pragmas Midad relies on and applies pending migrations. */
export function openDb(file: string, options: { verbose?: (sql: unknown) => void } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = drizzle(connectSqlite(file, options), { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

/**
 * The process database, shared through globalThis because the Next server bundles its own copy
 * of this module; `midadCloseDb` is what the graceful shutdown (lib/server/shutdown.ts) calls.
 */
const globalForDb = globalThis as unknown as { midadDb?: Db; midadCloseDb?: () => Promise<void> };

/** A pool on a postgres:// URL as a Db (see the type's note). Migrations: migrateDatabase. */
function openPostgres(url: string): Db {
  return openPgPool(url) as unknown as Db;
}

/**
 * The process-wide database: the SQLite file in DATA_DIR (migrated when opened), or the
 * PostgreSQL pool on DATABASE_URL (migrated by prepareDatabase at start).
 */
export function getDb(): Db {
  if (!globalForDb.midadDb) {
    const db = ENGINE === 'pg' ? openPostgres(process.env.DATABASE_URL!) : openDb(getDatabasePath());
    globalForDb.midadDb = db;
    globalForDb.midadCloseDb = async () => {
      globalForDb.midadDb = undefined;
      globalForDb.midadCloseDb = undefined;
      await closeDb(db, { checkpoint: true });
    };
  }
  return globalForDb.midadDb;
}

/**
 * Opens the process database and applies pending migrations: PostgreSQL's are applied here, one
 * instance at a time (db/pg.ts); SQLite's already were when the file was opened. Every entry
 * point (npm start, the scripts) calls this before anything else touches the database.
 */
export async function prepareDatabase(): Promise<Db> {
  const db = getDb();
  if (ENGINE === 'pg') await migratePg(db as unknown as Parameters<typeof migratePg>[0]);
  return db;
}

/**
 * Empties the process database for a fresh seed (`npm run seed -- --reset`), before it is opened:
 * SQLite's files are deleted; on PostgreSQL every table of Midad goes with its schema, and the
 * migrations run again from the first.
 */
export async function resetDatabase(): Promise<void> {
  if (ENGINE === 'pg') {
    const db = getDb();
    const pool = db.$client as unknown as { query(sql: string): Promise<unknown> };
    await pool.query(
      'DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
    );
    return;
  }
  const file = getDatabasePath();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** A readable name of the process database for messages: the file, or the server and database (no password). */
export function describeDatabase(): string {
  if (ENGINE !== 'pg') return getDatabasePath();
  const url = new URL(process.env.DATABASE_URL!);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** At start: SQLite refreshes the planner's statistics where they are missing or old (PostgreSQL's autovacuum does that itself). */
export function optimiseDatabase(db: Db): void {
  if (ENGINE === 'pg') return;
  db.$client.pragma('analysis_limit = 1000');
  db.$client.pragma('optimize = 0x10002');
}

/** Closes the process database, if it was opened (the graceful shutdown and the scripts' end). */
export async function closeProcessDb(): Promise<void> {
  await globalForDb.midadCloseDb?.();
}

/**
 * Closes every connection of `db`: its own and the writer of db/tx.ts (SQLite), or its pool.
 * `checkpoint`: the last SQLite connection folds the WAL into the main file first.
 */
export async function closeDb(db: Db, options: { checkpoint?: boolean } = {}): Promise<void> {
  if (ENGINE === 'pg') {
    const pool = db.$client as unknown as { end(): Promise<void>; ended?: boolean };
    if (!pool.ended) await pool.end();
    return;
  }
  closeWriter(db);
  if (!db.$client.open) return;
  if (options.checkpoint) {
    try {
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // another process holds a read lock: close() still leaves a consistent file
    }
  }
  db.$client.close();
}
