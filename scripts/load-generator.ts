/**
 * The bench's load generator. wrk (C, epoll, two threads) is the default: it reads responses
 * without decoding them, so on this two-core machine it stays well ahead of a Node server, which
 * the bare-Node ceiling row proves on every run. Missing wrk is installed from Debian's package
 * when we are root; otherwise autocannon runs in two worker threads instead (slower; its own
 * ceiling figure then shows how much headroom it leaves).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

function findWrk(): string | null {
  for (const candidate of ['/usr/bin/wrk', '/usr/local/bin/wrk'])
    if (fs.existsSync(candidate)) return candidate;
  if (process.getuid?.() === 0) {
    console.log('bench: wrk is missing, installing it (apt-get install -y wrk)…');
    const r = spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'inherit' });
    if (r.status === 0 && fs.existsSync('/usr/bin/wrk')) return '/usr/bin/wrk';
  }
  return null;
}

const WRK = process.env.BENCH_GENERATOR === 'autocannon' ? null : findWrk();
export const GENERATOR = WRK ? 'wrk, 2 threads' : 'autocannon, 2 worker threads';

/** wrk prints latencies as 812.00us, 1.23ms or 1.01s: milliseconds. */
function ms(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

export function parseWrk(out: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const p50 = ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? '');
  const p99 = ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return { rps: Math.round(rps), p50, p99, errors: non2xx + socketErrors };
}

function runWrk(wrk: string, url: string, { connections, seconds, headers = {} }: LoadOptions) {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(parseWrk(out)) : reject(new Error(`wrk exited ${code}:\n${out}`)),
    );
  });
}

async function runAutocannon(url: string, { connections, seconds, headers = {} }: LoadOptions) {
  const r = await autocannon({ url, connections, duration: seconds, headers, workers: 2 });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

export function load(url: string, options: LoadOptions): Promise<LoadResult> {
  return WRK ? runWrk(WRK, url, options) : runAutocannon(url, options);
}
