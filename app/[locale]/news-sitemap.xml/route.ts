import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';
import { notFoundResponse } from '@/lib/server/feeds';
import { newsSitemapResponse } from '@/lib/server/sitemaps';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return notFoundResponse();
  const site = await getTranslations({ locale, namespace: 'Site' });
  return newsSitemapResponse(locale, site('name'));
}
