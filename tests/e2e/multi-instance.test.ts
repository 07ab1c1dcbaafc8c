import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles } from '@/db/schema';
import { builtEncryptionKey } from '@/lib/server/instances';
import { callAction } from '../helpers/actions';
import { articleFields } from '../helpers/fixtures';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { readersThrough } from '../helpers/load';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/**
 * The one-box option of issue 13: three instances of the same build over one SQLite file,
 * behind deploy/haproxy.cfg itself (Debian's haproxy, on loopback). A publish on one instance is
 * on the others' pages from their very next request; an instance killed with kill -9 under load,
 * or stopped with SIGTERM, costs readers nothing; multi-instance mode refuses to start without
 * the shared server-action key.
 */
const ROOT = path.resolve(__dirname, '../..');
const hasHaproxy = spawnSync('haproxy', ['-v']).status === 0;
const key = builtEncryptionKey(ROOT) ?? '';
const env = { MIDAD_MULTI_INSTANCE: '1', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key, TRUST_PROXY: '1' };

let dataDir: string;
const instances: RunningServer[] = [];
const ports: number[] = [];
let proxy: ChildProcess;
let lb: string;
let db: Db;
let account: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startInstance(i: number, seeded?: string) {
  instances[i] = await startServer(env, { dataDir, port: ports[i], seeded });
}

beforeAll(async () => {
  if (!hasHaproxy) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-multi-'));
  for (let i = 0; i < 3; i++) ports.push(await freePort());
  // The first start takes a copy of the seeded demo newsroom; the other two find it there.
  await startInstance(0, inject('seededData'));
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
  // Up once haproxy's first checks have passed.
  for (let tries = 0; tries < 100; tries++) {
    if ((await fetch(`${lb}/api/ready`).catch(() => null))?.status === 200) break;
    await sleep(200);
  }
  db = openServerDb(dataDir);
  account = await signedInUser(db, 'multi', 'editor', 'محررة النسخ الثلاث');
}, 240_000);

afterAll(async () => {
  if (!hasHaproxy) return;
  if (db) for (const id of made) await db.delete(articles).where(eq(articles.id, id));
  await account?.remove();
  if (db) await closeDb(db);
  try {
    if (proxy?.pid) process.kill(-proxy.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await Promise.all(instances.map((s) => s?.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasHaproxy)('three instances behind deploy/haproxy.cfg', () => {
  it('a publish on one instance is on the others from their very next request, 20 times of 20', async () => {
    const sectionId = (await getSectionBySlug(db, 'economy'))!.id;
    const seen: number[] = [];
    for (let trial = 0; trial < 20; trial++) {
      const [a, b, c] = [0, 1, 2].map((i) => instances[(trial + i) % 3]!.baseURL);
      // Both readers have the listing cached before the publish.
      for (const base of [b, c]) {
        await fetch(`${base!}/latest`).then((r) => r.text());
        expect((await fetch(`${base!}/latest`)).headers.get('x-midad-cache')).toBe('hit');
      }
      const title = `نشرٌ عبر النسخ ${trial} ${Date.now()}`;
      const { id } = await createDraft(
        db,
        account.id,
        articleFields({ title, sectionId, authorIds: [account.id] }),
      );
      made.push(id);
      expect(await callAction(a!, 'transitionArticleAction', [id, 'publish'], account.cookie)).toContain(
        '"ok":true',
      );
      const published = Date.now();
      for (const base of [b, c]) expect(await (await fetch(`${base!}/latest`)).text()).toContain(title);
      seen.push(Date.now() - published);
    }
    const sorted = [...seen].sort((x, y) => x - y);
    console.log(
      `multi-instance: publish → both other instances, 20 trials: median ${sorted[10]} ms, max ${sorted[19]} ms`,
    );
  });

  it('kill -9 of one instance under load, and its restart, cost readers nothing', async () => {
    const paths = ['/', '/latest', '/category/economy', '/en', '/feed.xml'];
    const load = readersThrough(lb, paths, 8);
    await sleep(1500);
    process.kill(-instances[1]!.pid, 'SIGKILL');
    await instances[1]!.exited;
    await sleep(2000);
    await startInstance(1);
    // Back in rotation (two good checks a second apart), then some more traffic through it.
    await sleep(3000);
    const failures = await load.stop();
    console.log(
      `multi-instance: kill -9 and restart under load: ${load.served()} served, ${failures.length} failed`,
    );
    expect(failures).toEqual([]);
    expect(load.served()).toBeGreaterThan(50);
  });

  it('SIGTERM drains one instance while the proxy moves its readers to the others', async () => {
    const load = readersThrough(lb, ['/', '/latest', '/category/sports'], 8);
    await sleep(1000);
    process.kill(-instances[2]!.pid, 'SIGTERM');
    expect(await instances[2]!.exited).toBe(0);
    await sleep(1500);
    const failures = await load.stop();
    expect(failures).toEqual([]);
  });

  it('multi-instance mode will not start without the shared server-action key', () => {
    const start = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const [, ...args] = start.scripts.start.split(' ');
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        MIDAD_MULTI_INSTANCE: '1',
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: '',
        MIDAD_SKIP_BUILD: '1',
        DATA_DIR: dataDir,
      },
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set');
  });
});
