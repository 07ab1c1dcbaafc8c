import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg, { Pool } from 'pg';
import * as schema from './schema/pg';

/** A pool of connections to one PostgreSQL database, as Drizzle sees it (`$client` is the pool). */
export type PgDb = NodePgDatabase<typeof schema> & { $client: Pool };

const PG_MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations', 'pg');

/**
 * Any constant of our own: instances that start together take this advisory lock in turn, so
 * each applies the pending migrations or, coming second, finds none left.
 */
const MIGRATION_LOCK = 4_714_501;

/**
 * Parameters without U+0000. PostgreSQL's text cannot hold that character (SQLite's can): a
 * parameter carrying one fails the whole statement, which a URL with %00 or a form field would
 * turn into a 500. No stored text holds one, so each becomes U+FFFD, the replacement character:
 * a lookup still finds nothing, as on SQLite, and written text keeps a visible mark where it was.
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\0', '\uFFFD');
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

const holdsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\0') : Array.isArray(value) && value.some(holdsNul);

/** node-postgres's client, passing a query's parameters through withoutNul when one holds U+0000. */
class NulSafeClient extends pg.Client {
  // CASE: query() has a dozen overloads (text or config, values, callback); this forwards
  // whatever arrived untouched unless a parameter holds U+0000, and then changes only those.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [first, second] = args as [unknown, unknown];
    const configValues = (first as { values?: unknown } | null)?.values;
    if (typeof first === 'object' && holdsNul(configValues)) {
      args[0] = { ...first, values: withoutNul(configValues) };
    }
    if (holdsNul(second)) args[1] = withoutNul(second);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (super.query as (...a: any[]) => any)(...args);
  }
}

/** Opens a pool on a postgres:// URL. Nothing connects until the first query. */
export function openPgPool(url: string, options: { max?: number } = {}): PgDb {
  const pool = new Pool({ connectionString: url, max: options.max ?? 10, Client: NulSafeClient });
  // An idle connection that the server drops (a restart, a failover) is an 'error' on the pool;
  // unheard, it would crash the process. The pool discards it and connects anew on demand.
  pool.on('error', (err) => console.warn(`PostgreSQL: idle connection lost: ${err.message}`));
  return drizzle(pool, { schema });
}

/**
 * Applies the pending migrations of db/migrations/pg, one instance at a time: the lock and the
 * migrations share one connection (so a pool of one cannot wait on itself), and a connection that
 * fails to unlock is closed, which unlocks it.
 */
export async function migratePg(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => (broken = true));
    client.release(broken);
  }
}
