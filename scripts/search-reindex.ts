/**
 * Rebuilds the search index of the database in DATA_DIR from its articles: after migration 0002
 * on existing data, or after a change to the normaliser or stemmer (lib/search).
 *   npx tsx scripts/search-reindex.ts
 */
import { openDb } from '@/db/client';
import { rebuildSearchIndex } from '@/db/search/maintain';
import { getDatabasePath } from '@/lib/config';

const file = getDatabasePath();
const db = openDb(file);
const started = Date.now();
const indexed = rebuildSearchIndex(db);
db.$client.close();
console.log(
  `search: indexed ${indexed} live articles in ${((Date.now() - started) / 1000).toFixed(1)} s (${file})`,
);
