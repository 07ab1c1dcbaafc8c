/**
 * Fills the database in DATA_DIR with demo content.
 *   npm run seed                      240 demo articles (only into an empty database)
 *   npm run seed -- --articles 100000 a large database for benchmarks
 *   npm run seed -- --reset           delete the database first
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb, openDb } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { DEFAULT_DEMO_ARTICLES, isDatabaseEmpty, seedDemo } from '@/db/seed';
import { getDatabasePath } from '@/lib/config';
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
  const file = getDatabasePath();
  if (values.reset) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  const db = openDb(file);
  if (!(await isDatabaseEmpty(db))) {
    console.error(`${file} already has articles; use --reset to start again.`);
    process.exit(1);
  }
  const result = await seedDemo(db, {
    articles: total,
    media: getMediaStorage(),
    log: (l) => console.log(`seed: ${l}`),
  });
  // The planner's statistics for the new tables: a SQLite pragma (PostgreSQL's autovacuum analyses).
  if (ENGINE === 'sqlite') db.$client.pragma('optimize');
  closeDb(db);
  console.log(`seed: done, ${result.articles} articles in ${(result.ms / 1000).toFixed(1)} s (${file})`);
}

void main();
