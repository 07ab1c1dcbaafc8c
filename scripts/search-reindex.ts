/**
 * Rebuilds the search index from the articles: after a change to the normaliser or stemmer
 * (lib/search), or on data that predates the index. The database is DATA_DIR's SQLite file, or
 * PostgreSQL when DATABASE_URL names a server.
 *   npm run search:reindex
 */
import { closeProcessDb, describeDatabase, prepareDatabase } from '@/db/client';
import { rebuildSearchIndex } from '@/db/search/maintain';

async function main() {
  const started = Date.now();
  try {
    const indexed = await rebuildSearchIndex(await prepareDatabase());
    console.log(
      `search: indexed ${indexed} live articles in ${((Date.now() - started) / 1000).toFixed(1)} s (${describeDatabase()})`,
    );
  } finally {
    await closeProcessDb();
  }
}

void main();
