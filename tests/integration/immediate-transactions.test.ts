import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/db/client';
import { IMMEDIATE } from '@/db/mutations/immediate';
import { settings } from '@/db/schema';
import { createTestDb } from '../helpers/test-db';

/**
 * Why every write in db/mutations begins IMMEDIATE (issue 12, part 7). Two connections to one
 * file, as the server and the user CLI (or a second instance) are: a deferred transaction that
 * reads, then sees another connection commit, then writes, fails at once with SQLITE_BUSY —
 * busy_timeout cannot help, its snapshot is stale. An immediate one holds the write lock from
 * its first read, so the other writer waits for it instead.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let other: Db;

beforeAll(async () => {
  t = await createTestDb();
  other = openDb(path.join(t.dir, 'midad.db'));
  // The other writer gives up quickly here; in the server it would wait up to 5 s and succeed.
  other.$client.pragma('busy_timeout = 200');
  t.db.insert(settings).values({ key: 'race', value: '0' }).run();
});

afterAll(async () => {
  other.$client.close();
  await t.cleanup();
});

/** Read the counter, let the other connection write in between, then write what was read + 1. */
function readThenWrite(mode: typeof IMMEDIATE | undefined) {
  let interleaved: string;
  t.db.transaction((tx) => {
    const seen = Number(tx.select().from(settings).where(eq(settings.key, 'race')).get()!.value);
    try {
      other
        .update(settings)
        .set({ value: String(seen + 100) })
        .where(eq(settings.key, 'race'))
        .run();
      interleaved = 'other wrote';
    } catch (error) {
      interleaved = (error as { code?: string }).code ?? 'error';
    }
    tx.update(settings)
      .set({ value: String(seen + 1) })
      .where(eq(settings.key, 'race'))
      .run();
  }, mode);
  return interleaved!;
}

describe('read-then-write transactions', () => {
  it('deferred: the other write lands in between and ours fails at once with SQLITE_BUSY', () => {
    const before = Date.now();
    let code = '';
    try {
      readThenWrite(undefined);
    } catch (error) {
      code = (error as { code?: string }).code ?? '';
    }
    expect(code).toMatch(/^SQLITE_BUSY/);
    // At once, not after the 5 s busy timeout: waiting could never make the snapshot fresh.
    expect(Date.now() - before).toBeLessThan(4_000);
  });

  it('immediate: ours holds the lock, so it succeeds and the other writer has to wait', () => {
    const start = Number(t.db.select().from(settings).where(eq(settings.key, 'race')).get()!.value);
    expect(readThenWrite(IMMEDIATE)).toMatch(/^SQLITE_BUSY/);
    const after = Number(t.db.select().from(settings).where(eq(settings.key, 'race')).get()!.value);
    expect(after).toBe(start + 1);
  });

  it('every transaction in db/mutations begins IMMEDIATE', () => {
    // CASE: recordLoginFailure starts with a DELETE, so it takes the write lock at once anyway.
    const firstStatementWrites = new Set(['sessions.ts:recordLoginFailure']);
    const dir = path.join(process.cwd(), 'db', 'mutations');
    const missing: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      // Each exported function's text, and whether its transaction names a mode.
      for (const fn of source.split(/\nexport /).slice(1)) {
        if (!fn.includes('.transaction(')) continue;
        const name = /function (\w+)/.exec(fn)?.[1] ?? '?';
        if (firstStatementWrites.has(`${file}:${name}`)) continue;
        if (!/IMMEDIATE,?\s*\)|behavior: 'immediate'/.test(fn)) missing.push(`${file}:${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
