import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listFeedArticles } from '@/db/queries/feeds';
import { getAuthorBySlug } from '@/db/queries/taxonomy';
import { routing } from '@/i18n/routing';
import { authorPath } from '@/lib/article-url';
import { decodeSlugParam } from '@/lib/arabic/slug';
import { FEED_SIZE, notFoundResponse, rssResponse } from '@/lib/server/feeds';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; slug: string }> },
) {
  const { locale, slug } = await params;
  const decoded = decodeSlugParam(slug);
  const author =
    decoded && hasLocale(routing.locales, locale) ? await getAuthorBySlug(getDb(), decoded, locale) : null;
  if (!author) return notFoundResponse();
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'Listing' });
  return rssResponse({
    title: `${author.name} – ${site('name')}`,
    description: t('authorDescription', { name: author.name }),
    path: `${authorPath(locale, author.slug)}/feed.xml`,
    homePath: authorPath(locale, author.slug),
    locale,
    articles: await listFeedArticles(
      getDb(),
      { userId: author.id },
      { locale, now: new Date(), limit: FEED_SIZE },
    ),
  });
}
