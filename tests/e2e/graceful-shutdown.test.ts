import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { ENGINE } from '@/db/engine';
import { articleViews, articles } from '@/db/schema';
import { startServer, type RunningServer } from '../helpers/server';
import { openServerDb } from '../helpers/server-db';

/**
 * SIGTERM with readers in flight (issue 12, part 7): each of them gets its whole page, the
 * listening socket is gone at once, readiness says 503 to whoever is still connected, and the
 * process exits 0 with the database closed (no WAL left behind). Its own server: it stops it.
 */
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({}, { seeded: inject('seededData') });
});

afterAll(async () => {
  await server.stop();
});

function get(url: string): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
      res.on('error', reject);
    });
    req.on('error', (e) => reject(new Error(`${url}: ${e.message}`)));
  });
}

/**
 * A client that connected before the signal and sends its request during the drain (its
 * headers are half written before, finished after): it must still be answered.
 */
function requestAcrossTheSignal(port: number, path: string, signalled: Promise<void>) {
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (raw += c));
    socket.on('close', () => resolve(raw));
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
      void signalled.then(() => socket.write('Connection: close\r\n\r\n'));
    });
  });
}

function connectRefused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function logSays(text: string) {
  for (let i = 0; i < 200; i++) {
    if (fs.readFileSync(server.logFile, 'utf8').includes(text)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the server never logged «${text}»`);
}

describe('SIGTERM drains the server', () => {
  it('finishes all 30 searches in flight, refuses new connections, reports 503 and exits 0', async () => {
    const port = Number(new URL(server.baseURL).port);
    expect((await get(`${server.baseURL}/api/ready`)).status).toBe(200);
    // Three readers counted in memory just before the stop: the drain must write them.
    const viewsOf = async (db: Db, id: number) =>
      (
        await db
          .select({ n: sql`coalesce(sum(${articleViews.count}), 0)`.mapWith(Number) })
          .from(articleViews)
          .where(eq(articleViews.articleId, id))
      )[0]!.n;
    const before = openServerDb(server.dataDir);
    const story = (
      await before
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.status, 'published'), isNull(articles.deletedAt)))
        .limit(1)
    )[0]!.id;
    const viewsBefore = await viewsOf(before, story);
    await closeDb(before);
    for (let i = 0; i < 3; i++) expect((await get(`${server.baseURL}/api/views/${story}`)).status).toBe(200);
    const words = ['الحكومة', 'المدينة', 'الاقتصاد', 'الطقس', 'الرياضة', 'المدرسة'];
    // Distinct queries: none is a page-cache hit, each one is a real render.
    const searches = Array.from({ length: 30 }, (_, i) =>
      get(`${server.baseURL}/search?q=${encodeURIComponent(`${words[i % words.length]} ${i}`)}`),
    );
    let signalled = 0;
    const signal = new Promise<void>((resolve) => {
      // The first answer shows the server is busy with the others: stop it now.
      void Promise.race(searches).then(() => {
        signalled = Date.now();
        process.kill(server.pid, 'SIGTERM');
        resolve();
      });
    });
    const drained = signal.then(() => logSays('SIGTERM received'));
    const readiness = requestAcrossTheSignal(port, '/api/ready', drained);
    await drained;
    await logSays('listener closed');
    expect(await connectRefused(port)).toBe('ECONNREFUSED');

    const answers = await Promise.all(searches);
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    for (const a of answers) expect(a.body).toContain('</html>');
    const finishedAfterSignal = answers.filter((a) => a.at >= signalled).length;
    console.log(`graceful shutdown: ${finishedAfterSignal} of 30 searches finished after SIGTERM`);
    expect(finishedAfterSignal).toBeGreaterThan(0);

    const raw = await readiness;
    expect(raw).toMatch(/^HTTP\/1\.1 503 /);
    expect(raw).toContain('"status":"draining"');

    const code = await server.exited;
    const took = Date.now() - signalled;
    console.log(`graceful shutdown: exited ${code} ${took} ms after SIGTERM`);
    expect(code).toBe(0);
    expect(took).toBeLessThan(10_000);

    // The last connection closed cleanly: the WAL was checkpointed and removed.
    // ENGINE: sqlite-only — the WAL and integrity_check are the SQLite file's; PostgreSQL keeps its
    // own log, so there a clean close is the views below being written.
    if (ENGINE === 'sqlite') {
      const file = path.join(server.dataDir, 'midad.db');
      const wal = `${file}-wal`;
      expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
      const sqlite = new Database(file, { readonly: true });
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      sqlite.close();
    }
    const after = openServerDb(server.dataDir);
    expect(await viewsOf(after, story)).toBe(viewsBefore + 3);
    await closeDb(after);
  });
});
