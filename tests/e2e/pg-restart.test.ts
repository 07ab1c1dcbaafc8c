import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { openPgPool } from '@/db/pg';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { builtEncryptionKey } from '@/lib/server/instances';
import { publishedStory } from '../helpers/fixtures';
import { createPgDatabase, notedDatabaseUrl } from '../helpers/pg-database';
import { visibleWithin } from '../helpers/load';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { signedInUser } from '../helpers/session';

/**
 * Issue 13: PostgreSQL restarted under two running instances. The machine's own server is shared
 * with every other test, so this file makes a private cluster (initdb into a temporary folder, on
 * a port of its own), restarts it mid-run, and checks that a story published as soon as it is back
 * is on both instances within 2 s: no page stays stale once the listening connections are lost.
 */
const ROOT = path.resolve(__dirname, '../..');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;
const runnable = ENGINE === 'pg' && fs.existsSync(path.join(PG_BIN, 'initdb'));

let cluster: string;
let port: number;
let database: Awaited<ReturnType<typeof createPgDatabase>>;
let db: Db;
const instances: RunningServer[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A PostgreSQL program, as the postgres user when this is root (initdb refuses root). */
function pgTool(tool: string, args: string[]) {
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, tool), ...args]]
    : [path.join(PG_BIN, tool), args];
  // pg_ctl's postmaster would inherit piped output and hold it open, so spawnSync would wait for
  // it until its timeout: pg_ctl writes to the cluster's log file instead (-l), and says nothing.
  const quiet = tool === 'pg_ctl';
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000, stdio: quiet ? 'ignore' : 'pipe' });
  if (r.status !== 0)
    throw new Error(`${tool} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || ''}`);
}

beforeAll(async () => {
  if (!runnable) return;
  cluster = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-pg-restart-'));
  if (asRoot) spawnSync('chown', ['postgres:postgres', cluster]);
  port = await freePort();
  pgTool('initdb', [
    '-D',
    path.join(cluster, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  pgTool('pg_ctl', [
    '-D',
    path.join(cluster, 'data'),
    '-l',
    path.join(cluster, 'postgres.log'),
    '-o',
    `-p ${port} -k ${cluster} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  database = await createPgDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, 'midad_restart');
  // The demo newsroom as first seeded (the run's template database), moved over with pg_dump.
  const seeded = inject('seededData');
  const template = notedDatabaseUrl(seeded)!;
  const dump = spawnSync(path.join(PG_BIN, 'pg_dump'), ['--no-owner', '--no-privileges', template], {
    maxBuffer: 1 << 30,
  });
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`);
  const restore = spawnSync(path.join(PG_BIN, 'psql'), ['-q', '-v', 'ON_ERROR_STOP=1', '-d', database.url], {
    input: dump.stdout,
    maxBuffer: 1 << 30,
  });
  if (restore.status !== 0) throw new Error(`psql failed: ${restore.stderr.toString()}`);
  const env = {
    DATABASE_URL: database.url,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: builtEncryptionKey(ROOT) ?? '',
  };
  instances.push(...(await Promise.all([startServer(env, { seeded }), startServer(env, { seeded })])));
  db = openPgPool(database.url) as unknown as Db;
}, 300_000);

afterAll(async () => {
  if (!runnable) return;
  await Promise.all(instances.map((i) => i.stop()));
  if (db) await closeDb(db);
  await database?.drop().catch(() => {});
  try {
    pgTool('pg_ctl', ['-D', path.join(cluster, 'data'), '-m', 'immediate', 'stop']);
  } finally {
    fs.rmSync(cluster, { recursive: true, force: true });
  }
});

describe.skipIf(!runnable)('PostgreSQL restarted under two instances', () => {
  it('leaves no stale page 2 s after it is back', async () => {
    const account = await signedInUser(db, 'restart', 'editor', 'محرر إعادة التشغيل');
    const sectionId = (await getSectionBySlug(db, 'economy'))!.id;
    for (const i of instances) {
      await fetch(`${i.baseURL}/latest`).then((r) => r.text());
      expect((await fetch(`${i.baseURL}/latest`)).headers.get('x-midad-cache')).toBe('hit');
    }
    // Every connection of both instances (their pools and their LISTEN) is cut by the restart.
    const restarted = Date.now();
    pgTool('pg_ctl', ['-D', path.join(cluster, 'data'), '-m', 'fast', '-w', 'restart']);
    const downMs = Date.now() - restarted;
    // Published the moment the server answers again: before the instances are listening anew.
    const title = `خبر بعد إعادة التشغيل ${Date.now()}`;
    for (let attempt = 0; ; attempt++) {
      try {
        await getSectionBySlug(db, 'economy'); // the test's own pool reconnects
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await sleep(100);
      }
    }
    await publishedStory(db, account.id, title, sectionId);
    const took = await Promise.all(instances.map((i) => visibleWithin(i.baseURL, '/latest', title, 2000)));
    console.log(
      `pg restart: down for ${downMs} ms; a story published right after is on both instances in ${took.join(' and ')} ms`,
    );
    expect(took).not.toContain(null);
  });
});
