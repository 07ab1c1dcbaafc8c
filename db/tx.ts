import { drizzle } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient } from 'pg';
import { cacheStatements, connectSqlite, type Db } from './client';
import { ENGINE } from './engine';
import * as schema from './schema';

/**
 * Asynchronous write transactions: the one way the data layer writes, on either engine.
 *
 * CASE: why SQLite writes go through a second connection. better-sqlite3 transactions are
 * synchronous: an `await` inside `db.transaction()` lets every statement after it run once the
 * transaction has already committed. An async body therefore needs BEGIN and COMMIT of its own,
 * and while it is open no other code may use its connection — otherwise another request's read
 * would see rows not yet committed, and another request's write would join the transaction and
 * be rolled back with it. So each database gets one writer connection, used only by the body of
 * the transaction holding the write turn (a queue per database, one body at a time, in order of
 * arrival). Readers keep the main connection, which in WAL mode sees only committed data.
 *
 * CASE: BEGIN IMMEDIATE. The writer takes SQLite's write lock before its first read, so a
 * read-then-write body never works from a stale snapshot (see db/mutations/immediate.ts).
 *
 * CASE: nesting. A body that calls a function which itself writes passes its `tx` on; writeTx
 * given a handle that is already inside a transaction runs the inner body in a SAVEPOINT, so an
 * inner failure that the outer body catches undoes only the inner part. A body must never call
 * writeTx with the outer `db` instead of its `tx`: that waits for its own turn to end.
 *
 * CASE: PostgreSQL. Each transaction takes a connection of the pool for its whole body, and
 * begins by taking one transaction-scoped advisory lock shared by every instance: writes are
 * serialised across the cluster exactly as SQLite's write lock serialises them on one machine,
 * so a read-then-write body never works from a snapshot another writer has moved past (READ
 * COMMITTED alone would let two publishes both see a slug as free). A newsroom writes a few
 * times a second at most; the readers, who are the load, never wait on it.
 */
export type WriteTx = Db;

interface WriterState {
  /** What runs once the open transaction has committed (onCommit). */
  afterCommit: (() => void)[];
  tx: WriteTx;
  /** The end of the queue: the next body starts when this settles. */
  tail: Promise<void>;
  /** Savepoint counter while a transaction is open. */
  depth: number;
}

/**
 * On globalThis: the custom server (scripts/start.ts) and the Next server's bundle load this
 * module separately but share the process database, and must share its one writer too.
 */
const shared = globalThis as {
  midadWriters?: WeakMap<Db, WriterState>;
  midadOpenWriters?: WeakMap<WriteTx, WriterState>;
  midadPgQueues?: WeakMap<Pool, Promise<void>>;
  midadOpenPgTransactions?: WeakMap<WriteTx, PgTxState>;
};
const writers = (shared.midadWriters ??= new WeakMap<Db, WriterState>());
const openWriters = (shared.midadOpenWriters ??= new WeakMap<WriteTx, WriterState>());

function writerFor(db: Db): WriterState {
  let state = writers.get(db);
  if (state) return state;
  const file = db.$client.name;
  if (db.$client.memory) throw new Error('writeTx needs a database file, not :memory:');
  // The writer runs only transaction bodies, the same few statements again and again.
  const tx = drizzle(cacheStatements(connectSqlite(file)), { schema }) as WriteTx;
  state = { tx, tail: Promise.resolve(), depth: 0, afterCommit: [] };
  writers.set(db, state);
  openWriters.set(tx, state);
  return state;
}

/** Closes the writer connection of `db`, if one was opened (the caller closes `db` itself). */
export function closeWriter(db: Db): void {
  const state = writers.get(db);
  if (!state) return;
  writers.delete(db);
  if (state.tx.$client.open) state.tx.$client.close();
}

/**
 * Runs `fn` once the transaction `tx` belongs to has committed, and never if it rolls back; at
 * once when `tx` is not inside a transaction. For what other code must not see before the data
 * is visible: invalidating this process's page cache (db/mutations/outbox.ts) — done before the
 * COMMIT, a request arriving while PostgreSQL commits (a network wait) or while an async body
 * awaits would render the old data again and keep it.
 */
export function onCommit(tx: Db | WriteTx, fn: () => void): void {
  const state = ENGINE === 'pg' ? openPgTransactions.get(tx) : openWriters.get(tx);
  if (state && state.depth > 0) state.afterCommit.push(fn);
  else fn();
}

function runAfterCommit(state: { afterCommit: (() => void)[] }): void {
  const queued = state.afterCommit;
  state.afterCommit = [];
  for (const fn of queued) {
    try {
      fn();
    } catch (error) {
      // The data is committed whatever a follower-up does; its failure must not look like the write's.
      console.error('after commit:', error instanceof Error ? error.message : error);
    }
  }
}

/**
 * Runs `body` as one transaction: every statement it issues through `tx` commits together or
 * not at all, whatever it awaits in between. Returns what the body returns; a body that throws
 * rolls everything back and the error reaches the caller.
 */
export async function writeTx<T>(db: Db | WriteTx, body: (tx: WriteTx) => Promise<T>): Promise<T> {
  if (ENGINE === 'pg') return pgWriteTx(db, body);
  const open = openWriters.get(db);
  if (open && open.depth > 0) return savepoint(open, body);
  const state = writerFor(db);
  const previous = state.tail;
  let release!: () => void;
  state.tail = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const client = state.tx.$client;
  try {
    client.exec('BEGIN IMMEDIATE');
    state.depth = 1;
    const result = await body(state.tx);
    client.exec('COMMIT');
    runAfterCommit(state);
    return result;
  } catch (error) {
    // A failed body, or a COMMIT that could not be written: nothing of it stays.
    if (client.inTransaction) client.exec('ROLLBACK');
    throw error;
  } finally {
    state.depth = 0;
    state.afterCommit = [];
    release();
  }
}

async function savepoint<T>(state: WriterState, body: (tx: WriteTx) => Promise<T>): Promise<T> {
  const name = `midad_sp_${state.depth++}`;
  const client = state.tx.$client;
  client.exec(`SAVEPOINT ${name}`);
  try {
    const result = await body(state.tx);
    client.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    client.exec(`ROLLBACK TO ${name}`);
    client.exec(`RELEASE ${name}`);
    throw error;
  } finally {
    state.depth--;
  }
}

/** Any constant of our own, distinct from db/pg.ts's migration lock: the cluster's write turn. */
const PG_WRITE_LOCK = 4_714_502;

interface PgTxState {
  client: PoolClient;
  depth: number;
  afterCommit: (() => void)[];
}
const openPgTransactions = (shared.midadOpenPgTransactions ??= new WeakMap<WriteTx, PgTxState>());
/**
 * This process's queue of write turns per pool, as on SQLite: one transaction holds a pooled
 * connection at a time, so queued writers never use up the pool that the holder's own reads (a
 * body may read through the outer db) and every reader need.
 */
const pgQueues = (shared.midadPgQueues ??= new WeakMap<Pool, Promise<void>>());

/**
 * Whether `handle` is the handle an open PostgreSQL writeTx gave its body: a pooled connection
 * already inside BEGIN, on which Drizzle's own transaction() would send a BEGIN and a COMMIT of
 * its own, committing the writer's transaction halfway. Code that may be handed one and wants a
 * transaction nests it through writeTx instead (db/search/pg.ts).
 */
export function isOpenPgWriteTx(handle: object): boolean {
  return openPgTransactions.has(handle as WriteTx);
}

async function pgWriteTx<T>(db: Db | WriteTx, body: (tx: WriteTx) => Promise<T>): Promise<T> {
  const open = openPgTransactions.get(db);
  if (open) return pgSavepoint(open, db, body);
  const pool = db.$client as unknown as Pool;
  const previous = pgQueues.get(pool) ?? Promise.resolve();
  let release!: () => void;
  pgQueues.set(pool, new Promise<void>((resolve) => (release = resolve)));
  await previous;
  try {
    return await pgTurn(pool, body);
  } finally {
    release();
  }
}

async function pgTurn<T>(pool: Pool, body: (tx: WriteTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const tx = drizzlePg(client, { schema }) as unknown as WriteTx;
  const state: PgTxState = { client, depth: 1, afterCommit: [] };
  openPgTransactions.set(tx, state);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PG_WRITE_LOCK]);
    const result = await body(tx);
    await client.query('COMMIT');
    runAfterCommit(state);
    return result;
  } catch (error) {
    // A failed body, or a COMMIT the server refused: nothing of it stays. A connection that
    // cannot even roll back is discarded rather than handed to the next transaction.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    state.depth = 0;
    openPgTransactions.delete(tx);
    client.release(broken);
  }
}

async function pgSavepoint<T>(state: PgTxState, tx: WriteTx, body: (tx: WriteTx) => Promise<T>): Promise<T> {
  const name = `midad_sp_${state.depth++}`;
  await state.client.query(`SAVEPOINT ${name}`);
  try {
    const result = await body(tx);
    await state.client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await state.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await state.client.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  } finally {
    state.depth--;
  }
}
