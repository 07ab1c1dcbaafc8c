import type { ArticleCard, ArticleView } from '@/db/queries/views';
import { articlePath, authorPath, homePath, sectionPath } from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';
import { cropUrls } from '@/lib/media/crops';
import {
  breadcrumbLd,
  collectionPageLd,
  newsArticleLd,
  websiteLd,
  type JsonLd,
  type SiteInfo,
} from './json-ld';
import { absoluteUrl, siteName } from './metadata';

export function siteInfo(locale: string): SiteInfo {
  return { url: getSiteUrl(), name: siteName(locale), locale, homePath: homePath(locale) };
}

/** NewsArticle and the breadcrumb the page shows (home » section » headline). */
export function articleStructuredData(article: ArticleView, homeLabel: string): JsonLd[] {
  const site = siteInfo(article.locale);
  const url = absoluteUrl(articlePath(article));
  const section = article.locale === 'ar' ? article.section.nameAr : article.section.nameEn;
  return [
    newsArticleLd(site, {
      url,
      headline: article.title,
      description: article.dek,
      images: cropUrls(site.url, article.image),
      datePublished: article.publishedAt,
      dateModified: article.updatedAt,
      authors: article.authors.map((a) => ({
        name: a.name,
        url: absoluteUrl(authorPath(article.locale, a.slug)),
      })),
      section,
      keywords: article.tags.map((t) => t.name),
      wordCount: article.wordCount,
      sourceLine: [article.sourceOutlet, article.sourceAgency].filter(Boolean).join(' – '),
    }),
    breadcrumbLd([
      { name: homeLabel, url: absoluteUrl(homePath(article.locale)) },
      { name: section, url: absoluteUrl(sectionPath(article.locale, article.section.slug)) },
      { name: article.title, url },
    ]),
  ];
}

/** CollectionPage with its ItemList, and the breadcrumb (home » listing) for listing pages. */
export function listingStructuredData(
  locale: string,
  page: { path: string; title: string; description?: string; homeLabel: string },
  items: ArticleCard[],
): JsonLd[] {
  const site = siteInfo(locale);
  const url = absoluteUrl(page.path);
  return [
    collectionPageLd(
      site,
      { url, name: page.title, description: page.description },
      items.map((a) => ({ url: absoluteUrl(articlePath({ ...a, locale })), name: a.title })),
    ),
    breadcrumbLd([
      { name: page.homeLabel, url: absoluteUrl(homePath(locale)) },
      { name: page.title, url },
    ]),
  ];
}

/** The home page: the site with its search box, and the stories it leads with. */
export function homeStructuredData(locale: string, title: string, items: ArticleCard[]): JsonLd[] {
  const site = siteInfo(locale);
  return [
    websiteLd(site),
    collectionPageLd(
      site,
      { url: absoluteUrl(homePath(locale)), name: title },
      items.map((a) => ({ url: absoluteUrl(articlePath({ ...a, locale })), name: a.title })),
    ),
  ];
}
