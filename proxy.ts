import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getArticleRoute } from '@/db/queries/articles';
import { getRedirectTarget } from '@/db/queries/taxonomy';
import { articlePath, localePrefix, parseArticlePath, parseId } from '@/lib/article-url';
import { goneToken, selfOrigin } from '@/lib/server/gone-page';
import ar from './messages/ar.json';
import en from './messages/en.json';
import { routing } from './i18n/routing';

const intl = createMiddleware(routing);

/**
 * Article URLs with a missing or outdated slug answer 301 to the canonical URL. A redirect
 * from the page itself would be a 307/308, so it happens here, before rendering.
 */
async function canonicalArticleRedirect(
  request: NextRequest,
  pathname = request.nextUrl.pathname,
): Promise<NextResponse | null> {
  const parsed = parseArticlePath(pathname);
  if (!parsed) return null;
  const id = parseId(parsed.id);
  if (id === null) return null;
  const route = await getArticleRoute(getDb(), id);
  if (route?.deletedAt) return goneResponse(parsed.locale);
  if (!route || route.status !== 'published') return null;
  if (!route.publishedAt || route.publishedAt > new Date()) return null;
  // The canonical URL, byte for byte: the right slug and locale, and the one percent-encoding
  // (upper-case hex of the NFC slug), so /news/5/%d8%a7 and a decomposed slug redirect too.
  const canonical = articlePath(route);
  return pathname === canonical ? null : redirect301(request, canonical);
}

/**
 * One spelling per URL: a path written with lower-case hex, needless escapes (%2D for "-") or
 * decomposed Arabic answers 301 to the form our own links use.
 */
function canonicalEncodingRedirect(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (!pathname.includes('%')) return null;
  const canonical = pathname
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment).normalize('NFC')))
    .join('/');
  return canonical === pathname ? null : redirect301(request, canonical);
}

const BAD_REQUEST_HTML = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>طلب غير صالح</title><meta name="robots" content="noindex"></head><body><h1>طلب غير صالح</h1><p>الرابط يحتوي على ترميز غير صحيح. <a href="/">العودة إلى الصفحة الرئيسية</a></p></body></html>`;

/**
 * A deleted article: 410 Gone, so search engines drop it for good, with the site's own page
 * (header, footer, typeface; see lib/server/gone-page.ts). Only its HTML is passed on: no
 * cookie or header of the inner response reaches the reader.
 */
async function goneResponse(locale: string): Promise<NextResponse> {
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'X-Robots-Tag': 'noindex' };
  try {
    const inner = await fetch(`${selfOrigin()}${localePrefix(locale)}/gone/${goneToken()}`, {
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    if (inner.ok) return new NextResponse(await inner.text(), { status: 410, headers });
  } catch {
    // The server cannot reach itself (an unusual HOST): the plain page below still says it all.
  }
  return new NextResponse(plainGoneHtml(locale), { status: 410, headers });
}

function plainGoneHtml(locale: string): string {
  const m = locale === 'en' ? en : ar;
  const [lang, dir, title, body, home] = [
    locale,
    locale === 'en' ? 'ltr' : 'rtl',
    m.Gone.title,
    m.Gone.body,
    m.NotFound.home,
  ];
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} | ${m.Site.name}</title><meta name="robots" content="noindex"><style>body{font-family:system-ui,Tahoma,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#111827;line-height:1.7}a{color:#1f4a78}</style></head><body><h1>${title}</h1><p>${body}</p><p><a href="${locale === 'en' ? '/en' : '/'}">${home}</a></p></body></html>`;
}

/** A path whose percent-encoding is broken cannot name any page: 400, not a crash deeper in. */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export default async function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname)) {
    return new NextResponse(BAD_REQUEST_HTML, {
      status: 400,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
  // In this order, each asked only when those before it did not answer.
  const response =
    (await trailingSlashRedirect(request)) ??
    (await storedRedirect(request)) ??
    (await canonicalArticleRedirect(request)) ??
    canonicalEncodingRedirect(request) ??
    intl(request);
  if (/^(?:\/en)?\/admin(?:\/|$)/.test(request.nextUrl.pathname)) {
    // The newsroom is private: never stored by a cache, never indexed.
    response.headers.set('Cache-Control', 'private, no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  }
  return response;
}

/** Old URLs of renamed sections and tags (the redirects table): 301 to where they live now. */
async function storedRedirect(request: NextRequest): Promise<NextResponse | null> {
  const target = await getRedirectTarget(getDb(), request.nextUrl.pathname);
  return target ? redirect301(request, target) : null;
}

/** One URL per page: `/latest/` answers 301 to `/latest`. */
async function trailingSlashRedirect(request: NextRequest): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (pathname === '/' || !pathname.endsWith('/')) return null;
  const stripped = pathname.replace(/\/+$/, '') || '/';
  // A bare /news/{id}/ also needs its slug: resolve that in the same hop.
  return (await canonicalArticleRedirect(request, stripped)) ?? redirect301(request, stripped);
}

/** A plain URL (NextURL would keep the trailing-slash form it was parsed with). */
function redirect301(request: NextRequest, pathname: string): NextResponse {
  return NextResponse.redirect(new URL(pathname + request.nextUrl.search, request.url), 301);
}

export const config = {
  // Everything but API routes, Next internals, stored media and static files; feeds (.xml) and
  // unknown paths with other extensions go through, so each gets its edition (or its 404 page).
  matcher:
    '/((?!api/|_next/|_vercel|media/|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|js|css|map|woff2?|json|webmanifest)$).*)',
};
