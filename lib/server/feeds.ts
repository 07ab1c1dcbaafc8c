import 'server-only';
import type { Metadata } from 'next';
import type { FeedArticle } from '@/db/queries/feeds';
import type { MediaView } from '@/db/queries/views';
import { articlePath } from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';
import { absolutizeHtml } from '@/lib/feeds/absolute-html';
import { buildRss, feedLastModified, type FeedEnclosure } from '@/lib/feeds/rss';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';
import { getMediaStorage } from '@/lib/media/storage';
import { mediaUrl } from '@/lib/media/urls';

export const FEED_SIZE = 30;

/**
 * The reader pages' policy (lib/page-cache/serve.ts): browsers revalidate every time, a CDN may
 * keep a copy a minute and serve it stale while it refetches.
 */
export const XML_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

/** Headers of a feed, sitemap or robots.txt response. */
export function crawlerHeaders(contentType: string, lastModified: Date | null): Headers {
  const headers = new Headers({ 'Content-Type': contentType, 'Cache-Control': XML_CACHE_CONTROL });
  if (lastModified) headers.set('Last-Modified', lastModified.toUTCString());
  return headers;
}

export function notFoundResponse(): Response {
  return new Response('Not found\n', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The hero image's largest variant as an RSS enclosure. RSS requires the length in bytes, so the
 * file is looked up in the media storage; a variant missing there gives no enclosure rather than a wrong one.
 */
async function heroEnclosure(image: MediaView | null, siteUrl: string): Promise<FeedEnclosure | null> {
  if (!image || image.variantWidths.length === 0) return null;
  const url = mediaUrl(image.stem, Math.max(...image.variantWidths));
  try {
    const stat = await getMediaStorage().stat(url.slice('/media/'.length));
    return stat ? { url: `${siteUrl}${url}`, length: stat.size, type: 'image/webp' } : null;
  } catch {
    return null;
  }
}

export async function rssResponse(opts: {
  title: string;
  description: string;
  /** The feed's own path, e.g. /en/category/economy/feed.xml. */
  path: string;
  /** The page the feed mirrors. */
  homePath: string;
  locale: string;
  articles: FeedArticle[];
}): Promise<Response> {
  const site = getSiteUrl();
  const items = await Promise.all(
    opts.articles.map(async (a) => ({
      title: a.title,
      url: `${site}${articlePath(a)}`,
      description: a.dek,
      // Sanitised on save and again here, like the article page: a row written by any other
      // path still reaches feed readers inert.
      contentHtml: absolutizeHtml(sanitizeArticleHtml(a.body), site),
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      creators: a.authors.map((p) => p.name),
      categories: [opts.locale === 'ar' ? a.section.nameAr : a.section.nameEn, ...a.tags.map((t) => t.name)],
      enclosure: await heroEnclosure(a.image, site),
    })),
  );
  const body = buildRss({
    title: opts.title,
    description: opts.description,
    siteUrl: `${site}${opts.homePath}`,
    feedUrl: `${site}${opts.path}`,
    language: opts.locale,
    items,
  });
  return new Response(body, {
    headers: crawlerHeaders('application/rss+xml; charset=utf-8', feedLastModified(items)),
  });
}

type Alternates = NonNullable<Metadata['alternates']>;

/**
 * Feed discovery for a page's metadata: `<link rel="alternate" type="application/rss+xml">`.
 * `feedPath` is the feed's path (e.g. `${sectionPath(locale, slug)}/feed.xml`).
 */
export function feedAlternates(feedPath: string, title: string): Pick<Alternates, 'types'> {
  return { types: { 'application/rss+xml': [{ url: `${getSiteUrl()}${feedPath}`, title }] } };
}

/** The same, merged into metadata that may already carry a canonical and hreflang alternates. */
export function withFeedAlternates(metadata: Metadata, feedPath: string, title: string): Metadata {
  return { ...metadata, alternates: { ...metadata.alternates, ...feedAlternates(feedPath, title) } };
}
