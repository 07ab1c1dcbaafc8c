import type { IncomingMessage, ServerResponse } from 'node:http';
import { getSiteUrl } from '@/lib/config';
import { NON_HTML_CSP, newNonce, newsroomCsp } from './csp';
import { isNewsroomPath, securityHeaders } from './headers';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The layer in front of Next: every response Next gives — pages, the proxy's own answers,
 * redirects, route handlers, media, Next's static files, 304s and HEADs — starts with the
 * security headers already set. The page cache's own answers (hits and their 304s) send the
 * same set from the header list kept with each page (lib/page-cache/serve.ts). Reader HTML gets its hashed policy where its bytes are known
 * (lib/page-cache/serve.ts); the newsroom gets a fresh nonce, which Next reads from the
 * request's Content-Security-Policy header and writes on each of its scripts.
 */
export function withSecurityHeaders(handle: Handler): Handler {
  // The site's URL does not change while the server runs: the two sets are built once.
  const siteUrl = getSiteUrl();
  const reader = Object.entries({
    ...securityHeaders('reader', siteUrl),
    'content-security-policy': NON_HTML_CSP,
  });
  const newsroom = Object.entries(securityHeaders('newsroom', siteUrl));
  return (req, res) => {
    if (isNewsroomPath(req.url ?? '/')) {
      for (const [name, value] of newsroom) res.setHeader(name, value);
      const policy = newsroomCsp(newNonce());
      req.headers['content-security-policy'] = policy;
      res.setHeader('content-security-policy', policy);
    } else {
      for (const [name, value] of reader) res.setHeader(name, value);
    }
    handle(req, res);
  };
}
