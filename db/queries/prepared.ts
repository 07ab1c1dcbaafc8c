import type { Db } from '../client';

/**
 * A statement built once per connection. Drizzle spends ~70 µs turning a query builder into SQL
 * on every call — more than SQLite needs to answer most reader queries — so the queries every
 * reader page runs are built once, with `sql.placeholder()` for their parameters (which take
 * raw driver values: numbers for timestamps).
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
