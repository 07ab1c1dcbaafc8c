import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { tagsForPage } from '@/lib/cache-tags';
import { getSiteUrl } from '@/lib/config';
import { NON_HTML_CSP, readerCsp } from '@/lib/security/csp';
import { isNewsroomPath, securityHeaders } from '@/lib/security/headers';
import { fetchNotFoundPage, isErrorShell } from '@/lib/server/not-found-page';
import { noteCacheState, REQUEST_ID_HEADER, requestIdOf } from '@/lib/server/response-notes';
import { renderRequestHeaders } from './normalise';
import { encodingFor, keyFor } from './hot-path';
import type { CachedPage, PageCacheStore } from './store';

const PRIVATE_PREFIXES = ['/admin', '/en/admin', '/api/', '/_next/', '/media/'];
/** The response headers a cached page keeps; everything else is Next's internal business. */
const KEPT_HEADERS = ['content-type', 'link', 'x-robots-tag', 'content-language', 'last-modified'];
/**
 * What Next varies its answers on. The cache never keeps an RSC answer (see isCacheable), but a
 * CDN in front must still tell the HTML and the flight data of one URL apart.
 */
export const READER_VARY =
  'RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding';
/**
 * The only query parameters reader pages read; others (utm_source, cache busters) share a key.
 * Search's date filters arrive as one `from`/`to` value or as a DateField's three boxes.
 */
const QUERY_KEYS = [
  'page',
  'q',
  'section',
  'from',
  'to',
  'from_d',
  'from_m',
  'from_y',
  'to_d',
  'to_m',
  'to_y',
];
const STORABLE_TYPES = /^(?:text\/html|text\/plain|application\/(?:rss\+)?xml|text\/xml)/;
/**
 * Browsers revalidate every time (a cheap 304); a CDN in front may keep a page a minute and serve
 * it stale for ten more while it refetches. Without a CDN, a publish shows at once.
 */
export const READER_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
/** A follower waits this long for the one render of its page before rendering it itself. */
const FOLLOWER_PATIENCE_MS = 10_000;
/** A softly stale page is re-rendered only while fewer renders than this are under way. */
const SPARE_RENDERS = 1;

/**
 * Whether a request may be answered from (and stored in) the shared page cache: anonymous
 * GET/HEAD for reader pages only — never the newsroom, a logged-in user, a server action or a
 * React Server Components request (those would be a different body under the same URL).
 */
export function isCacheable(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  for (const prefix of PRIVATE_PREFIXES) if (url.startsWith(prefix)) return false;
  if (url.includes('_rsc=') && /[?&]_rsc=/.test(url)) return false;
  const h = req.headers;
  if (
    h.rsc ||
    h['next-router-prefetch'] ||
    h['next-router-segment-prefetch'] ||
    h['next-action'] ||
    h['next-router-state-tree']
  )
    return false;
  if (h.cookie !== undefined && /(?:^|;\s*)(?:__Host-)?midad_session=/.test(h.cookie)) return false;
  return true;
}

/**
 * The cache key of a reader URL: its path and the query parameters pages read, in one order,
 * each once (pages read the first value). It is also the URL the render sees: a parameter
 * dropped here cannot end up in the flight data of the copy everyone else gets.
 */
export function cacheKey(url: string): string {
  const parsed = new URL(url, 'http://x');
  const kept = QUERY_KEYS.flatMap((k) => {
    const v = parsed.searchParams.get(k);
    return v === null ? [] : [[k, v]];
  });
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

type State = 'hit' | 'stale' | 'coalesced' | 'miss';
type HeaderList = (string | number)[];

/**
 * Each cached page's answer headers per cache state and encoding, built once, as the flat list
 * writeHead takes: a hit adds nothing to them but its request id. Weakly held, so they go with
 * the page.
 */
const headerLists = new WeakMap<CachedPage, Partial<Record<State, Partial<Record<Variant, HeaderList>>>>>();
type Variant = 'br' | 'gzip' | 'identity' | 304;

function headerList(page: CachedPage, state: State, variant: Variant): HeaderList {
  let lists = headerLists.get(page);
  if (!lists) headerLists.set(page, (lists = {}));
  const byVariant = (lists[state] ??= {});
  let list = byVariant[variant];
  if (!list) {
    // The same set on a miss, a hit and a 304: the security headers, and the policy kept with the page.
    const headers: OutgoingHttpHeaders = {
      ...securityHeaders('reader', getSiteUrl()),
      ...page.headers,
      etag: page.etag,
      'cache-control': READER_CACHE_CONTROL,
      vary: READER_VARY,
      'x-midad-cache': state,
    };
    if (variant === 'br' || variant === 'gzip') headers['content-encoding'] = variant;
    if (variant !== 304) headers['content-length'] = bodyFor(page, variant).length;
    // The last pair is the request id's, filled in per answer (see answerHead).
    byVariant[variant] = list = [...(Object.entries(headers).flat() as HeaderList), REQUEST_ID_HEADER, ''];
  }
  return list;
}

/**
 * The head of one answer: the page's list with this request's id in its last slot. Node reads
 * the list within writeHead, so one list serves every answer in turn; a response without an id
 * (not behind withRequestLog, as in unit tests) sends the list without its last pair.
 */
function answerHead(res: ServerResponse, list: HeaderList): HeaderList {
  const id = requestIdOf(res);
  if (id === undefined) return list.slice(0, -2);
  list[list.length - 1] = id;
  return list;
}

function bodyFor(page: CachedPage, encoding: 'br' | 'gzip' | 'identity'): Buffer {
  return encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body;
}

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, state: State): void {
  noteCacheState(res, state);
  if (matchesEtag(req.headers['if-none-match'], page.etag)) {
    res.writeHead(304, answerHead(res, headerList(page, state, 304)));
    res.end();
    return;
  }
  const encoding = encodingFor(req.headers['accept-encoding']) ?? 'identity';
  res.writeHead(page.status, answerHead(res, headerList(page, state, encoding)));
  res.end(req.method === 'HEAD' ? undefined : bodyFor(page, encoding));
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
    renderAndKeep(req, res, handle, (body) => {
      const tags = tagsForPage(pathOf(key), body);
      // CASE: a render that raced an invalidation is kept stale only if that one concerns it.
      const raced = store.changedSince(generation, tags);
      const stored = storable(req, res)
        ? store.set(
            key,
            {
              status: 200,
              headers: { ...keptHeaders(res), 'content-security-policy': policyFor(res, body) },
              body,
              tags,
            },
            { stale: raced === 'hard', softStale: raced === 'soft' },
          )
        : null;
      finish(stored);
      return stored;
    });
  };

  return (req, res) => {
    if (!isCacheable(req))
      return needsHashedCsp(req) ? renderThrough(req, res, handle, false) : handle(req, res);
    beforeLookup?.();
    const key = keyFor(req.url ?? '/');
    req.url = key;
    const page = store.peek(key);
    const flight = rendering.get(key);
    // CASE: a page whose chrome alone changed (a new story in the ticker) is re-rendered now
    // only if the server is not already busy rendering: on a busy news day the renders go to
    // the pages whose own content changed, and the rest follow as renders free up.
    const renderSoftNow = page?.softStale === true && !flight && rendering.size < SPARE_RENDERS;
    if (page && !page.stale && !renderSoftNow) {
      store.count(page.softStale ? 'staleHits' : 'hits');
      return sendCached(req, res, page, page.softStale ? 'stale' : 'hit');
    }
    if (page && flight) {
      store.count('staleHits');
      return sendCached(req, res, page, 'stale');
    }
    // CASE: only the normalised request reaches the render (no tracking parameter, forwarded
    // host, locale cookie or router header can shape the copy everyone else gets).
    req.headers = renderRequestHeaders(req.headers, getSiteUrl());
    if (flight) {
      store.count('coalesced');
      const patience = new Promise<null>((resolve) =>
        setTimeout(resolve, FOLLOWER_PATIENCE_MS, null).unref(),
      );
      void Promise.race([flight, patience]).then((rendered) => {
        if (rendered && !res.headersSent) sendCached(req, res, rendered, 'coalesced');
        else renderThrough(req, res, handle, true);
      });
      return;
    }
    store.count('misses');
    render(req, res, key);
  };
}

/**
 * The render path with the cache off (MIDAD_PAGE_CACHE=0): reader HTML is still collected, so
 * its policy is computed from the rendered bytes exactly as the cache would.
 */
export function withoutPageCache(handle: Handler): Handler {
  return (req, res) => (needsHashedCsp(req) ? renderThrough(req, res, handle, false) : handle(req, res));
}

/**
 * Whether an answer may be reader HTML whose inline scripts need hashing. The newsroom has its
 * nonce, and Next's internals, media, API routes and RSC requests are never reader HTML.
 */
function needsHashedCsp(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  if (isNewsroomPath(url) || PRIVATE_PREFIXES.some((p) => url.startsWith(p))) return false;
  return !req.headers.rsc && !/[?&]_rsc=/.test(url);
}

function pathOf(key: string): string {
  return key.split('?')[0]!;
}

/** Computed where the page is stored, from the bytes stored: a miss and each hit send the same. */
function policyFor(res: ServerResponse, body: Buffer): string {
  return /^text\/html/.test(String(res.getHeader('content-type') ?? '')) ? readerCsp(body) : NON_HTML_CSP;
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

function stripInternalHeaders(res: ServerResponse): void {
  for (const name of res.getHeaderNames())
    if (name.startsWith('x-nextjs-') || name.startsWith('x-middleware-')) res.removeHeader(name);
}

/**
 * Lets Next answer a request that will not be stored (a follower that gave up waiting, a logged-in
 * reader, the cache turned off), collected like a stored page so that HTML gets the policy of its
 * own bytes, minus Next's internal headers.
 */
function renderThrough(req: IncomingMessage, res: ServerResponse, handle: Handler, cached: boolean): void {
  renderAndKeep(req, res, handle, () => null, cached);
}

type Callback = (error?: Error | null) => void;

/**
 * Renders the page that will be stored: Next's output is collected rather than streamed, handed
 * to `keep`, and — when kept — sent exactly as a hit would be (compressed, with its ETag and
 * public Cache-Control), so the first reader of a page gets the same bytes as the rest. Anything
 * not kept (a 404, a redirect, a response setting a cookie) is replayed as Next wrote it, except
 * that a 404 sent as Next's empty error shell goes out as the site's complete 404 page.
 */
function renderAndKeep(
  req: IncomingMessage,
  res: ServerResponse,
  handle: Handler,
  keep: (body: Buffer) => CachedPage | null,
  /** Whether this request went through the cache (and so says x-midad-cache: miss). */
  cached = true,
): void {
  const accept = req.headers['accept-encoding'];
  delete req.headers['accept-encoding']; // the cache makes its own compressed copies
  // A HEAD is rendered as the GET it stands for (Next sends no body for a HEAD, and the policy
  // and ETag come from the body); Node itself leaves the body out of the answer.
  const head_ = req.method === 'HEAD';
  if (head_) req.method = 'GET';
  const chunks: Buffer[] = [];
  let head: unknown[] | null = null;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
    );
  };
  const later = (cb: unknown) => {
    if (typeof cb === 'function') process.nextTick(cb as Callback);
  };
  const own = res as unknown as Record<string, unknown>;
  own.writeHead = (...args: unknown[]) => {
    head = args;
    return res;
  };
  own.flushHeaders = () => {};
  own.write = (chunk: unknown, encoding?: unknown, cb?: unknown) => {
    collect(chunk, encoding);
    later(typeof encoding === 'function' ? encoding : cb);
    return true;
  };
  own.end = (chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    collect(chunk, encoding);
    for (const name of ['writeHead', 'flushHeaders', 'write', 'end']) delete own[name];
    if (head) applyHead(res, head);
    const done = () => later([chunk, encoding, cb].find((a) => typeof a === 'function'));
    const rendered = Buffer.concat(chunks);
    // CASE: a 404 that Next sent as its empty error shell goes out as the site's complete 404
    // page (lib/server/not-found-page.ts); its policy is computed below from the bytes sent.
    if (res.statusCode === 404 && isHtml(res) && isErrorShell(rendered)) {
      void fetchNotFoundPage(req.url ?? '/').then((page) => {
        if (page) res.removeHeader('content-length');
        send(page ?? rendered);
        done();
      });
    } else {
      send(rendered);
      done();
    }
    return res;
  };
  const send = (body: Buffer) => {
    const page = keep(body);
    if (head_) req.method = 'HEAD';
    if (page) {
      // The stored copy's headers replace the render's (the request's id among them).
      // Connection stays: it says whether the server is draining (lib/server/shutdown.ts).
      for (const name of res.getHeaderNames()) if (name !== 'connection') res.removeHeader(name);
      req.headers['accept-encoding'] = accept;
      sendCached(req, res, page, 'miss');
    } else {
      stripInternalHeaders(res);
      if (isHtml(res)) res.setHeader('content-security-policy', readerCsp(body));
      if (cached) res.setHeader('x-midad-cache', 'miss');
      if (!res.hasHeader('content-length') && !res.hasHeader('transfer-encoding'))
        res.setHeader('content-length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
    }
  };
  handle(req, res);
}

function isHtml(res: ServerResponse): boolean {
  return /^text\/html/.test(String(res.getHeader('content-type') ?? ''));
}

/** Applies a deferred writeHead(status, [message], [headers]) to the response. */
function applyHead(res: ServerResponse, args: unknown[]): void {
  const [status, ...rest] = args;
  if (typeof status === 'number') res.statusCode = status;
  if (typeof rest[0] === 'string') res.statusMessage = rest.shift() as string;
  const headers = rest[0];
  if (Array.isArray(headers)) {
    const flat = headers.flat() as string[];
    for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(flat[i]!, flat[i + 1]!);
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders))
      if (value !== undefined) res.setHeader(name, value);
  }
}
