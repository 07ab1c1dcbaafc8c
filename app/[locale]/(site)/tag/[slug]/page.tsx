import { siteName, notFoundMetadata } from '@/lib/seo/metadata';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/site/listing-view';
import { getDb } from '@/db/client';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { tagPath } from '@/lib/article-url';
import { decodeSlugParam } from '@/lib/arabic/slug';
import {
  listingMetadata,
  listingMostRead,
  loadListingOrNotFound,
  type SearchParams,
} from '@/lib/server/listing';
import { getRequestDateSettings, getRequestNow } from '@/lib/server/reader';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: SearchParams };

async function load(params: Props['params']) {
  const { locale, slug } = await params;
  const decoded = decodeSlugParam(slug);
  return { locale, tag: decoded ? await getTagBySlug(getDb(), decoded) : null };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, tag } = await load(params);
  if (!tag) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: 'Listing' });
  const title = t('tagTitle', { name: tag.name });
  return listingMetadata(
    {
      locale,
      title,
      description: t('tagDescription', { name: tag.name }),
      scope: { tagId: tag.id },
      basePath: tagPath(locale, tag.slug),
      feed: { path: `${tagPath(locale, tag.slug)}/feed.xml`, title: `${tag.name} – ${siteName(locale)}` },
    },
    searchParams,
    (n) => t('pageTitle', { title, n }),
  );
}

export default async function TagPage({ params, searchParams }: Props) {
  const { locale, tag } = await load(params);
  if (!tag) notFound();
  const t = await getTranslations({ locale, namespace: 'Listing' });
  const result = await loadListingOrNotFound({ tagId: tag.id }, locale, searchParams);
  return (
    <ListingView
      title={t('tagTitle', { name: tag.name })}
      basePath={tagPath(locale, tag.slug)}
      result={result}
      dates={await getRequestDateSettings()}
      locale={locale}
      now={getRequestNow()}
      mostRead={await listingMostRead(locale)}
    />
  );
}
