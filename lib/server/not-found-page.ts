import { randomUUID } from 'node:crypto';
import { localePrefix } from '@/lib/article-url';
import { selfOrigin } from './gone-page';

/**
 * Next sends a page's notFound() as an empty error shell (`<html id="__next_error__">`: no lang,
 * no header, no text) that only React fills in on the client (vercel/next.js#62228), so a reader
 * without JavaScript sees a blank page. The page cache's send path swaps that shell for the
 * site's own 404 page, rendered with status 200 at a per-process random path
 * (app/[locale]/(site)/missing/[token]) and fetched from this server like the 410 page
 * (lib/server/gone-page.ts). Its copy lives in the page cache under that path, so the page
 * cache's own invalidation keeps its header and footer current.
 */
export const NOT_FOUND_PAGE_SEGMENT = 'missing';

/** Shared through globalThis: the custom server and the page read it in one process. */
export function notFoundToken(): string {
  const g = globalThis as { midadNotFoundToken?: string };
  g.midadNotFoundToken ??= randomUUID();
  return g.midadNotFoundToken;
}

const ERROR_SHELL = '<html id="__next_error__"';

/** Whether a 404 body is Next's empty error shell rather than a server-rendered page. */
export function isErrorShell(body: Buffer): boolean {
  return body.subarray(0, 512).toString('utf8').includes(ERROR_SHELL);
}

/** The edition a URL belongs to: English under /en, Arabic everywhere else. */
export function editionOf(url: string): 'ar' | 'en' {
  return /^\/en(?:[/?#]|$)/.test(url) ? 'en' : 'ar';
}

function isNotFoundPageUrl(url: string): boolean {
  return new URL(url, 'http://x').pathname.endsWith(`/${NOT_FOUND_PAGE_SEGMENT}/${notFoundToken()}`);
}

/**
 * The complete 404 page of the URL's edition, or null when it cannot be had (the server cannot
 * reach itself, or is shutting down): the caller then sends Next's shell as before. The internal
 * page's own URL is never completed this way, so a failure there cannot loop.
 */
export async function fetchNotFoundPage(url: string): Promise<Buffer | null> {
  if (isNotFoundPageUrl(url)) return null;
  const locale = editionOf(url);
  try {
    const inner = await fetch(
      `${selfOrigin()}${localePrefix(locale)}/${NOT_FOUND_PAGE_SEGMENT}/${notFoundToken()}`,
      { redirect: 'error', headers: { accept: 'text/html' }, signal: AbortSignal.timeout(10_000) },
    );
    const html = Buffer.from(await inner.arrayBuffer());
    if (
      inner.status === 200 &&
      /^text\/html/.test(inner.headers.get('content-type') ?? '') &&
      !isErrorShell(html)
    )
      return html;
  } catch {
    // Unreachable or timed out: the shell below still answers 404.
  }
  return null;
}
