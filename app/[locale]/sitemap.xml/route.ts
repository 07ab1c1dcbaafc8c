import { hasLocale } from 'next-intl';
import { routing } from '@/i18n/routing';
import { notFoundResponse } from '@/lib/server/feeds';
import { sitemapIndexResponse } from '@/lib/server/sitemaps';

// Next takes a route named sitemap.xml for its metadata-file convention and would prerender it
// once; the index follows the newsroom, so it is rendered per request (the page cache keeps it).
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return hasLocale(routing.locales, locale) ? sitemapIndexResponse(locale) : notFoundResponse();
}
