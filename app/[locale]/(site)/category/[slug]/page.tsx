import { siteName, notFoundMetadata } from '@/lib/seo/metadata';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/site/listing-view';
import { getDb } from '@/db/client';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { sectionPath } from '@/lib/article-url';
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
  const section = decoded ? await getSectionBySlug(getDb(), decoded) : null;
  return { locale, section, name: section ? (locale === 'ar' ? section.nameAr : section.nameEn) : '' };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, section, name } = await load(params);
  if (!section) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: 'Listing' });
  return listingMetadata(
    {
      locale,
      title: name,
      description: t('sectionDescription', { name }),
      scope: { sectionId: section.id },
      basePath: sectionPath(locale, section.slug),
      otherEditionPath: sectionPath(locale === 'ar' ? 'en' : 'ar', section.slug),
      feed: { path: `${sectionPath(locale, section.slug)}/feed.xml`, title: `${name} – ${siteName(locale)}` },
    },
    searchParams,
    (n) => t('pageTitle', { title: name, n }),
  );
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { locale, section, name } = await load(params);
  if (!section) notFound();
  const t = await getTranslations({ locale, namespace: 'Listing' });
  const result = await loadListingOrNotFound({ sectionId: section.id }, locale, searchParams);
  return (
    <ListingView
      title={name}
      intro={t('sectionDescription', { name })}
      basePath={sectionPath(locale, section.slug)}
      result={result}
      dates={await getRequestDateSettings()}
      locale={locale}
      now={getRequestNow()}
      mostRead={await listingMostRead(locale)}
      showSection={false}
    />
  );
}
