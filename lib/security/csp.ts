import { createHash, randomBytes } from 'node:crypto';

/**
 * Content-Security-Policy for reader pages and the newsroom.
 *
 * Reader pages are the same bytes for everyone (the page cache keeps them), so they cannot carry
 * a per-request nonce. Instead the policy lists the SHA-256 of each inline script the page holds
 * that has the exact shape Next and React emit — the flight-data pushes and the streaming
 * runtime — computed from the very bytes that are sent (and kept with the cached copy, so a miss
 * and every later hit send the same policy). Any other inline script, and every event-handler
 * attribute, is blocked: a script that got into an article body does not run.
 */

const COMMON = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "worker-src 'none'",
];

/**
 * CASE: style attributes stay allowed (React renders some: the ticker's duration, image aspect
 * ratios) — they cannot run script, and article bodies lose every style attribute in the
 * sanitiser anyway. Style elements and stylesheets come only from the site itself.
 */
const READER_STATIC = [
  ...COMMON,
  "img-src 'self' data:",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "frame-src 'none'",
  "frame-ancestors 'self'",
];

/** The policy for responses that are not HTML (feeds, sitemaps, media, JSON, redirects). */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/**
 * Next's own inline scripts, and nothing that merely looks like them: the bootstrap that creates
 * the flight queue, a push of one JSON array of [number] / [number, string] (parsed below), and
 * Turbopack's chunk list (both parsed, not pattern-matched, below).
 */
const FLIGHT_BOOTSTRAP = '(self.__next_f=self.__next_f||[]).push([0])';
const FLIGHT_PUSH = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/;
/** Turbopack's runtime bootstrap: the list of the page's chunk files and the runtime modules. */
const CHUNKS_PUSH =
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[\s\S]*\})\);$/;

function isChunkList(code: string): boolean {
  const m = CHUNKS_PUSH.exec(code);
  if (!m) return false;
  try {
    const data = JSON.parse(m[1]!) as Record<string, unknown>;
    const keys = Object.keys(data).sort().join();
    return (
      keys === 'otherChunks,runtimeModuleIds' &&
      Array.isArray(data.otherChunks) &&
      data.otherChunks.every((c) => typeof c === 'string' && /^static\/chunks\/[\w.-]+\.js$/.test(c)) &&
      Array.isArray(data.runtimeModuleIds) &&
      data.runtimeModuleIds.every((id) => typeof id === 'number')
    );
  } catch {
    return false;
  }
}
const SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi;

function isFlightPush(code: string): boolean {
  const m = FLIGHT_PUSH.exec(code);
  if (!m) return false;
  try {
    const data: unknown = JSON.parse(m[1]!);
    // [0] opens, [1, chunk] carries flight data, [2, …] form state, [3, base64] binary data.
    return (
      Array.isArray(data) &&
      data.length >= 1 &&
      data.length <= 2 &&
      typeof data[0] === 'number' &&
      (data.length === 1 || typeof data[1] === 'string' || data[1] === null)
    );
  } catch {
    return false;
  }
}

/** Whether an inline script is one Next/React wrote: its code only, attributes limited to id. */
export function isFrameworkScript(attributes: string, code: string): boolean {
  const attrs = attributes.trim();
  // Next marks its scripts with no attribute, or an id (and `async` on the bootstrap tag).
  if (attrs && !/^(?:id="[\w:-]+"\s*|async(?:="")?\s*)+$/.test(attrs)) return false;
  return code === FLIGHT_BOOTSTRAP || isFlightPush(code) || isChunkList(code);
}

/** The inline scripts' hashes a page needs, in document order, each once. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(SCRIPT)) {
    const attributes = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    // JSON-LD is data, never executed, and CSP does not apply to it: no hash needed.
    if (/\btype\s*=\s*"application\/ld\+json"/i.test(attributes)) continue;
    const code = m[2]!;
    if (!isFrameworkScript(attributes, code)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** The reader CSP for exactly these HTML bytes. */
export function readerCsp(html: Buffer | string): string {
  const text = typeof html === 'string' ? html : html.toString('utf8');
  const scripts = ["script-src 'self'", ...inlineScriptHashes(text)].join(' ');
  return [...READER_STATIC, scripts].join('; ');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The newsroom's policy: a fresh nonce per request (Next reads it from the request's own
 * Content-Security-Policy header and puts it on every script it writes) and 'strict-dynamic',
 * so the scripts those load may load theirs. Never framed, never cached.
 */
export function newsroomCsp(nonce: string): string {
  return [
    ...COMMON,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
  ].join('; ');
}
