/**
 * The sitemap protocol's limit per file. (The other limit, 50 MB, is far off: an entry is under
 * 1 KB, slugs being at most 40 letters.)
 */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * The files under /sitemaps/: `sections.xml`, `tags.xml`, `authors.xml` and one
 * `articles-YYYY-MM.xml` per month (UTC) with live stories. A file past SITEMAP_MAX_URLS
 * continues in `-2`, `-3`…; page 1 has no suffix, so each file has exactly one name.
 */
export type SitemapName =
  | { kind: 'sections' }
  | { kind: 'tags' | 'authors'; page: number }
  | { kind: 'articles'; year: number; month: number; page: number };

const PAGE = '(?:-([2-9]|[1-9]\\d+))?';
const ARTICLES_NAME = new RegExp(`^articles-(\\d{4})-(0[1-9]|1[0-2])${PAGE}\\.xml$`);
const LISTING_NAME = new RegExp(`^(tags|authors)${PAGE}\\.xml$`);

/** What a file name asks for, or null for a name no sitemap has. */
export function parseSitemapName(name: string): SitemapName | null {
  if (name === 'sections.xml') return { kind: 'sections' };
  const listing = LISTING_NAME.exec(name);
  if (listing) return { kind: listing[1] as 'tags' | 'authors', page: Number(listing[2] ?? 1) };
  const articles = ARTICLES_NAME.exec(name);
  if (!articles) return null;
  return {
    kind: 'articles',
    year: Number(articles[1]),
    month: Number(articles[2]),
    page: Number(articles[3] ?? 1),
  };
}

export function sitemapFileName(name: SitemapName): string {
  const stem =
    name.kind === 'articles' ? `articles-${name.year}-${String(name.month).padStart(2, '0')}` : name.kind;
  return name.kind === 'sections' || name.page === 1 ? `${stem}.xml` : `${stem}-${name.page}.xml`;
}

/** The pages (1, 2…) a listing of `count` URLs needs; none when it is empty. */
export function sitemapPages(count: number): number[] {
  return Array.from({ length: Math.ceil(count / SITEMAP_MAX_URLS) }, (_, i) => i + 1);
}

/** The slice of a listing that goes into one page. */
export function sitemapPageSlice<T>(all: T[], page: number): T[] {
  return all.slice((page - 1) * SITEMAP_MAX_URLS, page * SITEMAP_MAX_URLS);
}
