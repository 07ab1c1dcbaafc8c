import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listFeedArticles } from '@/db/queries/feeds';
import { routing } from '@/i18n/routing';
import { homePath, localePrefix } from '@/lib/article-url';
import { FEED_SIZE, notFoundResponse, rssResponse } from '@/lib/server/feeds';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return notFoundResponse();
  const t = await getTranslations({ locale, namespace: 'Home' });
  return rssResponse({
    title: t('title'),
    description: t('description'),
    path: `${localePrefix(locale)}/feed.xml`,
    homePath: homePath(locale),
    locale,
    articles: await listFeedArticles(getDb(), { all: true }, { locale, now: new Date(), limit: FEED_SIZE }),
  });
}
