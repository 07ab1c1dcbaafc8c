import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { articlePath } from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';

/**
 * Listing pages after this one are `noindex, follow`: deep archive pages are thin, ever-shifting
 * lists whose stories search engines already reach through the sitemaps, while crawlers may
 * still follow their links. Ten pages cover the last 200 stories of a listing.
 */
export const INDEXED_LISTING_PAGES = 10;

/**
 * The metadata of a page that 404s. generateMetadata returns this rather than calling notFound():
 * a notFound() thrown from metadata escapes every not-found boundary, and Next then sends an empty
 * error shell (`<html id="__next_error__">`, no lang, no text) that only JavaScript fills in.
 */
export async function notFoundMetadata(locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return { title: t('title'), robots: { index: false, follow: true } };
}

export function siteName(locale: string): string {
  return locale === 'ar' ? 'مداد' : 'Midad';
}

export function absoluteUrl(path: string): string {
  return `${getSiteUrl()}${path}`;
}

export interface ReaderMetadataInput {
  locale: string;
  /** The page's own title; the layout's template adds " | site name". */
  title: string;
  description: string;
  /** The canonical path (with ?page=N past the first page). */
  path: string;
  noindex?: boolean;
  /** hreflang alternates: edition locale → path, only where the other edition has this page. */
  languages?: Record<string, string>;
  /** The RSS feed of what this page lists, announced with <link rel="alternate">. */
  feed?: { path: string; title: string };
  /** The lead image, at least 1200 px wide where the upload allows. */
  image?: { url: string; width: number; height: number; alt: string } | null;
  article?: {
    publishedTime: Date;
    modifiedTime: Date;
    section: string;
    tags: string[];
    authors: string[];
  };
}

/** Canonical, robots, Open Graph and Twitter card for a reader page, one way everywhere. */
export function readerMetadata(p: ReaderMetadataInput): Metadata {
  const url = absoluteUrl(p.path);
  const images = p.image ? [{ ...p.image, url: absoluteUrl(p.image.url) }] : undefined;
  const languages = p.languages
    ? Object.fromEntries(Object.entries(p.languages).map(([k, v]) => [k, absoluteUrl(v)]))
    : undefined;
  return {
    title: p.title,
    description: p.description,
    alternates: {
      canonical: url,
      languages,
      types: p.feed
        ? { 'application/rss+xml': [{ url: absoluteUrl(p.feed.path), title: p.feed.title }] }
        : undefined,
    },
    robots: p.noindex
      ? { index: false, follow: true }
      : { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1 },
    openGraph: {
      siteName: siteName(p.locale),
      locale: p.locale === 'ar' ? 'ar_AR' : 'en_GB',
      url,
      title: p.title,
      description: p.description,
      images,
      ...(p.article
        ? {
            type: 'article' as const,
            publishedTime: p.article.publishedTime.toISOString(),
            modifiedTime: p.article.modifiedTime.toISOString(),
            section: p.article.section,
            tags: p.article.tags,
            authors: p.article.authors,
          }
        : { type: 'website' as const }),
    },
    twitter: { card: images ? 'summary_large_image' : 'summary', title: p.title, description: p.description },
  };
}

/** hreflang for a page both editions have at the same path (home, latest, sections). */
export function editionLanguages(arPath: string, enPath: string): Record<string, string> {
  return { ar: arPath, en: enPath, 'x-default': arPath };
}

type StoryRef = { id: number; slug: string; locale: string };

/** hreflang for a story live in both editions (the article page and the monthly sitemaps). */
export function storyLanguages(a: StoryRef, b: StoryRef): Record<string, string> {
  const [ar, en] = a.locale === 'ar' ? [a, b] : [b, a];
  return editionLanguages(articlePath(ar), articlePath(en));
}
