import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { closeDb, openDb, type Db } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { migratePg, openPgPool } from '@/db/pg';
import { seedDemo } from '@/db/seed';
import { createPgDatabase } from './pg-database';

/**
 * A fresh, migrated database of the engine this test process runs on (db/engine.ts): a SQLite
 * file in a temporary folder, or a database of its own on the PostgreSQL server DATABASE_URL
 * names (the `integration-pg` project). The folder holds media either way; `cleanup` removes
 * both. `verbose` (every SQL statement) is SQLite's only.
 */
export async function createTestDb(options: { verbose?: (sql: unknown) => void } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-test-'));
  if (ENGINE === 'pg') {
    const database = await createPgDatabase(process.env.DATABASE_URL!);
    const pool = openPgPool(database.url);
    await migratePg(pool);
    const db = pool as unknown as Db;
    return {
      db,
      dir,
      mediaDir: path.join(dir, 'media'),
      /** Another process's view of the same database: a pool of its own. */
      openAnother: () => openPgPool(database.url) as unknown as Db,
      async cleanup() {
        await closeDb(db);
        await database.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const db = openDb(path.join(dir, 'midad.db'), options);
  return {
    db,
    dir,
    mediaDir: path.join(dir, 'media'),
    /** Another process's view of the same database: a connection of its own. */
    openAnother: () => openDb(path.join(dir, 'midad.db')),
    async cleanup() {
      await closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database holding the demo newsroom (240 articles unless told otherwise). */
export async function createSeededDb(
  options: { articles?: number; now?: Date; verbose?: (sql: unknown) => void } = {},
) {
  const t = await createTestDb({ verbose: options.verbose });
  await withImageMemo(() =>
    seedDemo(t.db, { articles: options.articles, now: options.now, mediaDir: t.mediaDir }),
  );
  return t;
}

/**
 * Runs the seed with the run's image memo on (lib/media/test-memo.ts): its illustrations are the
 * same in every test database, so they are encoded once per run. Only around the seed, so the
 * tests' own uploads and crops always go through sharp.
 */
async function withImageMemo<T>(seed: () => Promise<T>): Promise<T> {
  const dir = inject('imageMemoDir');
  if (!dir) return seed();
  process.env.MIDAD_TEST_IMAGE_MEMO = dir;
  try {
    return await seed();
  } finally {
    delete process.env.MIDAD_TEST_IMAGE_MEMO;
  }
}

export type TestDb = { db: Db; cleanup: () => Promise<void> };
