import type http from 'node:http';

const BAD_REQUEST_TEXT =
  'طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: the address is not validly encoded.\n';
const TOO_LARGE_TEXT = 'الطلب أكبر من المسموح.\nRequest too large.\n';
const BAD_TYPE_TEXT = 'نوع المحتوى غير مقبول.\nUnsupported content type.\n';
const CROSS_SITE_TEXT = 'طلب من موقع آخر مرفوض.\nCross-site request refused.\n';
// Next's default serverActions.bodySizeLimit ("1mb"); past it Next throws and answers 500.
const ACTION_BODY_LIMIT = 1024 * 1024;

function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
  return true;
}

/**
 * Answers hostile requests Next itself would answer with a 500, and returns true when it did:
 * - a path Next cannot decode (`%`, `%FF`, an overlong `%C0%AF`): 400. The proxy does this for
 *   pages, but it never sees /api/ and /media/, where Next's param decoding throws first;
 * - a server-action POST that declares a body over the action body limit (413), has a content
 *   type React never sends (415) or comes from another origin (403).
 */
export function refuseHostileRequest(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const pathname = (req.url ?? '/').split('?')[0]!;
  try {
    decodeURIComponent(pathname);
  } catch {
    return refuse(req, res, 400, BAD_REQUEST_TEXT);
  }
  if (req.method === 'POST' && req.headers['next-action']) {
    if (Number(req.headers['content-length'] ?? 0) > ACTION_BODY_LIMIT) {
      return refuse(req, res, 413, TOO_LARGE_TEXT);
    }
    // React sends an action's arguments as text/plain (JSON) or multipart/form-data; Next throws
    // on anything else.
    const type = req.headers['content-type'];
    if (type && !/^(?:text\/plain\b|multipart\/form-data\s*;.*\bboundary=)/i.test(type)) {
      return refuse(req, res, 415, BAD_TYPE_TEXT);
    }
    // The same rule as Next's own CSRF check (Origin against X-Forwarded-Host or Host), answered
    // 403 instead of the 500 Next throws.
    const origin = req.headers.origin;
    if (origin !== undefined && hostOf(origin) !== (req.headers['x-forwarded-host'] ?? req.headers.host)) {
      return refuse(req, res, 403, CROSS_SITE_TEXT);
    }
  }
  return false;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
