import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql, sum } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { migratePg, openPgPool } from '@/db/pg';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, articleViews, auditLog, sessions } from '@/db/schema';
import { builtEncryptionKey } from '@/lib/server/instances';
import { callAction } from '../helpers/actions';
import { articleFields, publishedStory } from '../helpers/fixtures';
import { readersThrough, visibleWithin } from '../helpers/load';
import { createPgDatabase } from '../helpers/pg-database';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { signedInUser } from '../helpers/session';
import { clearLoginFailures } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { hashPassword } from '@/lib/auth/password';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';

/**
 * Issue 13's several machines: three instances of one build over one PostgreSQL database, behind
 * deploy/haproxy.cfg (Debian's haproxy, on loopback). Runs in the e2e-pg project (this process on
 * PostgreSQL too, so it writes through the same data layer as the instances).
 */
const ROOT = path.resolve(__dirname, '../..');
const hasHaproxy = spawnSync('haproxy', ['-v']).status === 0;
const onPostgres = ENGINE === 'pg';
const key = builtEncryptionKey(ROOT) ?? '';

let database: Awaited<ReturnType<typeof createPgDatabase>>;
let dataDir: string;
const instances: RunningServer[] = [];
const ports: number[] = [];
let proxy: ChildProcess;
let lb: string;
let db: Db;
let account: Awaited<ReturnType<typeof signedInUser>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function env(): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
    TRUST_PROXY: '1',
    MIDAD_SCHEDULER_MS: '500',
  };
}

async function startInstance(i: number) {
  // Every instance has a folder of its own for its log; media would be on S3 across machines.
  const own = path.join(dataDir, `i${i}`);
  fs.mkdirSync(own, { recursive: true });
  instances[i] = await startServer(env(), { dataDir: own, port: ports[i] });
}

/** The server process ids of this database's LISTEN connections (db/change-feed.ts). */
async function listeners(): Promise<number[]> {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    const r = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'",
    );
    return r.rows.map((row) => row.pid);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  if (!hasHaproxy || !onPostgres) return;
  database = await createPgDatabase(process.env.DATABASE_URL!, 'midad_multi');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-multi-pg-'));
  for (let i = 0; i < 3; i++) ports.push(await freePort());
  // The first instance migrates and seeds the empty database; the other two find it ready.
  await startInstance(0);
  await Promise.all([startInstance(1), startInstance(2)]);
  const lbPort = await freePort();
  lb = `http://127.0.0.1:${lbPort}`;
  proxy = spawn('haproxy', ['-db', '-f', path.join(ROOT, 'deploy', 'haproxy.cfg')], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      MIDAD_BIND: `127.0.0.1:${lbPort}`,
      MIDAD_A: `127.0.0.1:${ports[0]}`,
      MIDAD_B: `127.0.0.1:${ports[1]}`,
      MIDAD_C: `127.0.0.1:${ports[2]}`,
    },
  });
  for (let tries = 0; tries < 100; tries++) {
    if ((await fetch(`${lb}/api/ready`).catch(() => null))?.status === 200) break;
    await sleep(200);
  }
  const pool = openPgPool(database.url);
  await migratePg(pool); // a no-op: the instances did it
  db = pool as unknown as Db;
  account = await signedInUser(db, 'multipg', 'editor', 'محررة على PostgreSQL');
}, 300_000);

afterAll(async () => {
  if (!hasHaproxy || !onPostgres) return;
  try {
    if (proxy?.pid) process.kill(-proxy.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await Promise.all(instances.map((s) => s?.stop()));
  if (db) await closeDb(db);
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasHaproxy || !onPostgres)('three instances on PostgreSQL behind deploy/haproxy.cfg', () => {
  it('a publish on one instance is on the other two within 1 s, 20 times of 20', async () => {
    const sectionId = (await getSectionBySlug(db, 'economy'))!.id;
    const seen: number[] = [];
    for (let trial = 0; trial < 20; trial++) {
      const [a, b, c] = [0, 1, 2].map((i) => instances[(trial + i) % 3]!.baseURL);
      for (const base of [b, c]) {
        await fetch(`${base!}/latest`).then((r) => r.text());
        expect((await fetch(`${base!}/latest`)).headers.get('x-midad-cache')).toBe('hit');
      }
      const title = `نشرٌ عبر الخوادم ${trial} ${Date.now()}`;
      const { id } = await createDraft(
        db,
        account.id,
        articleFields({ title, sectionId, authorIds: [account.id] }),
      );
      expect(await callAction(a!, 'transitionArticleAction', [id, 'publish'], account.cookie)).toContain(
        '"ok":true',
      );
      const took = await Promise.all([b, c].map((base) => visibleWithin(base!, '/latest', title, 1000)));
      expect(took).not.toContain(null);
      seen.push(Math.max(...(took as number[])));
    }
    const sorted = [...seen].sort((x, y) => x - y);
    console.log(
      `multi-instance pg: publish → both other instances, 20 trials: median ${sorted[10]} ms, max ${sorted[19]} ms`,
    );
  });

  it('a killed LISTEN connection is back within 1 s, and changes flow again', async () => {
    const before = await listeners();
    expect(before.length).toBe(3);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    await admin.end();
    const killed = Date.now();
    let back: number[] = [];
    while (Date.now() - killed < 1000) {
      back = (await listeners()).filter((pid) => !before.includes(pid));
      if (back.length === 3) break;
      await sleep(25);
    }
    expect(back.length).toBe(3);
    console.log(`multi-instance pg: 3 LISTEN connections killed, all back in ${Date.now() - killed} ms`);
    const sectionId = (await getSectionBySlug(db, 'sports'))!.id;
    for (const i of instances) await fetch(`${i.baseURL}/latest`).then((r) => r.text());
    const title = `بعد انقطاع الإصغاء ${Date.now()}`;
    await publishedStory(db, account.id, title, sectionId);
    const took = await Promise.all(instances.map((i) => visibleWithin(i.baseURL, '/latest', title, 1000)));
    expect(took).not.toContain(null);
  });

  it('a session works on every instance, and ending it is honoured by all at once', async () => {
    const user = await signedInUser(db, 'multipg-session', 'editor', 'جلسة مشتركة');
    const status = (base: string) =>
      fetch(`${base}/admin`, { headers: { Cookie: user.cookie }, redirect: 'manual' }).then((r) => r.status);
    for (const i of instances) expect(await status(i.baseURL)).toBe(200);
    // Logging out deletes the session row, whichever instance handles it.
    await db.delete(sessions).where(eq(sessions.userId, user.id));
    for (const i of instances) expect(await status(i.baseURL)).not.toBe(200);
  });

  it('five wrong passwords spread over the instances count as five: the right one then waits', async () => {
    const who = { email: 'shared-throttle@midad.example', password: 'حبر-مشترك-بين-الخوادم-4', name: 'ضياء' };
    await createUser(
      db,
      { ...who, slug: 'shared-throttle', role: 'editor', passwordHash: await hashPassword(who.password) },
      null,
    );
    const browser = await launchBrowser();
    try {
      const { page, close } = await openPage(browser);
      const tryLogin = async (base: string, password: string, answer: string) => {
        await page.goto(`${base}/admin/login`);
        await page.getByLabel('البريد الإلكتروني').fill(who.email);
        await page.getByLabel('كلمة المرور').fill(password);
        await page.getByRole('button', { name: 'دخول' }).click();
        await page.getByRole('alert').filter({ hasText: answer }).waitFor();
      };
      // A, B, C, A, B: each instance alone has seen at most two failures.
      for (let n = 0; n < 5; n++) {
        await tryLogin(instances[n % 3]!.baseURL, `خطأ-${n}-ليست-كلمة-المرور`, 'غير صحيحة');
      }
      await tryLogin(instances[2]!.baseURL, who.password, 'محاولات كثيرة خاطئة');
      await close();
      // The same person on a machine that has seen none of it, once the window is over, gets in.
      await clearLoginFailures(db, `email:${who.email}`);
      const fresh = await openPage(browser);
      await loginAs(fresh.page, instances[1]!.baseURL, who);
      await fresh.close();
    } finally {
      await browser.close();
    }
  });

  it('50 stories scheduled for the same second are each published exactly once', async () => {
    const sectionId = (await getSectionBySlug(db, 'culture'))!.id;
    const ids: number[] = [];
    for (let n = 0; n < 50; n++) {
      const title = `مجدول ${n} ${Date.now()}`;
      ids.push(
        (await createDraft(db, account.id, articleFields({ title, sectionId, authorIds: [account.id] }))).id,
      );
    }
    // All for the same whole second, a moment from now: every instance's scheduler (500 ms) races for them.
    const at = new Date(Math.ceil((Date.now() + 4000) / 1000) * 1000);
    for (const id of ids) await transitionArticle(db, account.id, id, 'schedule', { at });
    const deadline = Date.now() + 15_000;
    let published = 0;
    while (Date.now() < deadline) {
      published = (
        await db
          .select({ id: articles.id })
          .from(articles)
          .where(and(inArray(articles.id, ids), eq(articles.status, 'published')))
      ).length;
      if (published === 50) break;
      await sleep(200);
    }
    expect(published).toBe(50);
    await sleep(2000); // every instance has ticked again meanwhile
    const audits = await db
      .select({ id: auditLog.entityId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'article.scheduledPublish'), inArray(auditLog.entityId, ids)))
      .groupBy(auditLog.entityId);
    expect(audits).toHaveLength(50);
    expect(audits.every((a) => a.n === 1)).toBe(true);
    console.log('multi-instance pg: 50 stories scheduled for one second, 50 published, each once');
  });

  it('kill -9 of one instance under load, and its restart, cost readers nothing', async () => {
    const load = readersThrough(lb, ['/', '/latest', '/category/economy', '/en', '/feed.xml'], 8);
    await sleep(1500);
    process.kill(-instances[1]!.pid, 'SIGKILL');
    await instances[1]!.exited;
    await sleep(2000);
    await startInstance(1);
    await sleep(3000);
    const failures = await load.stop();
    console.log(
      `multi-instance pg: kill -9 and restart under load: ${load.served()} served, ${failures.length} failed`,
    );
    expect(failures).toEqual([]);
    expect(load.served()).toBeGreaterThan(50);
  });

  it('30,000 views sent across the instances are all counted once they stop', async () => {
    const [story] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.status, 'published'))
      .limit(1);
    const total = async () =>
      Number(
        (
          await db
            .select({ n: sum(articleViews.count) })
            .from(articleViews)
            .where(eq(articleViews.articleId, story!.id))
        )[0]?.n ?? 0,
      );
    const before = await total();
    const SENT = 30_000;
    let sent = 0;
    await Promise.all(
      Array.from({ length: 24 }, async (_, c) => {
        for (let n = c; n < SENT; n += 24) {
          const res = await fetch(`${instances[n % 3]!.baseURL}/api/views/${story!.id}`);
          await res.arrayBuffer();
          if (res.status === 200) sent++;
        }
      }),
    );
    expect(sent).toBe(SENT);
    await Promise.all(instances.map((i) => i.stop()));
    expect((await total()) - before).toBe(SENT);
  }, 300_000);
});
