import type { ServerResponse } from 'node:http';

/**
 * What the request log needs to know about a response, kept on the response itself: the request
 * id withRequestLog gave it (lib/server/log.ts), and the page cache's state when the cache wrote
 * the answer. The id is echoed as X-Request-Id by whoever writes the answer's head: the page
 * cache puts it in the one header list a hit sends, the render path sets it before Next runs.
 * CASE: not with setHeader up front: a single header set that way sends every cache hit through
 * Node's slow writeHead, which then validates and merges the page's whole stored set again.
 */
const REQUEST_ID = Symbol('midad.requestId');
const CACHE_STATE = Symbol('midad.cacheState');
type Noted = ServerResponse & { [REQUEST_ID]?: string; [CACHE_STATE]?: string };

export const REQUEST_ID_HEADER = 'x-request-id';

export function setRequestId(res: ServerResponse, id: string): void {
  (res as Noted)[REQUEST_ID] = id;
}

export function requestIdOf(res: ServerResponse): string | undefined {
  return (res as Noted)[REQUEST_ID];
}

/** Sets X-Request-Id on a response whose head someone else (Next, a guard) writes. */
export function echoRequestId(res: ServerResponse): void {
  const id = (res as Noted)[REQUEST_ID];
  if (id !== undefined && !res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
}

/** The x-midad-cache value of an answer the page cache wrote in one writeHead. */
export function noteCacheState(res: ServerResponse, state: string): void {
  (res as Noted)[CACHE_STATE] = state;
}

/** The cache state an answer went out with: noted by the cache, or set as a header by a render. */
export function cacheStateOf(res: ServerResponse): string | null {
  const noted = (res as Noted)[CACHE_STATE];
  if (noted !== undefined) return noted;
  const header = res.getHeader('x-midad-cache');
  return header === undefined ? null : String(header);
}
