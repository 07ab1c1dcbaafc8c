import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPageCache, withoutPageCache } from '@/lib/page-cache/serve';
import { PageCacheStore } from '@/lib/page-cache/store';
import { readerCsp } from '@/lib/security/csp';
import { editionOf, isErrorShell, notFoundToken } from '@/lib/server/not-found-page';

const SHELL =
  '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>self.__next_f.push([1,"shell"])</script></body></html>';
const fullPage = (locale: string) =>
  `<!DOCTYPE html><html lang="${locale}"><body><h1>404 ${locale}</h1><script>self.__next_f.push([1,"${locale}"])</script></body></html>`;

/** Next as the cache sees it: unknown paths answer the error shell, the internal 404 page a 200. */
let internalUp = true;
let internalRenders = 0;
function fakeNext(req: IncomingMessage, res: ServerResponse) {
  const internal = /^(\/en)?\/missing\/(.+)$/.exec(req.url ?? '');
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (internal && internal[2] === notFoundToken() && internalUp) {
    internalRenders++;
    return void res.end(fullPage(internal[1] ? 'en' : 'ar'));
  }
  if (req.url === '/' || req.url === '/en') return void res.end(fullPage('home'));
  res.statusCode = 404;
  res.setHeader('content-length', Buffer.byteLength(SHELL));
  res.end(SHELL);
}

describe('the 404 shell is sent as the complete 404 page', () => {
  const servers: http.Server[] = [];
  const bases: Record<'cached' | 'uncached', string> = { cached: '', uncached: '' };
  const saved = { PORT: process.env.PORT, HOST: process.env.HOST };

  beforeAll(async () => {
    const listen = async (handler: http.RequestListener) => {
      const server = http.createServer(handler);
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    bases.cached = await listen(withPageCache(fakeNext, { store: new PageCacheStore() }));
    bases.uncached = await listen(withoutPageCache(fakeNext));
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** The internal page is fetched from "this server", whose address comes from PORT and HOST. */
  const get = (mode: 'cached' | 'uncached', path: string, method = 'GET') => {
    process.env.PORT = new URL(bases[mode]).port;
    process.env.HOST = '127.0.0.1';
    return fetch(bases[mode] + path, { method });
  };

  it.each(['cached', 'uncached'] as const)(
    '%s: the edition of the URL, its policy and its length',
    async (mode) => {
      for (const [path, locale] of [
        ['/no-such-page', 'ar'],
        ['/en/no-such-page', 'en'],
        ['/category/x?page=9', 'ar'],
      ] as const) {
        const res = await get(mode, path);
        const body = await res.text();
        expect(res.status, path).toBe(404);
        expect(body, path).toBe(fullPage(locale));
        expect(res.headers.get('content-length'), path).toBe(String(Buffer.byteLength(body)));
        expect(res.headers.get('content-security-policy'), path).toBe(readerCsp(body));
      }
    },
  );

  it('a HEAD answers with the GET headers and no body', async () => {
    const get_ = await get('cached', '/en/nothing');
    const head = await get('cached', '/en/nothing', 'HEAD');
    expect(head.status).toBe(404);
    expect(head.headers.get('content-length')).toBe(get_.headers.get('content-length'));
    expect(head.headers.get('content-security-policy')).toBe(get_.headers.get('content-security-policy'));
    expect(await head.text()).toBe('');
  });

  it('the internal page is kept by the page cache, not rendered for every 404', async () => {
    await get('cached', '/one-404');
    internalRenders = 0;
    await get('cached', '/two-404');
    await get('cached', '/three-404');
    expect(internalRenders).toBe(0);
  });

  it('when the internal page cannot be had, the shell still answers 404 (and nothing loops)', async () => {
    internalUp = false;
    try {
      const res = await get('uncached', '/no-such-page');
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).toBe(SHELL);
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(SHELL)));
      expect(res.headers.get('content-security-policy')).toBe(readerCsp(SHELL));
    } finally {
      internalUp = true;
    }
  });
});

describe('helpers', () => {
  it('tells the error shell from a page', () => {
    expect(isErrorShell(Buffer.from(SHELL))).toBe(true);
    expect(isErrorShell(Buffer.from(fullPage('ar')))).toBe(false);
  });

  it.each([
    ['/', 'ar'],
    ['/news/1/x', 'ar'],
    ['/english', 'ar'],
    ['/en', 'en'],
    ['/en?page=2', 'en'],
    ['/en/category/x', 'en'],
  ])('%s is in the %s edition', (url, locale) => {
    expect(editionOf(url)).toBe(locale);
  });
});
