import http from 'node:http';
import type net from 'node:net';

const BAD_REQUEST_TEXT =
  'طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: the address is not validly encoded.\n';
const BAD_ACTION_BODY_TEXT = 'طلب غير صالح: محتوى الطلب تالف.\nBad request: the request body is malformed.\n';
const TOO_LARGE_TEXT = 'الطلب أكبر من المسموح.\nRequest too large.\n';
const BAD_TYPE_TEXT = 'نوع المحتوى غير مقبول.\nUnsupported content type.\n';
const CROSS_SITE_TEXT = 'طلب من موقع آخر مرفوض.\nCross-site request refused.\n';
// Next's default serverActions.bodySizeLimit ("1mb"); past it Next throws and answers 500.
export const ACTION_BODY_LIMIT = 1024 * 1024;

function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
  return null;
}

/**
 * Answers hostile requests Next itself would answer with a 500. Resolves with the request to
 * hand Next, or null when it answered here:
 * - a path Next cannot decode (`%`, `%FF`, an overlong `%C0%AF`): 400. The proxy does this for
 *   pages, but it never sees /api/ and /media/, where Next's param decoding throws first;
 * - a server-action POST that declares a body over the action body limit (413), has a content
 *   type React never sends (415) or comes from another origin (403);
 * - a server-action POST whose body grows past the limit as it arrives (chunked: no declared
 *   length) (413, and nothing more is read), or whose text body is not JSON (400). Its body is
 *   read here, so Next gets a copy of the request carrying the bytes already read.
 */
export async function admitRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<http.IncomingMessage | null> {
  const pathname = (req.url ?? '/').split('?')[0]!;
  try {
    decodeURIComponent(pathname);
  } catch {
    return refuse(req, res, 400, BAD_REQUEST_TEXT);
  }
  if (req.method !== 'POST' || !req.headers['next-action']) return req;
  if (Number(req.headers['content-length'] ?? 0) > ACTION_BODY_LIMIT) {
    return refuse(req, res, 413, TOO_LARGE_TEXT);
  }
  // React sends an action's arguments as text/plain (JSON) or multipart/form-data; Next throws
  // on anything else.
  const type = req.headers['content-type'];
  const multipart = /^multipart\/form-data\s*;.*\bboundary=/i.test(type ?? '');
  if (type && !multipart && !/^text\/plain\b/i.test(type)) {
    return refuse(req, res, 415, BAD_TYPE_TEXT);
  }
  // The same rule as Next's own CSRF check (Origin against X-Forwarded-Host or Host), answered
  // 403 instead of the 500 Next throws.
  const origin = req.headers.origin;
  if (origin !== undefined && hostOf(origin) !== (req.headers['x-forwarded-host'] ?? req.headers.host)) {
    return refuse(req, res, 403, CROSS_SITE_TEXT);
  }
  const body = await readBodyUpTo(req, ACTION_BODY_LIMIT);
  // CASE: the client went away mid-body: there is no one to answer.
  if (body === 'aborted') {
    res.destroy();
    return null;
  }
  if (body === 'too-large') {
    closeWhenTheClientHasRead(req.socket);
    return refuse(req, res, 413, TOO_LARGE_TEXT);
  }
  // Anything but multipart goes to Next's decodeReply as one JSON text, which throws on
  // anything else.
  if (!multipart && !isJson(body.toString('utf8'))) return refuse(req, res, 400, BAD_ACTION_BODY_TEXT);
  return withBody(req, body);
}

/**
 * The body as it arrives, counted chunk by chunk: past `limit` the request is paused and no more
 * of it is kept, so a chunked body never costs more than one chunk past the limit.
 */
function readBodyUpTo(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | 'too-large' | 'aborted') => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      settle('too-large');
    };
    const onEnd = () => settle(Buffer.concat(chunks, size));
    const onAbort = () => settle('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

/**
 * After a refusal sent while the client is still sending, the server half-closes and waits before
 * it destroys the socket: destroying it with the client's bytes unread sends a reset, and the
 * client loses the answer it had not read yet (RFC 9112 §9.6). Nothing more is read meanwhile:
 * the client's writes stall against the full window instead.
 */
const LINGER_MS = 2000;
function closeWhenTheClientHasRead(socket: net.Socket) {
  // Node's HTTP server calls destroySoon once a `Connection: close` answer is sent.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The same request with `body` as its stream: the original has been read to its end, and Next
 * reads the body from the request object it is handed.
 */
function withBody(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.httpVersion = req.httpVersion;
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.trailers = req.trailers;
  copy.rawTrailers = req.rawTrailers;
  // An IncomingMessage destroyed before its end destroys its socket, the one the answer goes on.
  copy.complete = true;
  copy._destroy = (error, callback) => callback(error);
  if (body.length) copy.push(body);
  copy.push(null);
  return copy;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
