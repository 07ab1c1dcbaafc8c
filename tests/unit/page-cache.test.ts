import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsForArticleChange, tagsForPage, tagsForPath, type ArticleCacheFacts } from '@/lib/cache-tags';
import { cacheKey, isCacheable, pickEncoding, READER_VARY, withPageCache } from '@/lib/page-cache/serve';
import { PageCacheStore } from '@/lib/page-cache/store';

const page = (tags: string[], size = 10) => ({
  status: 200,
  headers: {},
  body: Buffer.alloc(size, 'a'),
  tags,
});

describe('PageCacheStore', () => {
  it('marks pages stale by tag instead of dropping them', () => {
    const store = new PageCacheStore();
    store.set('/', page(['layout', 'home']));
    store.set('/category/sports', page(['layout', 'section:sports']));
    expect(store.invalidate(['section:sports'])).toBe(1);
    expect(store.peek('/category/sports')?.stale).toBe(true);
    expect(store.peek('/')?.stale).toBe(false);
    expect(store.invalidate(['layout'])).toBe(1);
    expect(store.peek('/')?.stale).toBe(true);
    expect(store.stats()).toMatchObject({ entries: 2, invalidations: 2 });
  });

  it('marks a page whose chrome alone carries a tag softly stale, and one whose content does stale', () => {
    const store = new PageCacheStore();
    store.set('/category/sports', page(['~layout', 'section:sports', '~article:9']));
    store.set('/news/9/x', page(['~layout', 'article:9']));
    expect(store.invalidate(['layout', 'article:9'])).toBe(1);
    expect(store.peek('/news/9/x')).toMatchObject({ stale: true });
    expect(store.peek('/category/sports')).toMatchObject({ stale: false, softStale: true });
  });

  it('tells a render that raced an invalidation whether that one concerned its page', () => {
    const store = new PageCacheStore();
    const began = store.generation;
    expect(store.changedSince(began, ['section:sports'])).toBeNull();
    store.invalidate(['section:economy']);
    expect(store.changedSince(began, ['section:sports', '~layout'])).toBeNull();
    store.invalidate(['layout']);
    expect(store.changedSince(began, ['section:sports', '~layout'])).toBe('soft');
    store.invalidate(['section:sports']);
    expect(store.changedSince(began, ['section:sports', '~layout'])).toBe('hard');
    const later = store.generation;
    store.invalidateAll();
    expect(store.changedSince(later, [])).toBe('hard');
    // Beyond what it remembers, every render counts as raced.
    const long = store.generation;
    for (let i = 0; i < 600; i++) store.invalidate(['section:economy']);
    expect(store.changedSince(long, ['section:sports'])).toBe('hard');
  });

  it('counts a page stale once it is older than its maximum age', () => {
    const store = new PageCacheStore(1e6, 1000);
    store.set('/', page(['home']));
    expect(store.peek('/')?.stale).toBe(false);
    expect(store.peek('/', Date.now() + 1500)?.stale).toBe(true);
  });

  it('stays within its byte budget, dropping the least recently used first', () => {
    const store = new PageCacheStore(50_000);
    for (let i = 0; i < 12; i++) store.set(`/p${i}`, page(['layout'], 4000 + i));
    store.peek('/p0');
    store.set('/new', page(['layout'], 4000));
    expect(store.stats().bytes).toBeLessThanOrEqual(50_000);
    expect(store.stats().evicted).toBeGreaterThan(0);
    expect(store.peek('/p0')).toBeDefined();
    expect(store.peek('/p1')).toBeUndefined();
  });

  it('keeps an ETag and gzip and brotli copies that decode to the page', () => {
    const body = Buffer.from('<p>مداد</p>'.repeat(200));
    const entry = new PageCacheStore().set('/', { status: 200, headers: {}, body, tags: [] });
    expect(entry.etag).toMatch(/^"[\w-]+"$/);
    expect(gunzipSync(entry.gzip).equals(body)).toBe(true);
    expect(brotliDecompressSync(entry.br).equals(body)).toBe(true);
    expect(entry.br.length).toBeLessThan(body.length / 10);
  });
});

describe('what the cache may hold, and under which key', () => {
  const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    ({ url, method, headers }) as unknown as IncomingMessage;
  it.each([
    [req('/'), true],
    [req('/category/sports?page=2'), true],
    [req('/feed.xml', {}, 'HEAD'), true],
    [req('/', {}, 'POST'), false],
    [req('/admin'), false],
    [req('/en/admin/articles'), false],
    [req('/api/health'), false],
    [req('/', { rsc: '1' }), false],
    [req('/?_rsc=abc'), false],
    [req('/', { 'next-action': 'x' }), false],
    [req('/', { 'next-router-segment-prefetch': '/_tree' }), false],
    [req('/', { cookie: 'a=1; midad_session=abc' }), false],
    [req('/', { cookie: '__Host-midad_session=abc' }), false],
  ])('%#', (r, expected) => {
    expect(isCacheable(r)).toBe(expected);
  });

  it('keys by path and the parameters pages read, so cache busters share one entry', () => {
    expect(cacheKey('/?utm_source=x&fbclid=1')).toBe('/');
    expect(cacheKey('/category/sports?page=2&ref=a')).toBe('/category/sports?page=2');
    expect(cacheKey('/search?section=tech&q=%D8%AF%D9%85%D8%AC')).toBe(
      cacheKey('/search?q=دمج&section=tech'),
    );
    // A repeated parameter keeps its first value only: the one pages read.
    expect(cacheKey('/latest?page=2&page=9')).toBe('/latest?page=2');
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['identity', null],
    ['*', 'br'],
    ['', null],
  ])('Accept-Encoding %s → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

describe('tags', () => {
  it.each([
    ['/', ['layout', 'home']],
    ['/en', ['layout', 'home']],
    ['/latest', ['layout', 'latest']],
    ['/news/12/x', ['layout', 'article:12']],
    ['/category/sports', ['layout', 'section:sports']],
    [`/tag/${encodeURIComponent('سوريا')}`, ['layout', 'tag:سوريا']],
    ['/author/rana-haddad', ['layout', 'author:rana-haddad']],
    ['/feed.xml', ['layout', 'feeds']],
    ['/sitemap.xml', ['layout', 'sitemaps']],
    ['/en/sitemaps/articles-2026-11.xml', ['layout', 'sitemaps']],
    ['/tag/x/feed.xml', ['layout', 'feeds']],
    ['/search', ['layout', 'search']],
    ['/about', ['layout', 'page:about']],
    ['/en/privacy', ['layout', 'page:privacy']],
  ])('of the URL %s', (path, tags) => {
    expect(tagsForPath(path)).toEqual(tags);
  });

  it('of a page include every article it links to', () => {
    const html = '<a href="/news/7/x">a</a><a href="/en/news/42/y">b</a><a href="https://s/news/7/x">c</a>';
    expect(tagsForPage('/', html).sort()).toEqual(['article:42', 'article:7', 'home', '~layout']);
  });

  it('of a page carry the layout and the stories only its ticker shows softly, and ignore scripts', () => {
    const html =
      '<section aria-labelledby="ticker-label"><ul><li><a href="/news/9/t">t</a></li>' +
      '<li><a href="/news/7/x">x</a></li></ul></section>' +
      '<main><a href="/news/7/x">x</a></main>' +
      '<script>self.__next_f.push([1,"{\\"href\\":\\"/news/9/t\\"}{\\"href\\":\\"/news/11/z\\"}"])</script>';
    expect(tagsForPage('/category/economy', html).sort()).toEqual([
      'article:7',
      'section:economy',
      '~article:9',
      '~layout',
    ]);
  });

  const facts = (over: Partial<ArticleCacheFacts> = {}): ArticleCacheFacts => ({
    id: 5,
    visible: true,
    publishedAt: 1000,
    sectionSlug: 'economy',
    tagSlugs: ['نفط'],
    authorSlugs: ['rana'],
    breaking: false,
    featured: false,
    ...over,
  });

  it('for a story going live: every page, whose ticker it joins, and the listings it joins', () => {
    const listings = ['home', 'latest', 'feeds', 'search', 'section:economy', 'tag:نفط', 'author:rana'];
    for (const tags of [
      tagsForArticleChange(facts({ visible: false }), facts()),
      tagsForArticleChange(null, facts()),
    ])
      expect(tags).toEqual(expect.arrayContaining(['layout', ...listings]));
  });

  it('for a story leaving: the pages linking to it and the listings it shifts', () => {
    const tags = tagsForArticleChange(facts(), facts({ visible: false }));
    expect(tags).toEqual(
      expect.arrayContaining(['article:5', 'home', 'latest', 'section:economy', 'tag:نفط', 'author:rana']),
    );
    expect(tags).not.toContain('layout');
  });

  it('for an edit: only pages linking to it, unless it moves between listings', () => {
    const edit = tagsForArticleChange(facts(), facts());
    expect(edit).toContain('article:5');
    expect(edit).not.toContain('layout');
    expect(edit).not.toContain('section:economy');
    const moved = tagsForArticleChange(facts(), facts({ sectionSlug: 'sports', tagSlugs: [] }));
    expect(moved).toEqual(expect.arrayContaining(['section:economy', 'section:sports', 'tag:نفط']));
    expect(tagsForArticleChange(facts(), facts({ breaking: true }))).toContain('layout');
    expect(tagsForArticleChange(facts(), facts({ featured: true }))).toContain('home');
  });

  it('for a change readers never saw: nothing', () => {
    expect(tagsForArticleChange(facts({ visible: false }), facts({ visible: false }))).toEqual([]);
  });
});

describe('withPageCache in front of a slow renderer', () => {
  const store = new PageCacheStore();
  let renders = 0;
  let version = 1;
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    const slowPage = (req: IncomingMessage, res: http.ServerResponse) => {
      renders++;
      const body = `<html><a href="/news/3/x">v${version}</a>${req.url}</html>`;
      setTimeout(() => {
        if (req.url?.startsWith('/missing')) {
          res.statusCode = 404;
          res.setHeader('content-type', 'text/html');
          return void res.end('nope');
        }
        if (req.url?.startsWith('/cookie')) res.setHeader('set-cookie', 'a=1');
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'private, no-store');
        res.setHeader('x-middleware-rewrite', '/ar');
        res.write(body.slice(0, 10));
        res.end(body.slice(10));
      }, 80);
    };
    server = http.createServer(withPageCache(slowPage, { store }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };

  it('renders a page once however many readers ask for it at the same moment', async () => {
    renders = 0;
    const answers = await Promise.all(Array.from({ length: 25 }, () => get('/spike')));
    expect(renders).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.map((a) => a.headers.get('x-midad-cache')).sort()[0]).toBe('coalesced');
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('answers the first reader of a page compressed too, with the same ETag as later hits', async () => {
    const first = await fetch(base + '/first', { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('x-midad-cache')).toBe('miss');
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const body = await first.text();
    const hit = await fetch(base + '/first', { headers: { 'accept-encoding': 'gzip' } });
    expect(hit.headers.get('x-midad-cache')).toBe('hit');
    expect(hit.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await hit.text()).toBe(body);
  });

  it('sends public cache headers and no internal Next headers, compressed on a hit', async () => {
    const first = await get('/headers');
    expect(first.headers.get('cache-control')).toContain('s-maxage=');
    expect(first.headers.get('x-middleware-rewrite')).toBeNull();
    const hit = await fetch(base + '/headers', { headers: { 'accept-encoding': 'br' } });
    expect(hit.headers.get('content-encoding')).toBe('br');
    expect(hit.headers.get('vary')).toBe(READER_VARY);
    expect(await hit.text()).toBe(first.body);
    const revalidate = await get('/headers', { 'if-none-match': `W/${hit.headers.get('etag')}` });
    expect(revalidate.status).toBe(304);
  });

  it('after an invalidation, the next reader gets the new page while others get the old one meanwhile', async () => {
    await get('/story');
    version++;
    store.invalidate(['article:3']);
    renders = 0;
    const [first, ...others] = await Promise.all([
      get('/story'),
      ...Array.from({ length: 5 }, () => new Promise((r) => setTimeout(r, 20)).then(() => get('/story'))),
    ]);
    expect(first!.body).toContain(`v${version}`);
    expect(first!.headers.get('x-midad-cache')).toBe('miss');
    expect(others.every((o) => o.headers.get('x-midad-cache') === 'stale')).toBe(true);
    expect(renders).toBe(1);
    expect((await get('/story')).headers.get('x-midad-cache')).toBe('hit');
    expect((await get('/story')).body).toContain(`v${version}`);
  });

  it('re-renders a page whose chrome alone changed at once when idle, and serves it as it is while busy', async () => {
    await get('/soft-a');
    await get('/soft-b');
    const old = version++;
    store.invalidate(['layout']);
    const idle = await get('/soft-a');
    expect(idle.headers.get('x-midad-cache')).toBe('miss');
    expect(idle.body).toContain(`v${version}`);
    // Two renders of pages readers asked for are under way: the soft page waits its turn.
    const busy = [get('/busy-1'), get('/busy-2')];
    await new Promise((r) => setTimeout(r, 20));
    const served = await get('/soft-b');
    expect(served.headers.get('x-midad-cache')).toBe('stale');
    expect(served.body).toContain(`v${old}`);
    await Promise.all(busy);
    const after = await get('/soft-b');
    expect(after.headers.get('x-midad-cache')).toBe('miss');
    expect(after.body).toContain(`v${version}`);
  });

  it('never keeps an error page or a response that sets a cookie', async () => {
    renders = 0;
    await get('/missing');
    expect((await get('/missing')).status).toBe(404);
    await get('/cookie');
    expect((await get('/cookie')).headers.get('x-midad-cache')).toBe('miss');
    expect(renders).toBe(4);
  });
});
