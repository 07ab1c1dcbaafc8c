import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { format } from 'node:util';
import pino from 'pino';
import { remembered } from '@/lib/page-cache/hot-path';
import { cacheStateOf, setRequestId } from './response-notes';

/**
 * Structured logs: one JSON object a line on stdout, for a log shipper. Every line written
 * while a request is served carries its request id (kept in AsyncLocalStorage, so the lines
 * Next and our own code write with console.* get it too). Query strings, headers and bodies
 * are never logged — tokens travel in them — and the usual secret keys are redacted anyway.
 * JSON escaping keeps a CR or LF from a path or a user agent inside its line.
 */
const store = new AsyncLocalStorage<{ reqId: string }>();

/**
 * Lines wait in memory and reach stdout in batches: under load one write(2) carries many lines
 * instead of one each (a synchronous write per line, with its byte count and copy, was a tenth
 * of a cache hit). CASE: what can be lost. The batch is written synchronously FLUSH_MS after its
 * first line, as soon as it holds MAX_BATCH lines, and at exit: graceful shutdown, a fatal error
 * and process.exit all run the exit handler below, so they lose nothing; only a kill -9 or a
 * crash of Node itself can lose the last FLUSH_MS of lines.
 */
const FLUSH_MS = 5;
const MAX_BATCH = 128;
const destination = pino.destination({ dest: 1, sync: true });
let batch: string[] = [];
let flushTimer: NodeJS.Timeout | undefined;
function flushLines(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (batch.length === 0) return;
  const lines = batch.join('');
  batch = [];
  destination.write(lines);
}
process.on('exit', flushLines);
const output = {
  write(line: string) {
    batch.push(line);
    if (batch.length >= MAX_BATCH) flushLines();
    else flushTimer ??= setTimeout(flushLines, FLUSH_MS).unref();
  },
  flush(callback?: (error?: Error) => void) {
    flushLines();
    callback?.();
  },
};

/**
 * The clock and the id maker as Node has them: Next wraps both once its server loads (to notice
 * them in prerenders), and a wrapped call on every request line costs a store lookup each.
 */
const wallClock = Date.now;
const newRequestId = randomUUID;

/** ISO time, formatted once per millisecond however many lines share it. */
let stampedAt = -1;
let stamp = '';
function isoTime(): string {
  const now = wallClock();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return stamp;
}

const FORMAT = {
  base: undefined,
  timestamp: isoTime,
  formatters: { level: (label: string) => ({ level: label }) },
};

export const logger = pino(
  {
    ...FORMAT,
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
  output,
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
  return typeof given === 'string' && SAFE_ID.test(given) ? given : newRequestId();
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

/** logPath as JSON, remembered for the few URLs most requests ask for. */
const pathJson = remembered((url) => JSON.stringify(logPath(url)));
/** The user agent as JSON, bounded; browsers send a handful of distinct ones. */
const agentJson = remembered((ua) => JSON.stringify(ua.slice(0, 200)));

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * One line a request (method, path, status, ms, cache state), the id echoed to the client (see
 * lib/server/response-notes.ts). The line is written as pino writes its lines, field by field
 * and without pino: its generic serialiser and redaction pass cost more than the rest of a cache
 * hit. None of its fields can hold a secret: no query string, no header but the user agent, and
 * every string is JSON-escaped, so a CR or LF in a path or user agent stays inside the line.
 */
export function withRequestLog(handler: Handler): Handler {
  return (req, res) => {
    const reqId = requestId(req);
    setRequestId(res, reqId);
    const started = performance.now();
    res.on('close', () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const cache = cacheStateOf(res);
      // The method is one llhttp accepted (letters and dashes); the id is SAFE_ID or a UUID.
      output.write(
        `{"level":"info"${isoTime()},"reqId":"${reqId}","method":"${req.method}","path":${pathJson(req.url ?? '/')},"status":${res.statusCode},"ms":${ms},"cache":${cache === null ? 'null' : JSON.stringify(cache)},"ua":${agentJson(String(req.headers['user-agent'] ?? ''))}${res.writableFinished ? '' : ',"aborted":true'},"msg":"request"}\n`,
      );
    });
    return store.run({ reqId }, handler, req, res);
  };
}
