import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Which database engine this process runs on, chosen once from DATABASE_URL: a postgres:// (or
 * postgresql://) URL selects PostgreSQL; nothing, or a file: URL, keeps the embedded SQLite file
 * in DATA_DIR. Only db/ reads this; pages, actions and scripts call the same functions on both.
 *
 * CASE: one engine per process. The schema module (db/schema/index.ts) hands every query the
 * tables of this engine, so query code is written once against Drizzle's builders. A process that
 * needs the other engine (a schema test, a move between engines) opens it through db/pg.ts or
 * db/client.ts with that dialect's schema module directly.
 */
export type Engine = 'sqlite' | 'pg';

export function isPostgresUrl(url: string | undefined): boolean {
  return /^postgres(ql)?:\/\//i.test(url ?? '');
}

export const ENGINE: Engine = isPostgresUrl(process.env.DATABASE_URL) ? 'pg' : 'sqlite';

/**
 * A time as a raw SQL parameter (inside sql`` or for sql.placeholder()): milliseconds for
 * SQLite's integer columns, an ISO string for PostgreSQL's timestamptz. Column-typed builder
 * values (eq(articles.publishedAt, date)) take the Date itself.
 */
export function timeParam(date: Date): number | string {
  return ENGINE === 'pg' ? date.toISOString() : date.getTime();
}

/**
 * Lower-casing of A–Z only, as SQLite's lower() and its LIKE do it. PostgreSQL's lower() follows
 * the database's LC_CTYPE, under which 'İ' may become 'i' and the Kelvin sign 'k'; under the C
 * collation it too leaves every other character alone.
 */
export function asciiLower(value: SQLWrapper): SQL {
  return ENGINE === 'pg' ? sql`lower(${value} COLLATE "C")` : sql`lower(${value})`;
}
