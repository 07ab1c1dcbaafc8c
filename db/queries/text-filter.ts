import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { normaliseForSearch } from '@/lib/search/normalise';

/**
 * `text` as a LIKE pattern that matches it literally: % and _ are plain characters. Use it with
 * `ESCAPE '\'`, which SQLite and PostgreSQL read alike (PostgreSQL's LIKE would take \ as its
 * escape even without the clause; SQLite's has none unless told).
 */
export function likeLiteral(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/**
 * The newsroom's text filters: `column` holds the typed text anywhere, both sides folded as
 * reader search folds (any alef, harakat, ة/ه, Latin case and accents). midad_normalise is the
 * same fold in SQL: a JavaScript function on SQLite (db/client.ts), a function of migration
 * db/migrations/pg/0003_search_fold.sql on PostgreSQL. The fold lower-cases both sides, so LIKE's
 * case rules (SQLite ignores ASCII case, PostgreSQL does not) never come into play.
 *
 * CASE: NUL is dropped from the typed text. PostgreSQL refuses it in a text parameter (the page
 * would fail rather than find nothing), SQLite's LIKE would end the pattern there, and no stored
 * text on PostgreSQL can hold one to match.
 */
export function containsFolded(column: SQLWrapper, typed: string): SQL {
  const pattern = `%${likeLiteral(normaliseForSearch(typed.replaceAll('\0', '')))}%`;
  return sql`midad_normalise(${column}) LIKE ${pattern} ESCAPE '\\'`;
}
