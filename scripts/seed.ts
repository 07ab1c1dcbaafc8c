/**
 * Fills the database (DATA_DIR's SQLite file, or DATABASE_URL's PostgreSQL) with demo content.
 *   npm run seed                      240 demo articles (only into an empty database)
 *   npm run seed -- --articles 100000 a large database for benchmarks
 *   npm run seed -- --reset           delete the database first
 */
import { parseArgs } from 'node:util';
import { closeProcessDb, describeDatabase, optimiseDatabase, prepareDatabase, resetDatabase } from '@/db/client';
import { DEFAULT_DEMO_ARTICLES, isDatabaseEmpty, seedDemo } from '@/db/seed';
import { getMediaStorage } from '@/lib/media/storage';

const { values } = parseArgs({
  options: { articles: { type: 'string' }, reset: { type: 'boolean', default: false } },
});

const total = Number(values.articles ?? DEFAULT_DEMO_ARTICLES);
if (!Number.isInteger(total) || total < 1) {
  console.error('--articles must be a positive whole number');
  process.exit(2);
}

async function main() {
  const file = describeDatabase();
  if (values.reset) await resetDatabase();
  const db = await prepareDatabase();
  if (!(await isDatabaseEmpty(db))) {
    console.error(`${file} already has articles; use --reset to start again.`);
    process.exit(1);
  }
  const result = await seedDemo(db, {
    articles: total,
    media: getMediaStorage(),
    log: (l) => console.log(`seed: ${l}`),
  });
  // The planner's statistics for the new tables.
  optimiseDatabase(db);
  await closeProcessDb();
  console.log(`seed: done, ${result.articles} articles in ${(result.ms / 1000).toFixed(1)} s (${file})`);
}

void main();
