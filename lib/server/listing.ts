import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { listLivePage, type ListingScope } from '@/db/queries/articles';
import { listMostRead } from '@/db/queries/most-read';
import { pageHref, parsePageParam } from '@/lib/pagination';
import {
  editionLanguages,
  INDEXED_LISTING_PAGES,
  notFoundMetadata,
  readerMetadata,
} from '@/lib/seo/metadata';
import { getRequestNow } from './reader';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One page of a listing, read once per request (the metadata and the page both need it). */
const livePage = cache((scopeKey: string, locale: string, page: number) =>
  listLivePage(getDb(), JSON.parse(scopeKey) as ListingScope, { locale, now: getRequestNow(), page }),
);

/** The requested page of a listing, or null for a malformed page number or one past the end. */
async function loadListing(scope: ListingScope, locale: string, searchParams: SearchParams) {
  const page = parsePageParam((await searchParams).page);
  const result = page === null ? null : await livePage(JSON.stringify(scope), locale, page);
  return result && page !== null ? { page, result } : null;
}

/** The requested page of a listing, or a 404 for a malformed page number or one past the end. */
export async function loadListingOrNotFound(scope: ListingScope, locale: string, searchParams: SearchParams) {
  const listing = await loadListing(scope, locale, searchParams);
  if (!listing) notFound();
  return listing.result;
}

/**
 * Metadata of a listing page: pages after the first say their number and are their own
 * canonical; pages past INDEXED_LISTING_PAGES are noindex (see lib/seo/metadata.ts).
 */
export async function listingMetadata(
  p: {
    locale: string;
    title: string;
    description: string;
    basePath: string;
    /** The same listing in the other edition, when it exists (sections, latest). */
    otherEditionPath?: string;
    /** Its RSS feed. */
    feed?: { path: string; title: string };
    /** What it lists: a page past the end gets the 404 page's metadata. */
    scope: ListingScope;
  },
  searchParams: SearchParams,
  pageLabel: (n: number) => string,
): Promise<Metadata> {
  const listing = await loadListing(p.scope, p.locale, searchParams);
  if (!listing) return notFoundMetadata(p.locale);
  const { page } = listing;
  const languages = p.otherEditionPath
    ? p.locale === 'ar'
      ? editionLanguages(pageHref(p.basePath, page), pageHref(p.otherEditionPath, page))
      : editionLanguages(pageHref(p.otherEditionPath, page), pageHref(p.basePath, page))
    : undefined;
  return readerMetadata({
    locale: p.locale,
    title: page > 1 ? pageLabel(page) : p.title,
    description: p.description,
    path: pageHref(p.basePath, page),
    noindex: page > INDEXED_LISTING_PAGES,
    languages,
    feed: p.feed,
  });
}

/** The side column of listing pages: this edition's most read stories of the week. */
export async function listingMostRead(locale: string) {
  return listMostRead(getDb(), { locale, now: getRequestNow(), limit: 5 });
}
