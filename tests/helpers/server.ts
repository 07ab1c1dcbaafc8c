import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

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
 * Keeps the demo newsroom of a freshly seeded server's DATA_DIR in `template` (a consistent copy
 * of the database, made while it runs, and its media files), so later servers start from it
 * instead of seeding again. Call it before any test has written to that server.
 */
export function saveSeededData(dataDir: string, template: string) {
  fs.mkdirSync(template, { recursive: true });
  const db = new Database(path.join(dataDir, 'midad.db'), { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(path.join(template, 'midad.db'));
  } finally {
    db.close();
  }
  fs.cpSync(path.join(dataDir, 'media'), path.join(template, 'media'), { recursive: true });
}

/** Fills an empty DATA_DIR with the demo newsroom kept by `saveSeededData`. */
export function copySeededData(template: string, dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(path.join(template, 'midad.db'), path.join(dataDir, 'midad.db'));
  fs.cpSync(path.join(template, 'media'), path.join(dataDir, 'media'), { recursive: true });
}

/**
 * Starts the production server (`npm start` without the build step) on a fresh DATA_DIR: an
 * empty one, which it seeds with the demo newsroom, or a copy of `seeded` (a folder written by
 * `saveSeededData`), which skips that work. It runs in its own process group so stopping it also
 * stops next-server.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; seeded?: string; port?: number } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` (npm test does it for you).');
  }
  // A given data folder (the benchmark's) is kept; a temporary one is removed at stop.
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'midad-e2e-'));
  if (options.seeded) copySeededData(options.seeded, dataDir);
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
  };
  if (!up) {
    const output = fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8');
    await stop();
    throw new Error(`The server did not start:\n${output.slice(-4000)}`);
  }
  return { baseURL, dataDir, logFile, pid: child.pid!, exited, stop };
}
