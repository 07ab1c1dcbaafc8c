import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getStaticPage } from '@/db/queries/pages';
import type { StaticPageSlug } from '@/db/schema';
import { localePrefix } from '@/lib/article-url';
import { htmlToText } from '@/lib/html/sanitize';
import { editionLanguages, notFoundMetadata, readerMetadata } from '@/lib/seo/metadata';

/** The page for this edition, shared by metadata and page; a missing row is a 404. */
const loadStaticPage = cache(async (slug: StaticPageSlug, locale: string) =>
  getStaticPage(getDb(), { slug, locale }),
);

export async function loadStaticPageOrNotFound(slug: StaticPageSlug, locale: string) {
  const page = await loadStaticPage(slug, locale);
  if (!page) notFound();
  return page;
}

/** At most `max` characters, cut at a space (never mid-word), with an ellipsis when cut. */
function firstWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}

export function staticPagePath(locale: string, slug: StaticPageSlug): string {
  return `${localePrefix(locale)}/${slug}`;
}

export async function staticPageMetadata(slug: StaticPageSlug, locale: string): Promise<Metadata> {
  const page = await loadStaticPage(slug, locale);
  if (!page) return notFoundMetadata(locale);
  const other = await getStaticPage(getDb(), { slug, locale: locale === 'ar' ? 'en' : 'ar' });
  return readerMetadata({
    locale,
    title: page.title,
    description: firstWords(htmlToText(page.body), 160),
    path: staticPagePath(locale, slug),
    languages: other ? editionLanguages(staticPagePath('ar', slug), staticPagePath('en', slug)) : undefined,
  });
}
