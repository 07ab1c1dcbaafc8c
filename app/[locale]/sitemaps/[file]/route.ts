import { hasLocale } from 'next-intl';
import { routing } from '@/i18n/routing';
import { notFoundResponse } from '@/lib/server/feeds';
import { sitemapFileResponse } from '@/lib/server/sitemaps';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; file: string }> },
) {
  const { locale, file } = await params;
  return hasLocale(routing.locales, locale) ? sitemapFileResponse(locale, file) : notFoundResponse();
}
