import type http from 'node:http';

const BAD_REQUEST_TEXT =
  'طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: the address is not validly encoded.\n';

/**
 * Answers 400 to a path Next cannot decode (`%`, `%FF`, an overlong `%C0%AF`) and returns true.
 * The proxy does this for pages, but it never sees /api/ and /media/, and there Next's own
 * param decoding throws before any handler runs and answers 500.
 */
export function refuseMalformedUrl(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const pathname = (req.url ?? '/').split('?')[0]!;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    res.writeHead(400, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : BAD_REQUEST_TEXT);
    return true;
  }
}
