import 'server-only';
import type { ArticleCard } from '@/db/queries/views';
import { articlePath } from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';
import { buildRss } from '@/lib/feeds/rss';

export const FEED_SIZE = 30;

export function rssResponse(opts: {
  title: string;
  description: string;
  path: string;
  homePath: string;
  locale: string;
  items: ArticleCard[];
}) {
  const site = getSiteUrl();
  const body = buildRss({
    title: opts.title,
    description: opts.description,
    siteUrl: `${site}${opts.homePath}`,
    feedUrl: `${site}${opts.path}`,
    language: opts.locale,
    items: opts.items.map((a) => ({
      title: a.title,
      url: `${site}${articlePath({ ...a, locale: opts.locale })}`,
      description: a.dek,
      publishedAt: a.publishedAt,
      category: opts.locale === 'ar' ? a.section.nameAr : a.section.nameEn,
    })),
  });
  return new Response(body, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });
}
