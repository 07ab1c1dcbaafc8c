import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { rawRequest } from '../helpers/node-http';
import { comparable, comparableCsp } from '../helpers/pages';
import { markEveryPageStale, openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let db: Db;
let article = '';

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  const home = await rawRequest(base, '/');
  article = new URL(/href="(\/news\/\d+\/[^"]+)"/.exec(home.body)![1]!, base).pathname;
});
afterAll(() => closeDb(db));

/** A write from another connection: the server marks every page stale, so the next request renders. */
const coldKey = () => markEveryPageStale(db);

const MARK = 'poison-mark';

/** Each request a visitor could send first to shape the copy everyone else then gets. */
function poisons(
  p: string,
): { name: string; path: string; headers?: Record<string, string>; body?: string }[] {
  const join = p.includes('?') ? '&' : '?';
  const [pathname, query] = p.split('?');
  return [
    { name: 'RSC: 1', path: p, headers: { rsc: '1' } },
    { name: 'Next-Router-State-Tree', path: p, headers: { 'next-router-state-tree': '%5B%22%22%5D' } },
    { name: 'Next-Router-Prefetch', path: p, headers: { 'next-router-prefetch': '1' } },
    { name: 'Next-Router-Segment-Prefetch', path: p, headers: { 'next-router-segment-prefetch': '/_tree' } },
    { name: 'Next-Action', path: p, headers: { 'next-action': 'a'.repeat(40) } },
    { name: 'Host', path: p, headers: { host: 'evil.example' } },
    { name: 'X-Forwarded-Host', path: p, headers: { 'x-forwarded-host': 'evil.example' } },
    { name: 'X-Forwarded-Proto', path: p, headers: { 'x-forwarded-proto': 'https' } },
    { name: 'Accept-Language', path: p, headers: { 'accept-language': 'en-US,en;q=0.9' } },
    { name: 'NEXT_LOCALE cookie', path: p, headers: { cookie: 'NEXT_LOCALE=en' } },
    { name: 'X-Original-URL', path: p, headers: { 'x-original-url': '/admin' } },
    { name: 'X-Rewrite-URL', path: p, headers: { 'x-rewrite-url': '/admin' } },
    { name: 'X-HTTP-Method-Override', path: p, headers: { 'x-http-method-override': 'DELETE' } },
    {
      name: 'x-middleware-subrequest',
      path: p,
      headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    },
    { name: '_rsc', path: `${p}${join}_rsc=${MARK}` },
    { name: '.rsc suffix', path: `${pathname}.rsc${query ? `?${query}` : ''}` },
    { name: 'tracking parameters', path: `${p}${join}utm_source=${MARK}&fbclid=${MARK}` },
    { name: 'repeated kept parameter', path: `${p}${join}page=${MARK}&q=${MARK}&page=2` },
    {
      name: 'GET with a body',
      path: p,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `q=${MARK}&page=2`,
    },
  ];
}

describe('the page cache cannot be poisoned', () => {
  it('renders the same bytes twice for a clean request (the baseline is stable)', async () => {
    for (const p of ['/', article, '/category/economy', '/feed.xml']) {
      await coldKey();
      const a = await rawRequest(base, p);
      await coldKey();
      const b = await rawRequest(base, p);
      expect(a.headers['x-midad-cache'], p).toBe('miss');
      expect(b.headers['x-midad-cache'], p).toBe('miss');
      // A minute may turn between the two («منذ 3 دقائق»); then a third render must match the second.
      if (comparable(b.body) !== comparable(a.body)) {
        await coldKey();
        const c = await rawRequest(base, p);
        expect(comparable(c.body), p).toBe(comparable(b.body));
      }
    }
  });

  it('a poisoned first request on a cold key never changes what the next clean request gets', async () => {
    const pages = [
      '/',
      article,
      '/category/economy',
      '/latest?page=2',
      '/search?q=%D8%B3%D9%88%D9%82',
      '/en',
      '/feed.xml',
    ];
    for (const p of pages) {
      await coldKey();
      let baseline = await rawRequest(base, p);
      expect(baseline.status, p).toBe(200);
      expect(baseline.body, p).not.toContain(MARK);
      for (const poison of poisons(p)) {
        await coldKey();
        const first = await rawRequest(base, poison.path, { headers: poison.headers, body: poison.body });
        expect(first.status, `${p} ${poison.name}`).toBeLessThan(500);
        const clean = await rawRequest(base, p);
        expect(clean.status, `${p} after ${poison.name}`).toBe(200);
        expect(clean.body, `${p} after ${poison.name}`).not.toContain(MARK);
        // Pages say «منذ 3 دقائق»: a minute can turn between two renders, so the copy the poison
        // left behind must equal a clean render from before it or from a fresh render after it.
        let reference = baseline;
        if (comparable(clean.body) !== comparable(baseline.body)) {
          await coldKey();
          reference = await rawRequest(base, p);
        }
        expect(comparable(clean.body), `${p} after ${poison.name}`).toBe(comparable(reference.body));
        expect(comparableCsp(clean.headers['content-security-policy'])).toBe(
          comparableCsp(reference.headers['content-security-policy']),
        );
        baseline = reference;
      }
    }
  });

  it('the first visitor with tracking parameters gets the clean copy too', async () => {
    await coldKey();
    const first = await rawRequest(base, `${article}?utm_source=${MARK}&utm_campaign=${MARK}`);
    expect(first.headers['x-midad-cache']).toBe('miss');
    expect(first.body).not.toContain(MARK);
  });
});
