import 'server-only';
import { getDb } from '@/db/client';
import {
  listNewsSitemapArticles,
  listSitemapAuthors,
  listSitemapMonthArticles,
  listSitemapMonths,
  listSitemapSections,
  listSitemapTags,
  type SitemapListing,
} from '@/db/queries/sitemaps';
import { listStaticPages } from '@/db/queries/pages';
import { articlePath, authorPath, localePrefix, sectionPath, tagPath } from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlset,
  type SitemapFile,
  type SitemapUrl,
} from '@/lib/feeds/sitemap';
import { parseSitemapName, sitemapFileName, sitemapPages, sitemapPageSlice } from '@/lib/feeds/sitemap-files';
import { mediaUrl } from '@/lib/media/urls';
import { storyLanguages } from '@/lib/seo/metadata';
import { crawlerHeaders, notFoundResponse } from './feeds';

const XML_TYPE = 'application/xml; charset=utf-8';
/** Google News takes stories from the last two days, at most 1,000 per sitemap. */
const NEWS_HOURS = 48;
const NEWS_LIMIT = 1000;

const newestOf = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

const listingQueries = { tags: listSitemapTags, authors: listSitemapAuthors };
const listingPaths = { tags: tagPath, authors: authorPath };

function xmlResponse(body: string, lastModified: Date | null): Response {
  return new Response(body, { headers: crawlerHeaders(XML_TYPE, lastModified) });
}

/**
 * /sitemap.xml (and /en/sitemap.xml): the edition's sections, tags and authors, then one file per
 * month that has live stories, newest month first (see lib/feeds/sitemap-files.ts for the names
 * and the splitting). Each file's lastmod is the newest live story it lists.
 */
export async function sitemapIndexResponse(locale: string): Promise<Response> {
  const db = getDb();
  const now = new Date();
  const site = getSiteUrl();
  const fileUrl = (name: Parameters<typeof sitemapFileName>[0]) =>
    `${site}${localePrefix(locale)}/sitemaps/${sitemapFileName(name)}`;
  const files: SitemapFile[] = [
    {
      loc: fileUrl({ kind: 'sections' }),
      lastModified: newestOf((await listSitemapSections(db, { locale, now })).map((s) => s.newest)),
    },
  ];
  for (const kind of ['tags', 'authors'] as const) {
    const all = await listingQueries[kind](db, { locale, now });
    for (const page of sitemapPages(all.length))
      files.push({
        loc: fileUrl({ kind, page }),
        lastModified: newestOf(sitemapPageSlice(all, page).map((l) => l.newest)),
      });
  }
  for (const m of (await listSitemapMonths(db, { locale, now })).reverse())
    for (const page of sitemapPages(m.count))
      files.push({
        loc: fileUrl({ kind: 'articles', year: m.year, month: m.month, page }),
        lastModified: m.newest,
      });
  return xmlResponse(buildSitemapIndex(files), newestOf(files.map((f) => f.lastModified)));
}

function listingUrls(listings: SitemapListing[], path: (slug: string) => string): SitemapUrl[] {
  const site = getSiteUrl();
  return listings.map((l) => ({ loc: `${site}${path(l.slug)}`, lastModified: l.newest }));
}

/** One file under /sitemaps/, or 404 for a name the index does not list. */
export async function sitemapFileResponse(locale: string, rawName: string): Promise<Response> {
  const name = parseSitemapName(rawName);
  if (!name) return notFoundResponse();
  const db = getDb();
  const now = new Date();
  const site = getSiteUrl();
  let urls: SitemapUrl[];
  if (name.kind === 'sections') {
    urls = listingUrls(await listSitemapSections(db, { locale, now }), (slug) => sectionPath(locale, slug));
    // The site's own pages (about, contact, privacy) ride along with the sections.
    for (const page of (await listStaticPages(db)).filter((p) => p.locale === locale))
      urls.push({ loc: `${site}${localePrefix(locale)}/${page.slug}`, lastModified: page.updatedAt });
  } else if (name.kind === 'articles') {
    urls = (await listSitemapMonthArticles(db, { locale, now, ...name })).map((a) => ({
      loc: `${site}${articlePath(a)}`,
      lastModified: a.updatedAt,
      images:
        a.image && a.image.variantWidths.length > 0
          ? [`${site}${mediaUrl(a.image.stem, Math.max(...a.image.variantWidths))}`]
          : [],
      // The same hreflang set as the article page announces.
      alternates: a.translation
        ? Object.fromEntries(
            Object.entries(storyLanguages(a, a.translation)).map(([lang, href]) => [lang, `${site}${href}`]),
          )
        : undefined,
    }));
    if (urls.length === 0) return notFoundResponse();
  } else {
    const slice = sitemapPageSlice(await listingQueries[name.kind](db, { locale, now }), name.page);
    // Page 1 exists even while empty (a new edition); later pages only when they have entries.
    if (slice.length === 0 && name.page > 1) return notFoundResponse();
    urls = listingUrls(slice, (slug) => listingPaths[name.kind](locale, slug));
  }
  return xmlResponse(buildUrlset(urls), newestOf(urls.map((u) => u.lastModified)));
}

/** /news-sitemap.xml (and /en/…): the edition's stories of the last 48 hours, for Google News. */
export async function newsSitemapResponse(locale: string, siteName: string): Promise<Response> {
  const site = getSiteUrl();
  const stories = await listNewsSitemapArticles(getDb(), {
    locale,
    now: new Date(),
    hours: NEWS_HOURS,
    limit: NEWS_LIMIT,
  });
  const body = buildNewsSitemap(
    { name: siteName, language: locale },
    stories.map((a) => ({ loc: `${site}${articlePath(a)}`, title: a.title, publishedAt: a.publishedAt })),
  );
  return xmlResponse(body, newestOf(stories.flatMap((a) => [a.publishedAt, a.updatedAt])));
}

/** Paths crawlers have no business in: the newsroom (previews included), search results, APIs. */
const ROBOTS_DISALLOW = ['/admin', '/en/admin', '/search', '/en/search', '/api/'];

export function robotsResponse(locales: readonly string[]): Response {
  const site = getSiteUrl();
  const sitemaps = locales.flatMap((locale) => [
    `${site}${localePrefix(locale)}/sitemap.xml`,
    `${site}${localePrefix(locale)}/news-sitemap.xml`,
  ]);
  return new Response(buildRobotsTxt({ disallow: ROBOTS_DISALLOW, sitemaps }), {
    headers: crawlerHeaders('text/plain; charset=utf-8', null),
  });
}
