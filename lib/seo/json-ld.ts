/**
 * Structured data (schema.org JSON-LD) for reader pages. Builders return plain objects; the
 * JsonLd component serialises them with jsonLdText, which escapes every character that could
 * end the script element or confuse an HTML parser, so no article text can break out.
 */

export type JsonLd = Record<string, unknown>;

/** JSON for inside <script type="application/ld+json">: `<`, `>`, `&` and line separators escaped. */
export function jsonLdText(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface SiteInfo {
  /** Absolute origin, no trailing slash (SITE_URL). */
  url: string;
  name: string;
  locale: string;
  /** The edition's home path: "/" or "/en". */
  homePath: string;
}

export function organizationLd(site: SiteInfo): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${site.url}/#publisher`,
    name: site.name,
    url: `${site.url}/`,
    logo: { '@type': 'ImageObject', url: `${site.url}/logo.png`, width: 512, height: 512 },
  };
}

/** The site, with the search box search engines may show (`/search?q=`). */
export function websiteLd(site: SiteInfo): JsonLd {
  const prefix = site.homePath === '/' ? '' : site.homePath;
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${site.url}${prefix}/#website`,
    url: `${site.url}${site.homePath}`,
    name: site.name,
    inLanguage: site.locale,
    publisher: organizationLd(site),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.url}${prefix}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export interface Crumb {
  name: string;
  /** Absolute URL; the current page's crumb has one too. */
  url: string;
}

/** Matches the visible breadcrumb, item for item. */
export function breadcrumbLd(crumbs: Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: c.url,
    })),
  };
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** Absolute URLs of the lead image in 16:9, 4:3 and 1:1 crops (empty when there is no image). */
  images: string[];
  datePublished: Date;
  dateModified: Date;
  authors: { name: string; url: string }[];
  section: string;
  keywords: string[];
  wordCount: number;
  /** "Outlet – Agency", the story's source line. */
  sourceLine: string;
}

export function newsArticleLd(site: SiteInfo, a: NewsArticleInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${a.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline.slice(0, 110),
    description: a.description || undefined,
    image: a.images.length ? a.images : undefined,
    datePublished: a.datePublished.toISOString(),
    dateModified: (a.dateModified > a.datePublished ? a.dateModified : a.datePublished).toISOString(),
    author: a.authors.length
      ? a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: p.url }))
      : [{ '@type': 'Organization', name: site.name, url: `${site.url}${site.homePath}` }],
    publisher: organizationLd(site),
    inLanguage: site.locale,
    articleSection: a.section,
    keywords: a.keywords.length ? a.keywords.join(', ') : undefined,
    wordCount: a.wordCount || undefined,
    // The source line: where the story came from (outlet and news agency).
    sourceOrganization: a.sourceLine ? { '@type': 'Organization', name: a.sourceLine } : undefined,
    isAccessibleForFree: true,
  };
}

/** A listing page (home, section, tag, author, latest) and the stories it shows, in order. */
export function collectionPageLd(
  site: SiteInfo,
  page: { url: string; name: string; description?: string },
  items: { url: string; name: string }[],
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': page.url,
    url: page.url,
    name: page.name,
    description: page.description || undefined,
    inLanguage: site.locale,
    isPartOf: { '@id': `${site.url}${site.homePath === '/' ? '' : site.homePath}/#website` },
    mainEntity: {
      '@type': 'ItemList',
      itemListOrder: 'https://schema.org/ItemListOrderDescending',
      numberOfItems: items.length,
      itemListElement: items.map((item, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        url: item.url,
        name: item.name,
      })),
    },
  };
}
