import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { format } from 'node:util';
import pino from 'pino';

/**
 * Structured logs: one JSON object a line on stdout, for a log shipper. Every line written
 * while a request is served carries its request id (kept in AsyncLocalStorage, so the lines
 * Next and our own code write with console.* get it too). Query strings, headers and bodies
 * are never logged — tokens travel in them — and the usual secret keys are redacted anyway.
 * JSON escaping keeps a CR or LF from a path or a user agent inside its line.
 */
const store = new AsyncLocalStorage<{ reqId: string }>();

export const logger = pino(
  {
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const reqId = store.getStore()?.reqId;
      return reqId ? { reqId } : {};
    },
    redact: {
      paths: [
        'cookie',
        'authorization',
        'password',
        'token',
        '*.cookie',
        '*.authorization',
        '*.password',
        '*.token',
        '*.headers.cookie',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
  },
  // Synchronous: a line written just before process.exit (shutdown, fatal error) is not lost.
  pino.destination({ dest: 1, sync: true }),
);

/** console.* through the logger, so nothing in this process writes an unstructured line. */
export function routeConsoleToLogger(): void {
  const line =
    (level: 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      logger[level](format(...args));
  console.log = line('info');
  console.info = line('info');
  console.warn = line('warn');
  console.error = line('error');
}

/** An incoming X-Request-Id is kept only when it is short and plain (a proxy's id). */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

function requestId(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/** The path without its query (tokens, search words), decoded for reading, bounded. */
export function logPath(url: string | undefined): string {
  const raw = (url ?? '/').split('?')[0]!.slice(0, 300);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/** One line a request (method, path, status, ms, cache state), the id echoed to the client. */
export function withRequestLog(handler: Handler): Handler {
  return (req, res) => {
    const reqId = requestId(req);
    res.setHeader('X-Request-Id', reqId);
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      store.run({ reqId }, () =>
        logger.info(
          {
            method: req.method,
            path: logPath(req.url),
            status: res.statusCode,
            ms: Math.round(ms * 10) / 10,
            cache: res.getHeader('x-midad-cache') ?? null,
            ua: String(req.headers['user-agent'] ?? '').slice(0, 200),
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        ),
      );
    });
    return store.run({ reqId }, () => handler(req, res));
  };
}
