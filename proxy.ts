import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getArticleRoute } from '@/db/queries/articles';
import { articlePath, parseArticlePath, parseId } from '@/lib/article-url';
import { decodeSlugParam } from '@/lib/arabic/slug';
import { routing } from './i18n/routing';

const intl = createMiddleware(routing);

/**
 * Article URLs with a missing or outdated slug answer 301 to the canonical URL. A redirect
 * from the page itself would be a 307/308, so it happens here, before rendering.
 */
function canonicalArticleRedirect(request: NextRequest): NextResponse | null {
  const parsed = parseArticlePath(request.nextUrl.pathname);
  if (!parsed) return null;
  const id = parseId(parsed.id);
  if (id === null) return null;
  const route = getArticleRoute(getDb(), id);
  if (!route || route.status !== 'published' || route.deletedAt) return null;
  if (!route.publishedAt || route.publishedAt > new Date()) return null;
  const slug = parsed.rawSlug === null ? null : decodeSlugParam(parsed.rawSlug);
  if (slug === route.slug && parsed.locale === route.locale) return null;
  const url = request.nextUrl.clone();
  url.pathname = articlePath(route);
  return NextResponse.redirect(url, 301);
}

export default function proxy(request: NextRequest) {
  return canonicalArticleRedirect(request) ?? intl(request);
}

export const config = {
  // Everything but API routes, Next internals, stored media and static files; feeds (.xml) and
  // unknown paths with other extensions go through, so each gets its edition (or its 404 page).
  matcher:
    '/((?!api/|_next/|_vercel|media/|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|js|css|map|woff2?|json|webmanifest)$).*)',
};
