import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listFeedArticles } from '@/db/queries/feeds';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { routing } from '@/i18n/routing';
import { sectionPath } from '@/lib/article-url';
import { decodeSlugParam } from '@/lib/arabic/slug';
import { FEED_SIZE, notFoundResponse, rssResponse } from '@/lib/server/feeds';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; slug: string }> },
) {
  const { locale, slug } = await params;
  const decoded = decodeSlugParam(slug);
  const section =
    decoded && hasLocale(routing.locales, locale) ? await getSectionBySlug(getDb(), decoded) : null;
  if (!section) return notFoundResponse();
  const name = locale === 'ar' ? section.nameAr : section.nameEn;
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'Listing' });
  return rssResponse({
    title: `${name} – ${site('name')}`,
    description: t('sectionDescription', { name }),
    path: `${sectionPath(locale, section.slug)}/feed.xml`,
    homePath: sectionPath(locale, section.slug),
    locale,
    articles: await listFeedArticles(
      getDb(),
      { sectionId: section.id },
      { locale, now: new Date(), limit: FEED_SIZE },
    ),
  });
}
