/**
 * `npm test`: every check, in the order that fails fastest, ending with one line
 * "N passed, N failed" (the totals CI reads).
 *   type check → lint → unit and integration tests → production build → end-to-end tests in Chromium
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const out = path.join(root, '.test-output');
fs.mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

let passed = 0;
let failed = 0;
const lines: string[] = [];

function run(cmd: string, args: string[]): boolean {
  console.log(`\n$ ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status === 0;
}

/** A check that is one test: the type check, the lint, the build. */
function check(name: string, cmd: string, args: string[]): boolean {
  const ok = run(cmd, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** A vitest project: its real test counts go into the totals. */
function vitest(project: string) {
  const report = path.join(out, `${project}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(bin('vitest'), [
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
  lines.push(`${ok ? 'ok  ' : 'FAIL'} vitest ${project}: ${p} passed, ${f} failed`);
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

check('type check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
check('lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']);
const packagesReady = [
  ensureDebianPackage(process.env.CHROMIUM_PATH || '/usr/bin/chromium', 'chromium'),
  ensureDebianPackage('/usr/sbin/haproxy', 'haproxy'),
].every(Boolean);
if (!packagesReady) {
  failed++;
  lines.push('FAIL chromium or haproxy is not installed');
}
vitest('unit');
if (check('production build (next build)', bin('next'), ['build']) && packagesReady) vitest('e2e');

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
