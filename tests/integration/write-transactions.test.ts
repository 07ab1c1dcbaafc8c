import { setTimeout as sleep } from 'node:timers/promises';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { settings } from '@/db/schema';
import { writeTx } from '@/db/tx';
import { createTestDb } from '../helpers/test-db';

/**
 * db/tx.ts: an async transaction body commits whole or not at all, whatever it awaits, and no
 * statement of anyone else's escapes into it or out of it — on the engine of the run (a real
 * SQLite file, or a PostgreSQL database), with a second process's connection watching.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let watcher: Db;

const value = async (db: Db, key: string) =>
  (await db.select().from(settings).where(eq(settings.key, key)))[0]?.value;
const keys = async (db: Db, prefix: string) =>
  (
    await db
      .select()
      .from(settings)
      .where(like(settings.key, `${prefix}%`))
  )
    .map((r) => r.key)
    .sort();

beforeAll(async () => {
  t = await createTestDb();
  watcher = t.openAnother();
});

afterAll(async () => {
  await closeDb(watcher);
  await t.cleanup();
});

beforeEach(async () => {
  await t.db.delete(settings);
});

describe('writeTx', () => {
  it('commits every statement together, after awaits that leave the event loop', async () => {
    await writeTx(t.db, async (tx) => {
      await tx.insert(settings).values({ key: 'a.1', value: 'x' });
      await sleep(20);
      // Not visible to other connections, nor to this process's readers, before the commit.
      expect(await keys(watcher, 'a.')).toEqual([]);
      expect(await keys(t.db, 'a.')).toEqual([]);
      await tx.insert(settings).values({ key: 'a.2', value: 'y' });
    });
    expect(await keys(watcher, 'a.')).toEqual(['a.1', 'a.2']);
  });

  it('a body that throws after an await leaves nothing behind, and the error reaches the caller', async () => {
    await expect(
      writeTx(t.db, async (tx) => {
        await tx.insert(settings).values({ key: 'b.1', value: 'x' });
        await sleep(10);
        await tx.insert(settings).values({ key: 'b.2', value: 'y' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await keys(watcher, 'b.')).toEqual([]);
    // The writer is usable again at once.
    await writeTx(t.db, async (tx) => void (await tx.insert(settings).values({ key: 'b.3', value: 'z' })));
    expect(await keys(watcher, 'b.')).toEqual(['b.3']);
  });

  it('a write started while another body waits is not swept into it, nor rolled back with it', async () => {
    let inside!: () => void;
    const paused = new Promise<void>((resolve) => (inside = resolve));
    const failing = writeTx(t.db, async (tx) => {
      await tx.insert(settings).values({ key: 'c.doomed', value: 'x' });
      inside();
      await sleep(30);
      throw new Error('doomed');
    });
    await paused;
    const other = writeTx(
      t.db,
      async (tx) => void (await tx.insert(settings).values({ key: 'c.kept', value: 'y' })),
    );
    await expect(failing).rejects.toThrow('doomed');
    await other;
    expect(await keys(watcher, 'c.')).toEqual(['c.kept']);
  });

  it('read-then-write bodies that await in between never lose an update', async () => {
    await t.db.insert(settings).values({ key: 'd.count', value: '0' });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        writeTx(t.db, async (tx) => {
          const seen = Number(await value(tx, 'd.count'));
          await sleep(i % 3);
          await tx
            .update(settings)
            .set({ value: String(seen + 1) })
            .where(eq(settings.key, 'd.count'));
        }),
      ),
    );
    expect(await value(watcher, 'd.count')).toBe('25');
  });

  it('a nested writeTx on the same tx is a savepoint: its failure, caught, undoes only its part', async () => {
    await writeTx(t.db, async (tx) => {
      await tx.insert(settings).values({ key: 'e.outer', value: 'x' });
      await expect(
        writeTx(tx, async (inner) => {
          await inner.insert(settings).values({ key: 'e.inner', value: 'y' });
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
      await writeTx(
        tx,
        async (inner) => void (await inner.insert(settings).values({ key: 'e.inner2', value: 'z' })),
      );
    });
    expect(await keys(watcher, 'e.')).toEqual(['e.inner2', 'e.outer']);
  });

  it.runIf(ENGINE === 'sqlite')(
    'holds the write lock from its first statement: another connection cannot write meanwhile',
    async () => {
      watcher.$client.pragma('busy_timeout = 50');
      let code = '';
      await writeTx(t.db, async (tx) => {
        await value(tx, 'f.none');
        try {
          // ENGINE: sqlite-only — a direct write on another connection, to see SQLite's lock.
          watcher.insert(settings).values({ key: 'f.other', value: 'x' }).run();
        } catch (error) {
          code = (error as { code?: string }).code ?? 'error';
        }
      });
      watcher.$client.pragma('busy_timeout = 5000');
      expect(code).toBe('SQLITE_BUSY');
    },
  );

  it.runIf(ENGINE === 'pg')(
    'holds the cluster’s write turn: another instance’s write waits for the commit',
    async () => {
      const order: string[] = [];
      let inside!: () => void;
      const holding = new Promise<void>((resolve) => (inside = resolve));
      const first = writeTx(t.db, async (tx) => {
        await tx.insert(settings).values({ key: 'g.first', value: 'x' });
        inside();
        await sleep(150);
        order.push('first commits');
      });
      await holding;
      // Another pool is another instance: its own queue, the same advisory lock.
      const second = writeTx(watcher, async (tx) => {
        order.push('second runs');
        expect(await value(tx, 'g.first')).toBe('x');
        await tx.insert(settings).values({ key: 'g.second', value: 'y' });
      });
      await Promise.all([first, second]);
      expect(order).toEqual(['first commits', 'second runs']);
      expect(await keys(t.db, 'g.')).toEqual(['g.first', 'g.second']);
    },
  );
});
