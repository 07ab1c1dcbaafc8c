import pg from 'pg';
import { getDatabasePath } from '@/lib/config';
import type { Invalidation } from '@/lib/page-cache/bus';
import { changeGate, followOutbox, type OutboxPosition } from '@/lib/page-cache/change-gate';
import { closeDb, openDb, type Db } from './client';
import { ENGINE } from './engine';
import { readInvalidationsSince, type OutboxRead, type OutboxRow } from './queries/outbox';

/**
 * How this instance hears of changes other instances (and processes) commit: it follows the
 * outbox that every reader-visible write fills in its own transaction (db/mutations/outbox.ts)
 * and hands on what the new rows invalidate (lib/page-cache/change-gate.ts followOutbox).
 *
 * SQLite (one machine): another connection's commit moves `PRAGMA data_version`, looked at before
 * a cached lookup at most every MIDAD_DATA_VERSION_MS (default 2 ms); then the rows are read.
 *
 * PostgreSQL (several machines): each row is announced on commit (NOTIFY midad_outbox, migration
 * pg/0002) to a connection of this instance that LISTENs; it also polls every
 * MIDAD_OUTBOX_POLL_MS (default 250 ms), so a notification lost with a dropped connection delays a
 * change by one poll at most. After a reconnect it reads everything since the last row it saw; a
 * gap it cannot fill (rows pruned meanwhile) or a change no row explains marks every page stale.
 */
export interface ChangeFeed {
  /** Before each cached lookup: cheap; on SQLite, where noticing happens. */
  beforeLookup(): void;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** This instance's outbox origin: its own rows are skipped (it invalidated as it wrote). */
  self: string;
  onInvalidation(invalidation: Invalidation): void;
  log?(message: string): void;
}

export async function openChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  return ENGINE === 'pg' ? openPostgresFeed(options, process.env.DATABASE_URL!) : openSqliteFeed(options);
}

function openSqliteFeed({ self, onInvalidation }: ChangeFeedOptions): ChangeFeed {
  // A connection of its own: its data_version moves for every other connection's commit, this
  // process's Next code included (whose rows it skips by origin).
  const follower = openDb(getDatabasePath());
  const start = readInvalidationsSince(follower, Number.MAX_SAFE_INTEGER, 0);
  let at: OutboxPosition = { lastId: start.newestId ?? 0, contentVersion: start.contentVersion };
  // Prepared once: pragma() would prepare the statement anew on every cached request.
  const dataVersion = follower.$client.prepare('PRAGMA data_version').pluck();
  const beforeLookup = changeGate(
    () => dataVersion.get() as number,
    () => {
      const followed = followOutbox(at, readInvalidationsSince(follower, at.lastId), self);
      at = followed.at;
      if (followed.invalidation) onInvalidation(followed.invalidation);
    },
    Number(process.env.MIDAD_DATA_VERSION_MS || 2),
  );
  return { beforeLookup, close: () => closeDb(follower) };
}

const CHANNEL = 'midad_outbox';
const READ_LIMIT = 500;
/** Past every row id (the column is a 32-bit integer on PostgreSQL). */
const AFTER_EVERY_ROW = 2_147_483_647;

/** The outbox after `afterId` and the content version, in one snapshot (as on SQLite). */
async function readPostgresOutbox(pool: pg.Pool, afterId: number, limit = READ_LIMIT): Promise<OutboxRead> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const rows = await client.query<OutboxRow>(
      `SELECT id, tags, origin, content_from AS "contentFrom", content_to AS "contentTo"
         FROM cache_invalidations WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    const ends = await client.query<{ oldest: number | null; newest: number | null }>(
      'SELECT min(id) AS oldest, max(id) AS newest FROM cache_invalidations',
    );
    const version = await client.query<{ n: number }>('SELECT n FROM content_version');
    await client.query('COMMIT');
    return {
      rows: rows.rows,
      contentVersion: version.rows[0]?.n ?? 0,
      oldestId: ends.rows[0]?.oldest ?? null,
      newestId: ends.rows[0]?.newest ?? null,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * The outbox after `afterId` (at most `limit` rows) with the content version, in one snapshot,
 * on either engine: what a follower reads (also for tests that follow as another instance would).
 */
export async function readOutbox(db: Db, afterId: number, limit = READ_LIMIT): Promise<OutboxRead> {
  if (ENGINE === 'pg')
    return readPostgresOutbox(db.$client as unknown as pg.Pool, Math.min(afterId, AFTER_EVERY_ROW), limit);
  return readInvalidationsSince(db, afterId, limit);
}

async function openPostgresFeed(
  { self, onInvalidation, log = (m) => console.warn(m) }: ChangeFeedOptions,
  url: string,
): Promise<ChangeFeed> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', (err) => log(`midad: change feed: idle connection lost: ${err.message}`));
  const start = await readPostgresOutbox(pool, AFTER_EVERY_ROW, 0);
  let at: OutboxPosition = { lastId: start.newestId ?? 0, contentVersion: start.contentVersion };
  let closed = false;
  let failing = false;

  // One read at a time; a notification or poll that arrives meanwhile asks for one more.
  let reading: Promise<void> | null = null;
  let again = false;
  const follow = () => {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        const read = await readPostgresOutbox(pool, at.lastId);
        const followed = followOutbox(at, read, self);
        at = followed.at;
        if (followed.invalidation) onInvalidation(followed.invalidation);
        if (read.rows.length === READ_LIMIT) again = true;
      } while (again && !closed);
      if (failing) log('midad: change feed: reading the outbox again');
      failing = false;
    })()
      .catch((error: Error) => {
        if (!failing) log(`midad: change feed: cannot read the outbox: ${error.message}`);
        failing = true;
      })
      .finally(() => (reading = null));
  };

  // The listening connection, reconnected with a growing pause when it drops.
  let listener: pg.Client | null = null;
  let pause = 250;
  let retry: NodeJS.Timeout | undefined;
  const listen = async () => {
    const client = new pg.Client({ connectionString: url });
    const lost = (reason: string) => {
      if (listener !== client) return;
      listener = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      if (closed) return;
      log(`midad: change feed: listening connection lost (${reason}); reconnecting`);
      retry = setTimeout(() => void listen(), pause);
      pause = Math.min(pause * 2, 5_000);
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('closed'));
    client.on('notification', follow);
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      pause = 250;
      // Whatever was committed while nobody listened.
      follow();
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
    }
  };
  await listen();
  const poll = setInterval(follow, Number(process.env.MIDAD_OUTBOX_POLL_MS || 250));
  poll.unref();

  return {
    beforeLookup: () => {},
    async close() {
      closed = true;
      clearInterval(poll);
      clearTimeout(retry);
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
      await reading;
      await pool.end();
    },
  };
}
