import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The file in a DATA_DIR where a test server on PostgreSQL notes the URL of its database. */
export const DATABASE_NOTE = 'database-url';

/** The database URL a data folder (or a seeded template) notes, or undefined for a SQLite one. */
export function notedDatabaseUrl(dataDir: string): string | undefined {
  const noted = path.join(dataDir, DATABASE_NOTE);
  return fs.existsSync(noted) ? fs.readFileSync(noted, 'utf8').trim() : undefined;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function pgDatabaseUrl(serverUrl: string, name: string) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drops database `name` once the server has seen its last connection go (FORCE cuts the rest). */
export async function dropPgDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // pool.end() (or a stopped server) resolves before PostgreSQL has seen every connection go;
    // wait for that, so that FORCE has nothing left to cut (it would show as a connection lost).
    for (let i = 0; i < 100; i++) {
      const open = await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [name]);
      if (open.rowCount === 0) break;
      await sleep(20);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own on the test PostgreSQL server, for one test file or one test server:
 * created from the server URL (a database on it the tests may connect to, e.g.
 * postgres://…/postgres), dropped by `drop`. Each gets its own, so files and servers run side by
 * side without seeing each other's rows. `locale` makes it with that LC_COLLATE and LC_CTYPE
 * (UTF8, from template0) instead of the server's default; `template` makes it a copy of that
 * database (the demo newsroom seeded once), which must have no connections while it is copied.
 */
export async function createPgDatabase(
  serverUrl: string,
  prefix = 'midad_t',
  options: { locale?: 'C'; template?: string } = {},
) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect(); // an unreachable server fails the file, as it should
  try {
    if (options.locale) {
      await admin.query(
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE '${options.locale}'`,
      );
    } else if (options.template) {
      // A template's last connection (a server just stopped) may take a moment to be gone.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${options.template}`);
          break;
        } catch (error) {
          const busy = (error as { code?: string }).code === '55006';
          if (!busy || attempt >= 100) throw error;
          await sleep(50);
        }
      }
    } else {
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  return { name, url: pgDatabaseUrl(serverUrl, name), drop: () => dropPgDatabase(serverUrl, name) };
}
