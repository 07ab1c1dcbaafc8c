import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { rawRequest, type RawResponse } from '../helpers/node-http';
import { comparableCsp } from '../helpers/pages';
import { markEveryPageStale, openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

const base = inject('baseURL');
let db: Db;
let account: Awaited<ReturnType<typeof signedInUser>>;
let article = '';
let media = '';

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  account = await signedInUser(db, 'headers', 'editor', 'محررة الترويسات');
  const home = await rawRequest(base, '/');
  article = new URL(/href="(\/news\/\d+\/[^"]+)"/.exec(home.body)![1]!, base).pathname;
  media = /(\/media\/[\w.-]+\.webp)/.exec(home.body)![1]!;
});
afterAll(async () => {
  await account.remove();
  await closeDb(db);
});

/** A write from another connection: the server notices it (data_version) and re-renders. */
/**
 * A write from outside the server, so its next request is a miss. The server reads data_version
 * at most every 2 ms (lib/page-cache/change-gate.ts): waiting past that window makes the next
 * request see the write, and the one after it hit the copy that request stored.
 */

/** Ignoring the headers that differ by nature: the date, the connection, the cache state. */
function comparable(headers: RawResponse['headers']) {
  const skip = new Set(['date', 'connection', 'keep-alive', 'x-midad-cache', 'x-request-id']);
  // Each answer names its own request; that it names one at all is part of the set.
  expect(headers['x-request-id']).toMatch(/^[\w.:-]{8,64}$/);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !skip.has(name)));
}

function expectSecurityHeaders(res: RawResponse, where: string, kind: 'reader' | 'newsroom') {
  const h = res.headers;
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(h['cross-origin-opener-policy'], where).toBe('same-origin');
  expect(h['cross-origin-resource-policy'], where).toBe('same-site');
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics'])
    expect(h['permissions-policy'], where).toContain(`${feature}=()`);
  expect(h['x-powered-by'], where).toBeUndefined();
  // The test server's SITE_URL is http: no HSTS (the unit test covers https).
  expect(h['strict-transport-security'], where).toBeUndefined();
  const csp = String(h['content-security-policy'] ?? '');
  expect(csp, where).toMatch(/object-src 'none'|default-src 'none'/);
  expect(csp, where).not.toMatch(/unsafe-eval|script-src[^;]*(?:unsafe-inline|\*)/);
  expect(csp.length, where).toBeLessThan(4096);
  if (kind === 'newsroom') {
    expect(h['x-frame-options'], where).toBe('DENY');
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).toMatch(/script-src 'nonce-[\w+/=]+' 'strict-dynamic'/);
  } else {
    expect(csp, where).toContain("frame-ancestors 'self'");
  }
}

describe('security headers on every response', () => {
  it('reader pages, feed, 404 and media: the same set on a miss, a hit, a 304 and a HEAD', async () => {
    for (const p of ['/', article, '/category/economy', '/feed.xml', '/no-such-page', media]) {
      await markEveryPageStale(db);
      const miss = await rawRequest(base, p);
      const hit = await rawRequest(base, p);
      expectSecurityHeaders(miss, `${p} miss`, 'reader');
      expectSecurityHeaders(hit, `${p} hit`, 'reader');
      if (p !== media && p !== '/no-such-page') {
        expect(miss.headers['x-midad-cache'], p).toBe('miss');
        expect(hit.headers['x-midad-cache'], p).toBe('hit');
        expect(comparable(hit.headers), p).toEqual(comparable(miss.headers));
        const revalidated = await rawRequest(base, p, {
          headers: { 'if-none-match': String(hit.headers.etag) },
        });
        expect(revalidated.status, p).toBe(304);
        expectSecurityHeaders(revalidated, `${p} 304`, 'reader');
        expect(revalidated.headers['content-security-policy']).toBe(hit.headers['content-security-policy']);
        if (p.endsWith('.xml')) expect(hit.headers['content-security-policy']).toMatch(/^default-src 'none'/);
        else expect(hit.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
      }
      await markEveryPageStale(db);
      const headMiss = await rawRequest(base, p, { method: 'HEAD' });
      const headHit = await rawRequest(base, p, { method: 'HEAD' });
      expectSecurityHeaders(headMiss, `${p} HEAD`, 'reader');
      // A HEAD renders anew: its own hashes, which on PostgreSQL may be another render's (pages.ts).
      expect(comparableCsp(headMiss.headers['content-security-policy']), p).toBe(
        comparableCsp(hit.headers['content-security-policy']),
      );
      expect(headHit.headers['content-security-policy'], p).toBe(headMiss.headers['content-security-policy']);
    }
  });

  it("the proxy's own answers, route handlers and Next's files carry them too", async () => {
    const cases: [string, number][] = [
      ['/latest/', 301],
      ['/%E0%A4%A', 400],
      ['/robots.txt', 200],
      ['/sitemap.xml', 200],
      ['/api/health', 200],
      ['/media/nothing-here.webp', 404],
    ];
    for (const [p, status] of cases) {
      const res = await rawRequest(base, p);
      expect(res.status, p).toBe(status);
      expectSecurityHeaders(res, p, 'reader');
    }
    const home = await rawRequest(base, '/');
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home.body)![1]!;
    expectSecurityHeaders(await rawRequest(base, chunk), chunk, 'reader');
  });

  it('the newsroom: no framing, a fresh nonce each time, never cached', async () => {
    const nonces = new Set<string>();
    for (const [p, cookie] of [
      ['/admin/login', ''],
      ['/admin', account.cookie],
      ['/admin/articles', account.cookie],
      ['/admin', ''], // → the login page
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await rawRequest(base, p!, { method, headers: cookie ? { cookie } : {} });
        expect(res.status, p).toBeLessThan(400);
        expectSecurityHeaders(res, `${method} ${p}`, 'newsroom');
        expect(res.headers['x-midad-cache']).toBeUndefined();
        expect(res.headers['cache-control']).toContain('no-store');
        const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))![1]!;
        nonces.add(nonce);
        // Every script Next writes carries this response's nonce.
        for (const tag of res.body.match(/<script\b[^>]*>/g) ?? [])
          expect(tag, p).toContain(`nonce="${nonce}"`);
      }
    }
    expect(nonces.size).toBe(8);
  });
});
