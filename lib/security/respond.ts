import type { IncomingMessage, ServerResponse } from 'node:http';
import { getSiteUrl } from '@/lib/config';
import { NON_HTML_CSP, newNonce, newsroomCsp } from './csp';
import { isNewsroomPath, securityHeaders } from './headers';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Outermost layer of the custom server: every response — pages, the proxy's own answers,
 * redirects, route handlers, media, Next's static files, 304s and HEADs — starts with the
 * security headers already set. Reader HTML gets its hashed policy where its bytes are known
 * (lib/page-cache/serve.ts); the newsroom gets a fresh nonce, which Next reads from the
 * request's Content-Security-Policy header and writes on each of its scripts.
 */
export function withSecurityHeaders(handle: Handler): Handler {
  return (req, res) => {
    const newsroom = isNewsroomPath(req.url ?? '/');
    for (const [name, value] of Object.entries(
      securityHeaders(newsroom ? 'newsroom' : 'reader', getSiteUrl()),
    ))
      res.setHeader(name, value);
    if (newsroom) {
      const policy = newsroomCsp(newNonce());
      req.headers['content-security-policy'] = policy;
      res.setHeader('content-security-policy', policy);
    } else {
      res.setHeader('content-security-policy', NON_HTML_CSP);
    }
    handle(req, res);
  };
}
