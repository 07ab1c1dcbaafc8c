/**
 * `@/db/schema`: the tables every query imports. For now the SQLite schema; the engine is
 * chosen from DATABASE_URL once the data layer runs on both (issue 13), and both dialects' files
 * export the same names, so imports of this module need not change then.
 */
export * from './sqlite';
