import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, openDb, type Db } from '@/db/client';
import { seedDemo } from '@/db/seed';

/** A fresh, migrated SQLite file in a temporary folder; `cleanup` removes it. */
export function createTestDb(options: { verbose?: (sql: unknown) => void } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-test-'));
  const db = openDb(path.join(dir, 'midad.db'), options);
  return {
    db,
    dir,
    mediaDir: path.join(dir, 'media'),
    cleanup() {
      closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database holding the demo newsroom (240 articles unless told otherwise). */
export async function createSeededDb(
  options: { articles?: number; now?: Date; verbose?: (sql: unknown) => void } = {},
) {
  const t = createTestDb({ verbose: options.verbose });
  await seedDemo(t.db, { articles: options.articles, now: options.now, mediaDir: t.mediaDir });
  return t;
}

export type TestDb = { db: Db; cleanup: () => void };
