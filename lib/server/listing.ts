import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listLivePage, type ListingScope } from '@/db/queries/articles';
import { pageHref, parsePageParam } from '@/lib/pagination';
import { getRequestNow } from './reader';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The requested page of a listing, or a 404 for a malformed page number or one past the end. */
export async function loadListingOrNotFound(scope: ListingScope, locale: string, searchParams: SearchParams) {
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const result = listLivePage(getDb(), scope, { locale, now: getRequestNow(), page });
  if (!result) notFound();
  return result;
}

/** Title, description and canonical URL of a listing page; pages after the first say their number. */
export async function listingMetadata(
  title: string,
  description: string,
  basePath: string,
  searchParams: SearchParams,
  pageLabel: (n: number) => string,
): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page) ?? 1;
  return {
    title: page > 1 ? pageLabel(page) : title,
    description,
    alternates: { canonical: pageHref(basePath, page) },
  };
}
