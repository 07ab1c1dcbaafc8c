import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A database of its own on the test PostgreSQL server, for one test file: created empty from the
 * server URL (a database on it the tests may connect to, e.g. postgres://…/postgres), dropped by
 * `drop`. Each file gets its own, so files run side by side without seeing each other's rows.
 * `locale` makes it with that LC_COLLATE and LC_CTYPE (UTF8, from template0) instead of the
 * server's default, for tests that must hold whatever locale a database was made with.
 */
export async function createPgDatabase(
  serverUrl: string,
  prefix = 'midad_t',
  options: { locale?: 'C' } = {},
) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect(); // an unreachable server fails the file, as it should
  await admin.query(
    options.locale
      ? `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE '${options.locale}'`
      : `CREATE DATABASE ${name}`,
  );
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    async drop() {
      // pool.end() resolves before the server has seen every connection go; wait for that, so
      // that FORCE has nothing left to cut (it would show as an idle connection lost).
      for (let i = 0; i < 100; i++) {
        const open = await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [name]);
        if (open.rowCount === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
