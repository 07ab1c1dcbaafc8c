import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isPostgresUrl } from '@/db/engine';
import { builtEncryptionKey } from '@/lib/server/instances';
import { createPgDatabase, DATABASE_NOTE, dropPgDatabase, notedDatabaseUrl } from './pg-database';
import { OUTBOX_POLL_MS } from './server-db';

const ROOT = path.resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  baseURL: string;
  dataDir: string;
  logFile: string;
  pid: number;
  /** Resolves with the exit code (null when a signal ended it) once the server process is gone. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/**
 * Keeps the demo newsroom of a freshly seeded server's DATA_DIR in `template` (its media files,
 * and a consistent copy of its SQLite database made while it runs), so later servers start from
 * it instead of seeding again. Call it before any test has written to that server. A server on
 * PostgreSQL keeps its database instead (start it with `keepDatabase`): it becomes the template
 * of the others' once that server has stopped.
 */
export function saveSeededData(dataDir: string, template: string) {
  fs.mkdirSync(template, { recursive: true });
  const noted = path.join(dataDir, DATABASE_NOTE);
  if (fs.existsSync(noted)) {
    fs.copyFileSync(noted, path.join(template, DATABASE_NOTE));
  } else {
    const db = new Database(path.join(dataDir, 'midad.db'), { readonly: true });
    try {
      db.prepare('VACUUM INTO ?').run(path.join(template, 'midad.db'));
    } finally {
      db.close();
    }
  }
  fs.cpSync(path.join(dataDir, 'media'), path.join(template, 'media'), { recursive: true });
}

/** The PostgreSQL database a `saveSeededData` folder names (its servers copy it), if it does. */
export function seededDatabase(template: string): string | undefined {
  const noted = notedDatabaseUrl(template);
  return noted ? new URL(noted).pathname.slice(1) : undefined;
}

/** Fills an empty DATA_DIR with the demo newsroom kept by `saveSeededData` (a SQLite one). */
export function copySeededData(template: string, dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(path.join(template, 'midad.db'), path.join(dataDir, 'midad.db'));
  fs.cpSync(path.join(template, 'media'), path.join(dataDir, 'media'), { recursive: true });
}

/**
 * The PostgreSQL server test servers run on: the e2e-pg project's DATABASE_URL (a database on
 * that server the tests may connect to). Unset, they run on SQLite in their DATA_DIR.
 */
export function testPgServer(): string | undefined {
  const url = process.env.DATABASE_URL;
  return isPostgresUrl(url) ? url : undefined;
}

/**
 * Starts the production server (`npm start` without the build step) on a fresh DATA_DIR: an
 * empty one, which it seeds with the demo newsroom, or a copy of `seeded` (a folder written by
 * `saveSeededData`), which skips that work. It runs in its own process group so stopping it also
 * stops next-server. On PostgreSQL (`pgServer`, by default testPgServer()) it gets a database of
 * its own, empty or a copy of the seeded one, dropped at stop unless `keepDatabase`; a
 * DATABASE_URL in `env` is used as it is (instances sharing one database) and never dropped.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: {
    dataDir?: string;
    seeded?: string;
    port?: number;
    pgServer?: string;
    keepDatabase?: boolean;
  } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` (npm test does it for you).');
  }
  // A given data folder (the benchmark's) is kept; a temporary one is removed at stop.
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'midad-e2e-'));
  // A data folder of a server on PostgreSQL names its database: a second server there shares it.
  const shared = env.DATABASE_URL ?? notedDatabaseUrl(dataDir);
  const pgServer = shared ? undefined : (options.pgServer ?? testPgServer());
  let databaseUrl = shared;
  let ownDatabase: string | undefined;
  if (pgServer) {
    const template = options.seeded ? seededDatabase(options.seeded) : undefined;
    const own = await createPgDatabase(pgServer, 'midad_e2e', { template });
    databaseUrl = own.url;
    ownDatabase = own.name;
  }
  // The seeded media files, and the SQLite file unless the demo newsroom is a PostgreSQL database.
  if (options.seeded && (databaseUrl || seededDatabase(options.seeded))) {
    fs.cpSync(path.join(options.seeded, 'media'), path.join(dataDir, 'media'), { recursive: true });
  } else if (options.seeded) {
    copySeededData(options.seeded, dataDir);
  }
  if (databaseUrl) fs.writeFileSync(path.join(dataDir, DATABASE_NOTE), databaseUrl);
  const port = options.port ?? (await freePort());
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  // Exactly what `npm start` runs (its Node flags included), without npm's own process.
  const [, ...startArgs] = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start.split(' ');
  const child: ChildProcess = spawn(process.execPath, startArgs, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // On PostgreSQL the server is in multi-instance mode, which wants the build's action key.
      ...(databaseUrl
        ? {
            DATABASE_URL: databaseUrl,
            // A server of its own notices a write by the test's connection within a few polls
            // (server-db.ts); instances sharing a database keep the production interval.
            ...(pgServer ? { MIDAD_OUTBOX_POLL_MS: String(OUTBOX_POLL_MS) } : {}),
            NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
              env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? builtEncryptionKey(ROOT) ?? '',
          }
        : {}),
      MIDAD_SKIP_BUILD: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let up = false;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) {
        up = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    // Half a second to stop by itself (no longer than it takes), then whatever is left is killed.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 500))]);
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    // Its own database goes with it, unless it is to be a template (dropped below if it never started).
    if (pgServer && ownDatabase && !options.keepDatabase) await dropPgDatabase(pgServer, ownDatabase);
  };
  if (!up) {
    const output = fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8');
    await stop();
    if (pgServer && ownDatabase && options.keepDatabase) await dropPgDatabase(pgServer, ownDatabase);
    throw new Error(`The server did not start:\n${output.slice(-4000)}`);
  }
  return { baseURL, dataDir, logFile, pid: child.pid!, exited, stop };
}
