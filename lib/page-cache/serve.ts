import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { tagsForPage } from '@/lib/cache-tags';
import type { CachedPage, PageCacheStore } from './store';

const PRIVATE_PREFIXES = ['/admin', '/en/admin', '/api/', '/_next/', '/media/'];
/** The response headers a cached page keeps; everything else is Next's internal business. */
const KEPT_HEADERS = ['content-type', 'link', 'x-robots-tag', 'content-language', 'last-modified'];
/** The only query parameters reader pages read; others (utm_source, cache busters) share a key. */
const QUERY_KEYS = ['page', 'q', 'section', 'from', 'to'];
const STORABLE_TYPES = /^(?:text\/html|text\/plain|application\/(?:rss\+)?xml|text\/xml)/;
/**
 * Browsers revalidate every time (a cheap 304); a CDN in front may keep a page a minute and serve
 * it stale for ten more while it refetches. Without a CDN, a publish shows at once.
 */
export const READER_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
/** A follower waits this long for the one render of its page before rendering it itself. */
const FOLLOWER_PATIENCE_MS = 10_000;

/**
 * Whether a request may be answered from (and stored in) the shared page cache: anonymous
 * GET/HEAD for reader pages only — never the newsroom, a logged-in user, a server action or a
 * React Server Components request (those would be a different body under the same URL).
 */
export function isCacheable(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  if (PRIVATE_PREFIXES.some((p) => url.startsWith(p))) return false;
  if (/[?&]_rsc=/.test(url)) return false;
  const h = req.headers;
  if (h.rsc || h['next-router-prefetch'] || h['next-action'] || h['next-router-state-tree']) return false;
  if (/(?:^|;\s*)midad_session=/.test(h.cookie ?? '')) return false;
  return true;
}

/** The cache key of a reader URL: its path and the query parameters pages read, in one order. */
export function cacheKey(url: string): string {
  const parsed = new URL(url, 'http://x');
  const kept = QUERY_KEYS.flatMap((k) => parsed.searchParams.getAll(k).map((v) => [k, v]));
  return kept.length ? `${parsed.pathname}?${new URLSearchParams(kept)}` : parsed.pathname;
}

/** The best encoding the client accepts among the copies kept: brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

type State = 'hit' | 'stale' | 'coalesced';

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, state: State): void {
  const headers: OutgoingHttpHeaders = {
    ...page.headers,
    etag: page.etag,
    'cache-control': READER_CACHE_CONTROL,
    vary: 'Accept-Encoding',
    'x-midad-cache': state,
  };
  if (matchesEtag(req.headers['if-none-match'], page.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body;
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(page.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface CachingOptions {
  store: PageCacheStore;
  /** Called before each cacheable request: lets the caller notice changes made elsewhere. */
  beforeLookup?: () => void;
}

/**
 * Wraps Next's request handler with the page cache. A fresh page is sent from memory. A stale
 * one (invalidated, or older than the store's max age) is re-rendered by the first request that
 * finds it — so whoever looks right after a publish sees it — while requests arriving during that
 * render get the stale copy. A page not in the cache at all is rendered once: requests arriving
 * meanwhile wait for that render instead of starting their own (no stampede).
 */
export function withPageCache(handle: Handler, { store, beforeLookup }: CachingOptions): Handler {
  const rendering = new Map<string, Promise<CachedPage | null>>();

  const render = (req: IncomingMessage, res: ServerResponse, key: string) => {
    let settle!: (page: CachedPage | null) => void;
    const flight = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    const finish = (page: CachedPage | null) => {
      if (rendering.get(key) === flight) rendering.delete(key);
      settle(page);
    };
    rendering.set(key, flight);
    res.once('close', () => finish(null));
    const generation = store.generation;
    renderThrough(req, res, handle, (body) => {
      const stored = storable(req, res)
        ? store.set(
            key,
            { status: 200, headers: keptHeaders(res), body, tags: tagsForPage(pathOf(key), body) },
            { stale: generation !== store.generation },
          )
        : null;
      finish(stored);
    });
  };

  return (req, res) => {
    if (!isCacheable(req)) return handle(req, res);
    beforeLookup?.();
    const key = cacheKey(req.url ?? '/');
    const page = store.peek(key);
    const flight = rendering.get(key);
    if (page && !page.stale) {
      store.count('hits');
      return sendCached(req, res, page, 'hit');
    }
    if (page && flight) {
      store.count('staleHits');
      return sendCached(req, res, page, 'stale');
    }
    if (flight) {
      store.count('coalesced');
      const patience = new Promise<null>((resolve) =>
        setTimeout(resolve, FOLLOWER_PATIENCE_MS, null).unref(),
      );
      void Promise.race([flight, patience]).then((rendered) => {
        if (rendered && !res.headersSent) sendCached(req, res, rendered, 'coalesced');
        else renderThrough(req, res, handle);
      });
      return;
    }
    store.count('misses');
    if (req.method === 'GET') render(req, res, key);
    else renderThrough(req, res, handle);
  };
}

function pathOf(key: string): string {
  return key.split('?')[0]!;
}

function storable(req: IncomingMessage, res: ServerResponse): boolean {
  return (
    req.method === 'GET' &&
    res.statusCode === 200 &&
    !res.getHeader('set-cookie') &&
    STORABLE_TYPES.test(String(res.getHeader('content-type') ?? ''))
  );
}

function keptHeaders(res: ServerResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

/**
 * Lets Next answer a cacheable request, uncompressed (the cache keeps its own compressed copies),
 * with Next's internal headers removed and, on a page the cache will keep, the same public
 * Cache-Control a hit carries. `onBody` receives the whole body once it is sent.
 */
function renderThrough(
  req: IncomingMessage,
  res: ServerResponse,
  handle: Handler,
  onBody?: (body: Buffer) => void,
): void {
  delete req.headers['accept-encoding'];
  res.setHeader('x-midad-cache', 'miss');
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    for (const name of res.getHeaderNames())
      if (name.startsWith('x-nextjs-') || name.startsWith('x-middleware-')) res.removeHeader(name);
    if (storable(req, res)) {
      res.setHeader('cache-control', READER_CACHE_CONTROL);
      res.setHeader('vary', 'Accept-Encoding');
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
  if (!onBody) return handle(req, res);

  const chunks: Buffer[] = [];
  const keep = (chunk: unknown) => {
    if (chunk && typeof chunk !== 'function')
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk);
    const result = end(chunk, ...rest);
    onBody(Buffer.concat(chunks));
    return result;
  }) as typeof res.end;
  handle(req, res);
}
