/**
 * Rebuilds the search index from the articles: after a change to the normaliser or stemmer
 * (lib/search), or on data that predates the index. The database is DATA_DIR's SQLite file, or
 * PostgreSQL when DATABASE_URL names a server.
 *   npx tsx scripts/search-reindex.ts
 */
import { openDb } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { migratePg, openPgPool } from '@/db/pg';
import { rebuildSearchIndex } from '@/db/search/maintain';
import * as pgSearch from '@/db/search/pg';
import { getDatabasePath } from '@/lib/config';

async function main() {
  const started = Date.now();
  let indexed: number;
  let where: string;
  if (ENGINE === 'pg') {
    const db = openPgPool(process.env.DATABASE_URL!);
    try {
      await migratePg(db);
      indexed = await pgSearch.rebuildSearchIndex(db);
    } finally {
      await db.$client.end();
    }
    where = 'PostgreSQL';
  } else {
    where = getDatabasePath();
    const db = openDb(where);
    try {
      indexed = await rebuildSearchIndex(db);
    } finally {
      db.$client.close();
    }
  }
  console.log(
    `search: indexed ${indexed} live articles in ${((Date.now() - started) / 1000).toFixed(1)} s (${where})`,
  );
}

void main();
