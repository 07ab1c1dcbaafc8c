import { siteName } from '@/lib/seo/metadata';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListingView } from '@/components/site/listing-view';
import { latestPath, localePrefix } from '@/lib/article-url';
import {
  listingMetadata,
  listingMostRead,
  loadListingOrNotFound,
  type SearchParams,
} from '@/lib/server/listing';
import { getRequestDateSettings, getRequestNow } from '@/lib/server/reader';

type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Listing' });
  const title = t('latestTitle');
  return listingMetadata(
    {
      locale,
      title,
      description: t('latestDescription'),
      scope: { all: true },
      basePath: latestPath(locale),
      otherEditionPath: latestPath(locale === 'ar' ? 'en' : 'ar'),
      feed: { path: `${localePrefix(locale)}/feed.xml`, title: siteName(locale) },
    },
    searchParams,
    (n) => t('pageTitle', { title, n }),
  );
}

export default async function LatestPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Listing' });
  const result = await loadListingOrNotFound({ all: true }, locale, searchParams);
  return (
    <ListingView
      title={t('latestTitle')}
      intro={t('latestDescription')}
      basePath={latestPath(locale)}
      result={result}
      dates={await getRequestDateSettings()}
      locale={locale}
      now={getRequestNow()}
      mostRead={await listingMostRead(locale)}
    />
  );
}
