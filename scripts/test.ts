/**
 * `npm test`: every check, ending with one line "N passed, N failed" (the totals CI reads).
 *   production build ─┬─ end-to-end tests in Chromium, on SQLite
 *                     ├─ the same on PostgreSQL (with the multi-instance suite)
 *                     └─ type check
 *   lint
 *   unit and integration tests ── (then the integration tests on PostgreSQL)
 * With MIDAD_TEST_DATABASE_URL set (.ci/run sets it), the integration tests run a second time
 * with PostgreSQL as the engine, and the whole e2e suite too (vitest project e2e-pg, every
 * server on a database of its own), side by side with the SQLite one; an unreachable server
 * fails them rather than skipping.
 * The independent checks run side by side, so the machine's cores are busy while tsc and eslint
 * use one each. The type check waits for the build, which writes the .next/types it reads
 * (tsconfig.json), so it never reads them half-written; the e2e suites start once the build is
 * done (each waits for its servers and its browser most of the time, so two lanes keep two
 * cores busy). Each check's output is held and printed whole once it ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const out = path.join(root, '.test-output');
fs.mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

let passed = 0;
let failed = 0;
/** The summary, one line a check, in the order of the diagram above whatever order they end in. */
const ORDER = ['typecheck', 'lint', 'unit', 'integration-pg', 'packages', 'build', 'e2e', 'e2e-pg'] as const;
const onPostgres = Boolean(process.env.MIDAD_TEST_DATABASE_URL);
const lines = new Map<(typeof ORDER)[number], string>();

/** Runs a command with its output (stdout and stderr, interleaved) held, then printed in one block. */
function run(cmd: string, args: string[]): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const finish = (ok: boolean, note = '') => {
      const took = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(chunks).toString('utf8').trimEnd();
      console.log(`\n$ ${[path.basename(cmd), ...args].join(' ')}\n${text}${note}\n(${took} s)`);
      resolve(ok);
    };
    child.on('error', (error) => finish(false, `\n${error.message}`));
    child.on('close', (code) => finish(code === 0));
  });
}

/** A check that is one test: the type check, the lint, the build. */
async function check(slot: (typeof ORDER)[number], name: string, cmd: string, args: string[]) {
  const ok = await run(cmd, args);
  if (ok) passed++;
  else failed++;
  lines.set(slot, `${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** A vitest project: its real test counts go into the totals. */
async function vitest(project: 'unit' | 'integration-pg' | 'e2e' | 'e2e-pg') {
  const report = path.join(out, `${project}.json`);
  fs.rmSync(report, { force: true });
  const ok = await run(bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  let p = 0;
  let f = 0;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    p = r.numPassedTests;
    f = r.numFailedTests;
  }
  if (!ok && f === 0) f = 1; // a crash before any test ran still fails the run
  passed += p;
  failed += f;
  lines.set(project, `${ok ? 'ok  ' : 'FAIL'} vitest ${project}: ${p} passed, ${f} failed`);
}

/**
 * A Debian package the suites need (Chromium for the browser tests, haproxy for the
 * multi-instance suite): installed through apt when missing and this is root, as on CI.
 */
function ensureDebianPackage(file: string, pkg: string): boolean {
  if (fs.existsSync(file)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`${pkg} is missing at ${file}; install it with: sudo apt-get install -y ${pkg}`);
    return false;
  }
  console.log(`Installing Debian’s ${pkg} for the tests…`);
  const apt = { stdio: 'inherit' as const, env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], apt).status !== 0) {
    spawnSync('apt-get', ['update'], apt);
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], apt);
  }
  return fs.existsSync(file);
}

async function main() {
  // Before anything runs: the unit project checks deploy/haproxy.cfg with haproxy itself.
  const packagesReady = [
    ensureDebianPackage(process.env.CHROMIUM_PATH || '/usr/bin/chromium', 'chromium'),
    ensureDebianPackage('/usr/sbin/haproxy', 'haproxy'),
  ].every(Boolean);
  if (!packagesReady) {
    failed++;
    lines.set('packages', 'FAIL chromium or haproxy is not installed');
  }
  const build = check('build', 'production build (next build)', bin('next'), ['build']);
  const typecheck = build.then(() => check('typecheck', 'type check (tsc --noEmit)', bin('tsc'), ['--noEmit']));
  const e2e = build.then((built) =>
    built && packagesReady
      ? Promise.all([vitest('e2e'), onPostgres ? vitest('e2e-pg') : undefined])
      : undefined,
  );
  await Promise.all([
    typecheck,
    check('lint', 'lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']),
    vitest('unit').then(() => (onPostgres ? vitest('integration-pg') : undefined)),
    build,
    e2e,
  ]);

  const summary = ORDER.flatMap((slot) => lines.get(slot) ?? []);
  console.log(`\n${summary.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
