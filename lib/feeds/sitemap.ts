import { escapeXml as xml, w3cDate, XML_DECLARATION } from './xml';

export interface SitemapFile {
  /** Absolute URL of a sitemap file. */
  loc: string;
  lastModified: Date | null;
}

export interface SitemapUrl {
  /** Absolute canonical URL. */
  loc: string;
  lastModified: Date | null;
  /** Absolute URLs of the page's images (the lead image). */
  images?: string[];
  /** hreflang alternates, this URL included (hreflang → absolute URL), when another edition has the page. */
  alternates?: Record<string, string>;
}

export interface NewsSitemapUrl {
  loc: string;
  title: string;
  publishedAt: Date;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const lastmod = (date: Date | null) => (date ? `<lastmod>${w3cDate(date)}</lastmod>` : '');

/** A sitemap index: https://www.sitemaps.org/protocol.html#index */
export function buildSitemapIndex(files: SitemapFile[]): string {
  const entries = files.map((f) => `  <sitemap><loc>${xml(f.loc)}</loc>${lastmod(f.lastModified)}</sitemap>`);
  return `${XML_DECLARATION}
<sitemapindex xmlns="${SITEMAP_NS}">
${entries.join('\n')}
</sitemapindex>
`;
}

/** A urlset, with Google's image extension where a URL has images. */
export function buildUrlset(urls: SitemapUrl[]): string {
  const entries = urls.map((u) => {
    const images = (u.images ?? []).map(
      (src) => `<image:image><image:loc>${xml(src)}</image:loc></image:image>`,
    );
    // https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap
    const alternates = Object.entries(u.alternates ?? {}).map(
      ([lang, href]) => `<xhtml:link rel="alternate" hreflang="${xml(lang)}" href="${xml(href)}"/>`,
    );
    return `  <url><loc>${xml(u.loc)}</loc>${lastmod(u.lastModified)}${alternates.join('')}${images.join('')}</url>`;
  });
  return `${XML_DECLARATION}
<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}" xmlns:xhtml="${XHTML_NS}">
${entries.join('\n')}
</urlset>
`;
}

/** A Google News sitemap: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap */
export function buildNewsSitemap(
  publication: { name: string; language: string },
  urls: NewsSitemapUrl[],
): string {
  const name = xml(publication.name);
  const language = xml(publication.language);
  const entries = urls.map(
    (u) => `  <url>
    <loc>${xml(u.loc)}</loc>
    <news:news>
      <news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication>
      <news:publication_date>${w3cDate(u.publishedAt)}</news:publication_date>
      <news:title>${xml(u.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `${XML_DECLARATION}
<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">
${entries.join('\n')}
</urlset>
`;
}

/**
 * robots.txt: everything open but the given path prefixes, and where the sitemaps are. No
 * "Allow: /" line: crawlers that take the first matching rule would let it override the rest.
 */
export function buildRobotsTxt(p: { disallow: string[]; sitemaps: string[] }): string {
  return [
    'User-agent: *',
    ...p.disallow.map((path) => `Disallow: ${path}`),
    '',
    ...p.sitemaps.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}
