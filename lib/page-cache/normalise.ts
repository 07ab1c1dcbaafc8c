import type { IncomingHttpHeaders } from 'node:http';

/**
 * The request headers a cacheable render may see. Reader pages are the same for everyone, so
 * nothing else a visitor sends may shape them: not a forwarded host or protocol, a locale cookie
 * or Accept-Language, Next's router and middleware headers, or a URL-override header some
 * frameworks honour. Anything not listed is dropped before Next sees the request.
 */
const RENDER_HEADERS = ['accept', 'user-agent', 'connection', 'if-none-match'];

/**
 * CASE: the Host of a cacheable render is always the site's own (from SITE_URL): a forged Host
 * cannot reach a page, and absolute URLs in it never name another site.
 */
export function renderRequestHeaders(headers: IncomingHttpHeaders, siteUrl: string): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = { host: new URL(siteUrl).host };
  for (const name of RENDER_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
  // The encoding matters to the cache (it picks the copy to send), never to the render.
  if (headers['accept-encoding'] !== undefined) kept['accept-encoding'] = headers['accept-encoding'];
  return kept;
}
