/**
 * `npm run load:writes`: readers and editors at once, on loopback only, bounded in time.
 * LOAD_READERS (200) concurrent readers loop over the home pages, sections, stories, search and
 * feeds while LOAD_EDITORS (4) editors — each its own process and database connection
 * (scripts/load-editor.ts) — publish, edit and unpublish for LOAD_SECONDS (60). Fails (exit 1)
 * on any reader error, any editor error, SQLITE_BUSY anywhere (the server log too), or a publish
 * that readers cannot see in the story page, /latest, the feed and search within 1 s.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { articlePath } from '@/lib/article-url';
import { startServer } from '../tests/helpers/server';

const SECONDS = Number(process.env.LOAD_SECONDS || 60);
const READERS = Number(process.env.LOAD_READERS || 200);
const EDITORS = Number(process.env.LOAD_EDITORS || 4);
// Between an editor's steps: each publishes, edits and unpublishes about once every 3 s, so the
// four together write some 4 times a second — a newsroom on its busiest day.
const PAUSE_MS = Number(process.env.LOAD_EDIT_PAUSE_MS || 1000);
const VISIBLE_WITHIN_MS = 1000;
const GIVE_UP_MS = 10_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: READERS + 16 });

/** Requests retried because the server had closed an idle keep-alive connection as it was reused. */
let keepAliveRetries = 0;

/**
 * One GET. A request that fails on a reused keep-alive connection before any answer is sent once
 * more, as browsers do (and as Node's documentation advises): the server may close an idle
 * connection at the moment the client picks it. Any other failure counts.
 */
async function get(url: string, headers: Record<string, string> = {}) {
  try {
    return await getOnce(url, headers);
  } catch (error) {
    if (!(error as { reused?: boolean }).reused) throw error;
    keepAliveRetries++;
    return getOnce(url, headers);
  }
}

function getOnce(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; cache: string }>((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cache: String(res.headers['x-midad-cache'] ?? 'none'),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', (error: Error & { code?: string; reused?: boolean }) => {
      error.reused = req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
      reject(error);
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  console.log(
    `load:writes: ${READERS} readers, ${EDITORS} editors, ${SECONDS} s, loopback (starting the production server)…`,
  );
  const server = await startServer();
  const base = server.baseURL;
  const dbFile = path.join(server.dataDir, 'midad.db');
  const editors: ChildProcess[] = [];
  try {
    // The readers' pages: what a reader on a big news day opens.
    const home = (await get(base + '/')).body;
    const links = (prefix: string) =>
      [...new Set([...home.matchAll(new RegExp(`href="(${prefix}[^"]+)"`, 'g'))].map((m) => m[1]!))].map(
        (href) => new URL(href.replace(/&amp;/g, '&'), base).pathname,
      );
    const pages: Record<string, string[]> = {
      home: ['/', '/en'],
      section: links('/category/').slice(0, 6),
      article: links('/news/').slice(0, 12),
      search: ['المياه', 'الاقتصاد', 'water'].map(
        (q) => `${q === 'water' ? '/en' : ''}/search?q=${encodeURIComponent(q)}`,
      ),
      feed: [
        '/feed.xml',
        '/en/feed.xml',
        ...links('/category/')
          .slice(0, 2)
          .map((s) => `${s}/feed.xml`),
      ],
    };
    const pool = Object.entries(pages).flatMap(([kind, urls]) => urls.map((u) => ({ kind, url: u })));
    for (const { url } of pool) await get(base + url); // warm the cache, as a live site is

    const latencies: Record<string, number[]> = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
    const readerErrors: string[] = [];
    const cacheStates: Record<string, number> = {};
    const editorErrors: string[] = [];
    const counts = { published: 0, edited: 0, unpublished: 0 };
    const publishMs: number[] = [];
    const delays: number[] = [];
    const notSeen: string[] = [];
    const checks: Promise<void>[] = [];
    let running = true;

    // Every acknowledged publish: polled until the story page, /latest, the feed and search show it.
    const watch = async (p: { id: number; slug: string; token: string; at: number }) => {
      const story = articlePath({ id: p.id, slug: p.slug, locale: 'ar' });
      const link = `/news/${p.id}/`;
      const plain = { 'accept-encoding': 'identity' };
      const seen = { story: false, latest: false, feed: false, search: false };
      while (Date.now() - p.at < GIVE_UP_MS) {
        let answers;
        try {
          answers = await Promise.all([
            seen.story ? null : get(base + story, plain),
            seen.latest ? null : get(base + '/latest', plain),
            seen.feed ? null : get(base + '/feed.xml', plain),
            seen.search ? null : get(`${base}/search?q=${encodeURIComponent(p.token)}`, plain),
          ]);
        } catch (error) {
          readerErrors.push(`poll for ${story}: ${(error as Error).message}`);
          continue;
        }
        const [s, l, f, q] = answers;
        if (s && s.status === 200 && s.body.includes(p.token)) seen.story = true;
        if (l && l.body.includes(link)) seen.latest = true;
        if (f && f.body.includes(link)) seen.feed = true;
        if (q && q.body.includes(link)) seen.search = true;
        if (Object.values(seen).every(Boolean)) {
          delays.push(Date.now() - p.at);
          return;
        }
        await sleep(20);
      }
      notSeen.push(`${story}: ${JSON.stringify(seen)}`);
    };

    for (let i = 0; i < EDITORS; i++) {
      const child = fork(path.join(__dirname, 'load-editor.ts'), [dbFile, String(i), String(PAUSE_MS)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on(
        'message',
        (m: { kind: string; message?: string; ms?: number } & Parameters<typeof watch>[0]) => {
          if (m.kind === 'error') editorErrors.push(m.message!);
          else counts[m.kind as keyof typeof counts]++;
          if (m.kind === 'published' && running) {
            publishMs.push(m.ms!);
            checks.push(watch(m));
          }
        },
      );
      editors.push(child);
    }

    const reader = async () => {
      while (running) {
        const { kind, url } = pool[Math.floor(Math.random() * pool.length)]!;
        const t0 = performance.now();
        try {
          const r = await get(base + url, { 'accept-encoding': 'br, gzip' });
          latencies[kind]!.push(performance.now() - t0);
          cacheStates[r.cache] = (cacheStates[r.cache] ?? 0) + 1;
          if (r.status !== 200) readerErrors.push(`${r.status} ${url}`);
        } catch (error) {
          readerErrors.push(`${url}: ${(error as Error).message}`);
        }
      }
    };
    const started = Date.now();
    const readers = Array.from({ length: READERS }, reader);
    await sleep(SECONDS * 1000);
    running = false;
    for (const child of editors) child.send('stop');
    await Promise.all(readers);
    const elapsed = (Date.now() - started) / 1000;
    await Promise.all(
      editors.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())),
    );
    await Promise.all(checks);

    const log = fs.readFileSync(server.logFile, 'utf8');
    const busyInLog = (log.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
    const busyForEditors = editorErrors.filter((e) => /SQLITE_BUSY|database is locked/.test(e)).length;
    const all = Object.values(latencies)
      .flat()
      .sort((a, b) => a - b);
    const row = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return {
        requests: s.length,
        p50: +percentile(s, 50).toFixed(1),
        p95: +percentile(s, 95).toFixed(1),
        p99: +percentile(s, 99).toFixed(1),
        max: +(s.at(-1) ?? NaN).toFixed(1),
      };
    };
    console.log(
      `\nreaders: ${all.length} requests in ${elapsed.toFixed(1)} s = ${(all.length / elapsed).toFixed(0)} rps`,
    );
    console.log('reader latency, ms:');
    console.table({
      ...Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, row(v)])),
      all: row(all),
    });
    console.log('cache states seen by readers:', JSON.stringify(cacheStates));
    console.log(`requests sent again after a keep-alive connection closed under them: ${keepAliveRetries}`);
    console.log(
      `editors: ${counts.published} published (publish transaction p50 ${percentile(
        [...publishMs].sort((a, b) => a - b),
        50,
      )} ms, ` +
        `p99 ${percentile(
          [...publishMs].sort((a, b) => a - b),
          99,
        )} ms), ${counts.edited} edited, ${counts.unpublished} unpublished`,
    );
    const d = [...delays].sort((a, b) => a - b);
    console.log(
      `publish → visible in story page, /latest, feed and search: p50 ${percentile(d, 50)} ms, ` +
        `p99 ${percentile(d, 99)} ms, max ${d.at(-1)} ms (${d.length} of ${counts.published} checked)`,
    );
    const late = d.filter((x) => x > VISIBLE_WITHIN_MS).length;
    console.log(
      `reader errors: ${readerErrors.length}; editor errors: ${editorErrors.length}; SQLITE_BUSY: ${busyForEditors} to editors, ${busyInLog} in the server log; ` +
        `later than ${VISIBLE_WITHIN_MS} ms: ${late}; never seen: ${notSeen.length}`,
    );
    for (const e of [...new Set([...readerErrors, ...editorErrors, ...notSeen])].slice(0, 20))
      console.log(`  ${e}`);
    const ok =
      readerErrors.length === 0 &&
      editorErrors.length === 0 &&
      busyInLog === 0 &&
      late === 0 &&
      notSeen.length === 0;
    console.log(ok ? 'load:writes: OK' : 'load:writes: FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const child of editors) if (child.exitCode === null) child.kill('SIGKILL');
    agent.destroy();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
