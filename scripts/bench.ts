/**
 * `npm run bench`: figures, not assertions. Builds (or reuses) a 100,000-article database in
 * ./bench-data, starts the production server, and measures with wrk on loopback (see
 * load-generator.ts):
 * each cached page next to a bare Node server sending that page's same bytes and header lines
 * (its ceiling, whose figure also shows the generator's headroom), uncached render
 * times, the server's peak RSS, the JavaScript each page type ships, and Lighthouse (mobile) scores.
 *   npm run bench                  # 10 s per run, 50 connections
 *   BENCH_SECONDS=5 npm run bench
 *   BENCH_LOAD_ONLY=1 npm run bench   # the two load tables only
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDb } from '@/db/client';
import { countLive } from '@/db/queries/articles';
import { scriptUrls } from '../tests/helpers/scripts';
import { startServer } from '../tests/helpers/server';
import { measurePageQueries } from './bench-queries';
import { needsBuild } from './build-state';
import { GENERATOR, load as runLoad } from './load-generator';
import { printLighthouse, runLighthouse } from './lighthouse';

const ROOT = process.cwd();
const DATA = path.join(ROOT, 'bench-data');
const ARTICLES = 100_000;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;
const load = (url: string, headers: Record<string, string> = {}) =>
  runLoad(url, { connections: CONNECTIONS, seconds: SECONDS, headers });

async function ensureDatabase() {
  const file = path.join(DATA, 'midad.db');
  if (fs.existsSync(file)) {
    const db = openDb(file);
    const n = await countLive(db, { all: true }, { locale: 'ar', now: new Date() });
    db.$client.close();
    if (n >= ARTICLES) return console.log(`bench: reusing ${file} (${n} live articles)`);
  }
  console.log(`bench: seeding ${ARTICLES} articles into ${DATA}…`);
  const r = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/seed.ts', '--articles', String(ARTICLES), '--reset'],
    {
      stdio: 'inherit',
      env: { ...process.env, DATA_DIR: DATA },
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function ensureBuild() {
  if (!needsBuild(ROOT)) return;
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
function rssMb(pid: number): number {
  let total = 0;
  const walk = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = fs
        .readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      children.forEach((c) => walk(Number(c)));
    } catch {
      // process gone
    }
  };
  walk(pid);
  return total;
}

/** A response as sent on the wire (fetch would decompress it): its body and its header lines. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ bytes: Buffer; rawHeaders: string[] }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ bytes: Buffer.concat(chunks), rawHeaders: res.rawHeaders }));
      })
      .on('error', reject);
  });
}

/** Node writes these itself on every answer, the ceiling's as well as Midad's. */
const NODE_OWN = new Set(['date', 'connection', 'keep-alive']);

/**
 * The ceiling: a bare Node http server (keep-alive as Node's default, like Midad's) that answers
 * every request with one page exactly as Midad sent it — the same body in the same encoding and
 * the same header lines, its request id included — so a row's ratio is the cost of the hit path
 * alone. Which page it sends is switched between runs.
 */
async function startCeiling() {
  let response: { headers: string[]; body: Buffer } = { headers: [], body: Buffer.alloc(0) };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, response.headers);
    res.end(response.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    send(sent: { bytes: Buffer; rawHeaders: string[] }) {
      const headers: string[] = [];
      for (let i = 0; i < sent.rawHeaders.length; i += 2)
        if (!NODE_OWN.has(sent.rawHeaders[i]!.toLowerCase()))
          headers.push(sent.rawHeaders[i]!, sent.rawHeaders[i + 1]!);
      response = { headers, body: sent.bytes };
    },
    close: () => server.close(),
  };
}

async function median(url: string, n: number, headers: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

async function jsBytes(base: string, pagePath: string) {
  const html = await (await fetch(base + pagePath)).text();
  // What a modern browser downloads, counted as the JS budget test counts it (no nomodule polyfills).
  const srcs = scriptUrls(html);
  let raw = 0;
  let gz = 0;
  for (const src of new Set(srcs)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { files: new Set(srcs).size, kb: (raw / 1024).toFixed(0), gzipKb: (gz / 1024).toFixed(0) };
}

async function main() {
  await ensureDatabase();
  ensureBuild();
  const server = await startServer({}, { dataDir: DATA });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 200);
  try {
    const base = server.baseURL;
    const home = await (await fetch(base + '/')).text();
    // As a browser requests the link (pages write Arabic slugs as letters).
    const articlePath = new URL(/href="(\/news\/\d+\/[^"]+)"/.exec(home)![1]!, base).pathname;
    const searchPath = `/search?q=${encodeURIComponent('المياه')}`;
    const pages = { article: articlePath, home: '/', section: '/category/economy', search: searchPath };
    for (const p of Object.values(pages)) for (let i = 0; i < 2; i++) await fetch(base + p); // fill the cache

    // Twice: as browsers ask (brotli; every browser sends Accept-Encoding), and uncompressed.
    // Each page is measured right after its own ceiling (a bare Node server sending that page's
    // bytes exactly as Midad sends them for that request), so both share the machine's moment.
    const encodings: [string, Record<string, string>][] = [
      ['as browsers ask (Accept-Encoding: br, gzip)', { 'accept-encoding': 'br, gzip' }],
      ['uncompressed (no Accept-Encoding)', {}],
    ];
    const ceiling = await startCeiling();
    for (const [label, headers] of encodings) {
      console.log(
        `\nbench, ${label}: ${SECONDS} s per run, ${CONNECTIONS} connections, loopback, ${ARTICLES} articles, ${GENERATOR}`,
      );
      const rows: Record<string, unknown>[] = [];
      for (const [name, p] of Object.entries(pages)) {
        await rawGet(base + p, headers); // re-renders a page older than the cache's max age
        const sent = await rawGet(base + p, headers);
        if (sent.rawHeaders[sent.rawHeaders.findIndex((h) => /^x-midad-cache$/i.test(h)) + 1] !== 'hit')
          throw new Error(`bench: ${p} is not answered from the cache`);
        ceiling.send(sent);
        const bare = await load(ceiling.url, headers);
        const hit = await load(base + p, headers);
        const headerBytes = sent.rawHeaders.reduce((n, h, i) => n + h.length + (i % 2 ? 4 : 0), 0);
        rows.push({
          page: name,
          bytes: `${sent.bytes.length} + ${headerBytes} of headers`,
          'ceiling rps': bare.rps,
          'hit rps': hit.rps,
          ratio: (hit.rps / bare.rps).toFixed(2),
          'hit p50/p99 ms': `${hit.p50} / ${hit.p99}`,
          errors: bare.errors + hit.errors,
        });
      }
      console.table(rows);
    }
    ceiling.close();

    if (process.env.BENCH_LOAD_ONLY === '1') return;
    // A session cookie makes the cache step aside: these are real renders.
    const bypass = { cookie: 'midad_session=bench' };
    console.log('uncached render, median of 30 sequential requests:');
    console.table({
      article: `${(await median(base + articlePath, 30, bypass)).toFixed(1)} ms`,
      home: `${(await median(base + '/', 30, bypass)).toFixed(1)} ms`,
      section: `${(await median(base + '/category/economy', 30, bypass)).toFixed(1)} ms`,
      search: `${(await median(base + searchPath, 30, bypass)).toFixed(1)} ms`,
    });
    console.log("the database's share: each page's queries replayed in-process, median of 200:");
    console.table(
      Object.fromEntries(
        (await measurePageQueries(path.join(DATA, 'midad.db'))).map((f) => [
          f.page,
          { statements: f.statements, ms: f.medianMs.toFixed(2) },
        ]),
      ),
    );
    console.log('search at 100,000 articles (scripts/search-bench.ts, in-process, whole call):');
    spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/search-bench.ts'], {
      stdio: 'inherit',
      env: { ...process.env, DATA_DIR: DATA },
    });
    console.log('JavaScript shipped per page type:');
    console.table({
      home: await jsBytes(base, '/'),
      section: await jsBytes(base, '/category/economy'),
      article: await jsBytes(base, articlePath),
    });
    console.log(`peak RSS of the server: ${peak.toFixed(0)} MB`);
    console.log('page cache:', JSON.stringify((await (await fetch(base + '/api/health')).json()).pageCache));
    // Last, so its Chromium does not share the CPU with the load runs or count in their figures.
    console.log('Lighthouse, mobile (simulated slow 4G, 4x CPU slowdown):');
    const { results, reportDir } = await runLighthouse(base);
    printLighthouse(results);
    console.log(`lighthouse reports: ${reportDir}`);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

void main();
