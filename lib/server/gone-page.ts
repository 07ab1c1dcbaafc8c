import { randomUUID } from 'node:crypto';

/**
 * Next cannot answer 410 from a page, so the proxy answers a deleted story itself, with the
 * body of the site's own "removed" page (app/[locale]/(site)/gone/[token]) fetched from this
 * server. The page lives under a per-process random path, so nobody else reaches it: it exists
 * only to be wrapped in a 410. Shared through globalThis (proxy and pages run in one process).
 */
export function goneToken(): string {
  const g = globalThis as { midadGoneToken?: string };
  g.midadGoneToken ??= randomUUID();
  return g.midadGoneToken;
}

/** This server's own address, for the proxy's one internal request. */
export function selfOrigin(): string {
  const host = process.env.HOST;
  const local = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${process.env.PORT || 3000}`;
}
