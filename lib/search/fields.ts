/**
 * What the search index holds for each live article (db/migrations/sqlite/0002_search.sql): four fields,
 * each twice — its normalised words ("exact") and their stems plus clitic-free forms ("stem").
 * The column order here is the table's, which bm25() weights follow.
 */
export const SEARCH_FIELDS = ['title', 'dek', 'tags', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const EXACT_COLUMNS = SEARCH_FIELDS.map((f) => `${f}_exact`);
export const STEM_COLUMNS = SEARCH_FIELDS.map((f) => `${f}_stem`);
export const SEARCH_COLUMNS = SEARCH_FIELDS.flatMap((f) => [`${f}_exact`, `${f}_stem`]);
