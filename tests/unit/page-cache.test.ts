import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { tagsForPath } from '@/lib/cache-tags';
import { isCacheable } from '@/lib/page-cache/serve';
import { PageCacheStore } from '@/lib/page-cache/store';

const page = (tags: string[], size = 10) => ({
  status: 200,
  headers: {},
  body: Buffer.alloc(size, 'a'),
  tags,
});

describe('PageCacheStore', () => {
  it('invalidates by tag and counts hits and misses', () => {
    const store = new PageCacheStore();
    store.set('/', page(['layout', 'home']));
    store.set('/category/sports', page(['layout', 'section:sports']));
    expect(store.get('/')).toBeDefined();
    expect(store.invalidate(['section:sports'])).toBe(1);
    expect(store.get('/category/sports')).toBeUndefined();
    expect(store.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
    expect(store.invalidate(['layout'])).toBe(1);
    expect(store.stats().entries).toBe(0);
  });

  it('stays within its byte budget, dropping the least recently used first', () => {
    const store = new PageCacheStore(40_000);
    for (let i = 0; i < 9; i++) store.set(`/p${i}`, page(['layout'], 4000 + i));
    store.get('/p0');
    store.set('/new', page(['layout'], 4000));
    expect(store.stats().bytes).toBeLessThanOrEqual(40_000);
    expect(store.get('/p0')).toBeDefined();
    expect(store.get('/p1')).toBeUndefined();
  });

  it('gives each stored page an ETag and a gzip copy', () => {
    const entry = new PageCacheStore().set('/', page(['layout'], 1000));
    expect(entry.etag).toMatch(/^"[\w-]+"$/);
    expect(entry.gzip.length).toBeLessThan(1000);
  });
});

describe('what the cache may hold', () => {
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
    [req('/', { cookie: 'a=1; midad_session=abc' }), false],
  ])('%#', (r, expected) => {
    expect(isCacheable(r)).toBe(expected);
  });

  it.each([
    ['/', ['layout', 'home']],
    ['/en', ['layout', 'home']],
    ['/latest', ['layout', 'latest']],
    ['/news/12/x', ['layout', 'article:12']],
    ['/category/sports', ['layout', 'section:sports']],
    [`/tag/${encodeURIComponent('سوريا')}`, ['layout', 'tag:سوريا']],
    ['/author/rana-haddad', ['layout', 'author:rana-haddad']],
    ['/feed.xml', ['layout', 'feeds']],
  ])('tags of %s', (path, tags) => {
    expect(tagsForPath(path)).toEqual(tags);
  });
});
