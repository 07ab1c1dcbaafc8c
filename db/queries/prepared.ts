import type { Db } from '../client';
import { ENGINE } from '../engine';

/**
 * A statement built once per connection. Drizzle spends ~70 µs turning a query builder into SQL
 * on every call — more than SQLite needs to answer most reader queries — so the queries every
 * reader page runs are built once, with `sql.placeholder()` for their parameters (which take
 * raw driver values: timeParam() for times). Run them with allRows / firstRow, which work on both
 * engines.
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}

type Params = Record<string, unknown>;

/** What a prepared select offers on SQLite (its type); PostgreSQL's offers `execute` instead. */
interface PreparedSelect<R> {
  all(params?: Params): R[];
  get(params?: Params): R | undefined;
}

/** Every row of a prepared select, mapped as its builder declares, on either engine. */
export async function allRows<R>(statement: PreparedSelect<R>, params: Params = {}): Promise<R[]> {
  if (ENGINE === 'pg') return (statement as unknown as { execute(p: Params): Promise<R[]> }).execute(params);
  return statement.all(params);
}

/** The first row of a prepared select, or undefined. */
export async function firstRow<R>(statement: PreparedSelect<R>, params: Params = {}): Promise<R | undefined> {
  if (ENGINE === 'pg') return (await allRows(statement, params))[0];
  return statement.get(params);
}

/** What a prepared write offers on SQLite; PostgreSQL's offers `execute` instead. */
interface PreparedWrite {
  run(params?: Params): unknown;
}

/** Runs a prepared insert, update or delete, on either engine. */
export async function runPrepared(statement: PreparedWrite, params: Params = {}): Promise<void> {
  if (ENGINE === 'pg')
    await (statement as unknown as { execute(p: Params): Promise<unknown> }).execute(params);
  else statement.run(params);
}
