import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { getDb, type Db } from '@/db/client';
import { getArticleRoute } from '@/db/queries/articles';
import { findLegacyRedirect } from '@/db/queries/redirects';
import { getAuthorBySlug, getRedirectTarget, getSectionBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import {
  articlePath,
  authorPath,
  latestPath,
  localePrefix,
  parseArticlePath,
  parseId,
  sectionPath,
  tagPath,
} from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';
import {
  planLegacyUrl,
  queryParams,
  WORDPRESS_PARAMS,
  type LegacyLookup,
} from '@/lib/import/wordpress/legacy-urls';
import { NON_HTML_CSP } from '@/lib/security/csp';
import { securityHeaders } from '@/lib/security/headers';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import { echoRequestId } from './response-notes';

/**
 * Old WordPress addresses (the rows an import left in the redirects table, keyed as
 * lib/import/wordpress/legacy-urls.ts says) answered with one 301 to where the page lives now.
 * This runs in front of the page cache, which would otherwise answer `/?p=123` with the front
 * page it keeps under `/`, and in front of the proxy, which answers a slug WordPress cut inside a
 * letter with 400. Addresses of Midad's own shapes never cost a query: they go straight on, as
 * does whatever has no row (a WordPress-shaped address nobody imported gets the site's 404).
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A minute would do for readers; a crawler that follows thousands of old links is spared refetches. */
const REDIRECT_CACHE_CONTROL = 'public, max-age=3600';

const EDITION = '(?:/en)?';
/** Paths only Midad makes (no trailing slash: WordPress's own links all have one). */
const OWN_PATH = new RegExp(
  `^${EDITION}(?:/?` +
    '|/news/\\d+(?:/[^/]*)?' +
    '|/(?:latest|search|about|contact|privacy|feed\\.xml|sitemap\\.xml|news-sitemap\\.xml)' +
    '|/(?:category|tag|author)/[a-z0-9-]+(?:/feed\\.xml)?' +
    '|/(?:sitemaps|gone|missing)/[^/]+' +
    '|/admin(?:/.*)?)$',
);
/** Midad's Arabic tag pages: the slug in the one encoding its links use (upper-case hex of NFC). */
const TAG_PATH = new RegExp(`^${EDITION}/tag/([^/]+)(?:/feed\\.xml)?$`);
const OWN_PREFIXES = ['/_next/', '/media/', '/api/'];
/** Query-style addresses WordPress answered at the site's root. */
const LEGACY_QUERY = /(?:^|&)(?:p|page_id|attachment_id|cat|tag|author|s|feed|m)=/;

/** The files of public/, as their URL paths. */
function publicFiles(dir: string): Set<string> {
  const files = new Set<string>();
  const walk = (d: string, prefix: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name), `${prefix}/${entry.name}`);
      else files.add(`${prefix}/${entry.name}`);
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return files;
}

function isCanonicalSegment(segment: string): boolean {
  try {
    return encodeURIComponent(decodeURIComponent(segment).normalize('NFC')) === segment;
  } catch {
    return false;
  }
}

/** Whether an address is plainly one of Midad's own, so that no lookup is needed. */
export function isMidadAddress(url: string, files: Set<string> = new Set()): boolean {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  for (const prefix of OWN_PREFIXES) if (pathname.startsWith(prefix)) return true;
  if (OWN_PATH.test(pathname)) {
    // The front page takes WordPress's query-style addresses: /?p=123.
    if (q >= 0 && (pathname === '/' || pathname === '/en' || pathname === '/en/'))
      return !LEGACY_QUERY.test(url.slice(q + 1));
    return true;
  }
  const tag = TAG_PATH.exec(pathname);
  if (tag) return isCanonicalSegment(tag[1]!);
  return files.has(pathname);
}

/** Installs the old-address layer in front of `handle` (the page cache, or the render). */
export function withLegacyUrls(
  handle: Handler,
  options: { db?: () => Db; publicDir?: string } = {},
): Handler {
  const db = options.db ?? getDb;
  const files = publicFiles(options.publicDir ?? path.join(process.cwd(), 'public'));
  const headers = {
    ...securityHeaders('reader', getSiteUrl()),
    'content-security-policy': NON_HTML_CSP,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': REDIRECT_CACHE_CONTROL,
  };
  return (req, res) => {
    const url = req.url ?? '/';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isMidadAddress(url, files))
      return handle(req, res);
    const plan = planLegacyUrl(url);
    if (plan.kind === 'none') return handle(req, res);
    const found = plan.kind === 'answer' ? Promise.resolve(plan.location) : findTarget(db(), plan);
    void found
      .catch((error: unknown) => {
        // The database did not answer: the request goes on as if it had no row.
        console.error(`midad: old-address lookup failed: ${messageOf(error)}`);
        return null;
      })
      .then((target) => {
        const location = target === null ? null : siteLocation(target, url);
        if (location === null || location === url) return handle(req, res);
        echoRequestId(res);
        const body = Buffer.from(movedHtml(location));
        res.writeHead(301, { ...headers, location, 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch((error: unknown) => {
        // Never an unhandled rejection (it would stop the process): this request fails alone.
        console.error(`midad: old-address answer failed: ${messageOf(error)}`);
        res.destroy();
      });
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Where an old address leads now, or null when it has no row (and no rule answers it). */
async function findTarget(db: Db, plan: LegacyLookup): Promise<string | null> {
  const ofKeys = plan.of?.keys ?? [];
  const row = await findLegacyRedirect(db, [...plan.keys, ...ofKeys]);
  if (row) {
    const to = await currentPath(db, row.to);
    return plan.of && ofKeys.includes(row.from) ? derived(to, plan.of) : to;
  }
  // `/category/news/feed/` of a category imported under the same slug has no row of its own.
  if (plan.of) {
    const listing = await existingListing(db, plan.of.keys[0]!);
    if (listing) return derived(listing, plan.of);
  }
  if (plan.dateArchive)
    return plan.of?.want === 'feed' ? `${localePrefix(plan.edition)}/feed.xml` : latestPath(plan.edition);
  return null;
}

/**
 * A stored target as it is now: a story by its current canonical path (found by id, so a slug
 * changed since the import still takes one hop), a renamed listing by its new path.
 */
async function currentPath(db: Db, to: string): Promise<string> {
  const parsed = parseArticlePath(to);
  if (parsed) {
    const id = parseId(parsed.id);
    const route = id === null ? null : await getArticleRoute(db, id);
    const live =
      route &&
      !route.deletedAt &&
      route.status === 'published' &&
      route.publishedAt &&
      route.publishedAt <= new Date();
    return live ? articlePath(route) : to;
  }
  return (await getRedirectTarget(db, to)) ?? to;
}

const LISTING = /^(\/en)?\/(category|tag|author)\/([^/?]+)$/;

/** What a feed or a later page of an old address stands for at its new one. */
function derived(to: string, of: NonNullable<LegacyLookup['of']>): string {
  if (of.want === 'feed') {
    if (LISTING.test(to)) return `${to}/feed.xml`;
    // The front page and the latest stories: the site's feed.
    const front = /^(\/en)?(?:\/|\/latest)?$/.exec(to);
    return front ? `${front[1] ?? ''}/feed.xml` : to;
  }
  if (of.want === 'page' && of.page! > 1 && (LISTING.test(to) || /^(?:\/en)?\/latest$/.test(to)))
    return `${to}?page=${of.page}`;
  return to;
}

/** A key naming one of Midad's listings that exists (`/category/news`), as its path, or null. */
async function existingListing(db: Db, key: string): Promise<string | null> {
  const m = LISTING.exec(key);
  if (!m) return null;
  const locale = m[1] ? 'en' : 'ar';
  const slug = m[3]!;
  if (m[2] === 'category') return (await getSectionBySlug(db, slug)) ? sectionPath(locale, slug) : null;
  if (m[2] === 'tag') return (await getTagBySlug(db, slug)) ? tagPath(locale, slug) : null;
  return (await getAuthorBySlug(db, slug)) ? authorPath(locale, slug) : null;
}

/**
 * The Location of a target: a path on this site only (never `//host` or `/\host`, which a
 * browser reads as another site), in ASCII, with the request's own parameters (utm_source and
 * the like) but not WordPress's.
 */
function siteLocation(target: string, url: string): string | null {
  const location = target.replace(/[^\x21-\x7e]+/gu, (s) => {
    try {
      return encodeURIComponent(s.normalize('NFC'));
    } catch {
      return '';
    }
  });
  if (!/^\/(?![/\\])/.test(location)) return null;
  const q = url.indexOf('?');
  if (q < 0) return location;
  const kept = new URLSearchParams();
  for (const [name, value] of queryParams(url.slice(q + 1)))
    if (!WORDPRESS_PARAMS.has(name)) kept.append(name, value);
  const extra = kept.toString();
  return extra ? `${location}${location.includes('?') ? '&' : '?'}${extra}` : location;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body of a 301, for the rare client that shows it: in the edition it leads to. */
function movedHtml(location: string): string {
  const english = /^\/en(?:[/?#]|$)/.test(location);
  const m = (english ? en : ar).Moved;
  return `<!doctype html><html lang="${english ? 'en' : 'ar'}" dir="${english ? 'ltr' : 'rtl'}"><head><meta charset="utf-8"><title>${m.title}</title><meta name="robots" content="noindex"></head><body><h1>${m.title}</h1><p><a href="${escapeHtml(location)}">${m.link}</a></p></body></html>`;
}
