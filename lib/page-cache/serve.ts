import type { IncomingMessage, ServerResponse } from 'node:http';
import { tagsForPath } from '@/lib/cache-tags';
import type { PageCacheStore } from './store';

const PRIVATE_PREFIXES = ['/admin', '/en/admin', '/api/', '/_next/', '/media/'];
const KEPT_HEADERS = ['content-type', 'link', 'vary', 'x-robots-tag', 'content-language'];

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

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface CachingOptions {
  store: PageCacheStore;
  /** Called before each cacheable request: purges the cache when another process changed the data. */
  beforeLookup?: () => void;
}

/** Wraps Next's request handler with the page cache. */
export function withPageCache(handle: Handler, { store, beforeLookup }: CachingOptions): Handler {
  return (req, res) => {
    if (!isCacheable(req)) return handle(req, res);
    beforeLookup?.();
    const key = req.url ?? '/';
    const hit = store.get(key);
    if (hit) {
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const headers: Record<string, string | number> = {
        ...hit.headers,
        etag: hit.etag,
        'cache-control': 'public, max-age=0, must-revalidate',
        vary: 'Accept-Encoding',
        'x-midad-cache': 'hit',
      };
      if (req.headers['if-none-match'] === hit.etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const body = gzip ? hit.gzip : hit.body;
      if (gzip) headers['content-encoding'] = 'gzip';
      headers['content-length'] = body.length;
      res.writeHead(hit.status, headers);
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }

    // A miss: let Next render an uncompressed body, send it on, and keep a copy.
    delete req.headers['accept-encoding'];
    const generation = store.generation;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.setHeader('x-midad-cache', 'miss');
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function')
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      const type = String(res.getHeader('content-type') ?? '');
      if (
        generation === store.generation &&
        req.method === 'GET' &&
        res.statusCode === 200 &&
        !res.getHeader('set-cookie') &&
        /text\/html|xml/.test(type)
      ) {
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name);
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        store.set(key, {
          status: 200,
          headers,
          body: Buffer.concat(chunks),
          tags: tagsForPath(new URL(key, 'http://x').pathname),
        });
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
    handle(req, res);
  };
}
