import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listFeedArticles } from '@/db/queries/feeds';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { routing } from '@/i18n/routing';
import { tagPath } from '@/lib/article-url';
import { decodeSlugParam } from '@/lib/arabic/slug';
import { FEED_SIZE, notFoundResponse, rssResponse } from '@/lib/server/feeds';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; slug: string }> },
) {
  const { locale, slug } = await params;
  const decoded = decodeSlugParam(slug);
  const tag = decoded && hasLocale(routing.locales, locale) ? await getTagBySlug(getDb(), decoded) : null;
  if (!tag) return notFoundResponse();
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'Listing' });
  return rssResponse({
    title: `${t('tagTitle', { name: tag.name })} – ${site('name')}`,
    description: t('tagDescription', { name: tag.name }),
    path: `${tagPath(locale, tag.slug)}/feed.xml`,
    homePath: tagPath(locale, tag.slug),
    locale,
    articles: await listFeedArticles(
      getDb(),
      { tagId: tag.id },
      { locale, now: new Date(), limit: FEED_SIZE },
    ),
  });
}
