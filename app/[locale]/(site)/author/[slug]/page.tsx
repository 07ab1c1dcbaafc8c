import { siteName, notFoundMetadata } from '@/lib/seo/metadata';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/site/listing-view';
import { getDb } from '@/db/client';
import { getAuthorBySlug } from '@/db/queries/taxonomy';
import { authorPath } from '@/lib/article-url';
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
  return { locale, author: decoded ? await getAuthorBySlug(getDb(), decoded, locale) : null };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, author } = await load(params);
  if (!author) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: 'Listing' });
  return listingMetadata(
    {
      locale,
      title: author.name,
      description: t('authorDescription', { name: author.name }),
      scope: { userId: author.id },
      basePath: authorPath(locale, author.slug),
      feed: {
        path: `${authorPath(locale, author.slug)}/feed.xml`,
        title: `${author.name} – ${siteName(locale)}`,
      },
    },
    searchParams,
    (n) => t('pageTitle', { title: author.name, n }),
  );
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const { locale, author } = await load(params);
  if (!author) notFound();
  const result = await loadListingOrNotFound({ userId: author.id }, locale, searchParams);
  return (
    <ListingView
      title={author.name}
      intro={author.bio || undefined}
      basePath={authorPath(locale, author.slug)}
      result={result}
      dates={await getRequestDateSettings()}
      locale={locale}
      now={getRequestNow()}
      mostRead={await listingMostRead(locale)}
    />
  );
}
