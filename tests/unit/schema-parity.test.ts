/**
 * The two dialects' schemas (db/schema/sqlite.ts, db/schema/pg.ts) describe one database: the
 * same exported names, tables, columns, keys and indexes, and the same TypeScript row types, so
 * that one data API can run on either engine. The type half is checked by `tsc --noEmit` (part of
 * `npm test`): a mismatch makes one of the assignments below fail to compile, naming the table.
 */
import { type Column, getTableName, type InferInsertModel, type InferSelectModel, Table } from 'drizzle-orm';
import { getTableConfig as getPgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from '@/db/schema/pg';
import * as sqlite from '@/db/schema/sqlite';

// ---- Types ------------------------------------------------------------------------------------

type TablesOf<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type SqliteTables = TablesOf<typeof sqlite>;
type PgTables = TablesOf<typeof pg>;

/**
 * SQLite makes every INTEGER PRIMARY KEY an alias of the rowid, so Drizzle types it as optional
 * on insert even where it holds another row's id (article_locks.article_id: one lock per article)
 * or is a fixed one (content_version.id: its one row).
 * PostgreSQL rightly requires it; the stricter type is the one both engines honour.
 */
type SqliteRowidOptional = { articleLocks: 'articleId'; contentVersion: 'id' };

type Loosen<T, X extends PropertyKey> = Flatten<Omit<T, X> & Partial<Pick<T, X & keyof T>>>;
type Flatten<T> = { [K in keyof T]: T[K] };
type PgInsertAsSqlite<K, T extends Table> = K extends keyof SqliteRowidOptional
  ? Loosen<InferInsertModel<T>, SqliteRowidOptional[K]>
  : InferInsertModel<T>;

/** Exact equality (optional vs required, `| null`, literal unions), not mere assignability. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Per table shared by both: `never` when its rows match, else its name. */
type RowDiffs<Infer extends 'select' | 'insert'> = {
  [K in keyof SqliteTables & keyof PgTables]: SqliteTables[K] extends Table
    ? PgTables[K] extends Table
      ? Infer extends 'select'
        ? Same<InferSelectModel<SqliteTables[K]>, InferSelectModel<PgTables[K]>> extends true
          ? never
          : K
        : Same<InferInsertModel<SqliteTables[K]>, PgInsertAsSqlite<K, PgTables[K]>> extends true
          ? never
          : K
      : K
    : K;
};
type Shared = keyof SqliteTables & keyof PgTables;

/** Compiles only when `Names` is empty; otherwise tsc's error lists the names that differ. */
const noneDiffer = <Names extends never>(names: Names[] = []) => names.length === 0;

const sameExports = noneDiffer<
  Exclude<keyof typeof sqlite, keyof typeof pg> | Exclude<keyof typeof pg, keyof typeof sqlite>
>();
const sameSelectRows = noneDiffer<RowDiffs<'select'>[Shared]>();
const sameInsertRows = noneDiffer<RowDiffs<'insert'>[Shared]>();

// ---- Runtime shape ------------------------------------------------------------------------------

/** What getTableConfig returns in both dialects, as far as this test reads it. */
interface TableShape {
  name: string;
  columns: Column[];
  primaryKeys: { columns: Column[] }[];
  indexes: { config: { name?: string; columns: object[]; unique: boolean; where?: unknown } }[];
  foreignKeys: {
    reference(): { columns: Column[]; foreignTable: Table; foreignColumns: Column[] };
    onDelete?: string;
    onUpdate?: string;
  }[];
  uniqueConstraints: { name?: string; columns: Column[] }[];
  checks: { name: string }[];
}

/**
 * What a table is, in terms both dialects share: every name, and what each column holds.
 * `filledByDb`: whether an insert may leave the column out (a default, an identity, a rowid).
 */
function describeTable(c: TableShape, filledByDb: (col: Column) => boolean) {
  const names = (cols: Column[]) => cols.map((col) => col.name);
  return {
    name: c.name,
    columns: c.columns.map((col) => ({
      name: col.name,
      dataType: col.dataType,
      enumValues: col.enumValues ?? null,
      notNull: col.notNull,
      filledByDb: filledByDb(col),
      primary: col.primary,
      unique: col.isUnique ? (col.uniqueName ?? null) : null,
    })),
    primaryKeys: c.primaryKeys.map((pk) => names(pk.columns)),
    indexes: c.indexes.map((i) => ({
      name: i.config.name,
      columns: i.config.columns.map((col) => ('name' in col ? col.name : String(col))),
      unique: i.config.unique,
      partial: i.config.where !== undefined,
    })),
    foreignKeys: c.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return {
        columns: names(ref.columns),
        foreignTable: getTableName(ref.foreignTable),
        foreignColumns: names(ref.foreignColumns),
        onDelete: fk.onDelete ?? 'no action',
        onUpdate: fk.onUpdate ?? 'no action',
      };
    }),
    uniqueConstraints: c.uniqueConstraints.map((u) => ({ name: u.name, columns: names(u.columns) })),
    checks: c.checks.map((ch) => ch.name),
  };
}

const isAutoIncrement = (col: object) => 'autoIncrement' in col && col.autoIncrement === true;
const describeSqlite = (table: SQLiteTable) =>
  describeTable(
    getSqliteTableConfig(table),
    // See SqliteRowidOptional: a rowid alias counts as filled by the database only if it autoincrements.
    (col) => col.hasDefault && !(col.primary && col.columnType === 'SQLiteInteger' && !isAutoIncrement(col)),
  );
const describePg = (table: PgTable) =>
  describeTable(
    getPgTableConfig(table),
    (col) => col.hasDefault || ('generatedIdentity' in col && col.generatedIdentity !== undefined),
  );

const sqliteTables = Object.entries(sqlite as Record<string, unknown>).filter(
  (e): e is [string, SQLiteTable] => e[1] instanceof SQLiteTable,
);
const pgTables = Object.entries(pg as Record<string, unknown>).filter(
  (e): e is [string, PgTable] => e[1] instanceof PgTable,
);

describe('the SQLite and PostgreSQL schemas', () => {
  it('compile to the same row types (checked by tsc)', () => {
    expect([sameExports, sameSelectRows, sameInsertRows]).toEqual([true, true, true]);
  });

  it('export the same names', () => {
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
    expect(pgTables.map(([name]) => name).sort()).toEqual(sqliteTables.map(([name]) => name).sort());
    expect(sqliteTables.length).toBeGreaterThan(15);
  });

  it.each(sqliteTables)('declare %s alike: columns, keys, indexes, foreign keys', (exportName, table) => {
    const twin = (pg as Record<string, unknown>)[exportName];
    expect(twin).toBeInstanceOf(PgTable);
    expect(describePg(twin as PgTable)).toEqual(describeSqlite(table));
  });
});
