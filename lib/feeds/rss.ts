import { escapeXml as xml, rfc822Date, XML_DECLARATION } from './xml';

export interface FeedEnclosure {
  url: string;
  /** Size of the file in bytes. */
  length: number;
  type: string;
}

export interface FeedItem {
  title: string;
  /** Absolute canonical URL; also the permalink guid. */
  url: string;
  description: string;
  /** The full article body: sanitised HTML with absolute URLs. */
  contentHtml: string;
  publishedAt: Date;
  updatedAt: Date;
  creators: string[];
  /** The section first, then the tags. */
  categories: string[];
  enclosure: FeedEnclosure | null;
}

export interface FeedChannel {
  title: string;
  /** The page the feed mirrors (home, section, tag or author page), absolute. */
  siteUrl: string;
  /** The feed's own absolute URL, for atom:link rel="self". */
  feedUrl: string;
  description: string;
  language: string;
  items: FeedItem[];
}

/** When the feed last changed: the newest publish or edit among its items; null when empty. */
export function feedLastModified(items: Pick<FeedItem, 'publishedAt' | 'updatedAt'>[]): Date | null {
  let newest = -Infinity;
  for (const item of items) newest = Math.max(newest, +item.publishedAt, +item.updatedAt);
  return Number.isFinite(newest) ? new Date(newest) : null;
}

function renderItem(item: FeedItem): string {
  const lines = [
    `<title>${xml(item.title)}</title>`,
    `<link>${xml(item.url)}</link>`,
    `<guid isPermaLink="true">${xml(item.url)}</guid>`,
    `<pubDate>${rfc822Date(item.publishedAt)}</pubDate>`,
    ...item.creators.map((name) => `<dc:creator>${xml(name)}</dc:creator>`),
    ...item.categories.map((name) => `<category>${xml(name)}</category>`),
    `<description>${xml(item.description)}</description>`,
    // Escaped rather than CDATA: the body may itself contain "]]>".
    `<content:encoded>${xml(item.contentHtml)}</content:encoded>`,
  ];
  if (item.enclosure)
    lines.push(
      `<enclosure url="${xml(item.enclosure.url)}" length="${item.enclosure.length}" type="${xml(item.enclosure.type)}"/>`,
    );
  return `    <item>\n${lines.map((l) => `      ${l}`).join('\n')}\n    </item>`;
}

/** An RSS 2.0 document with full content (content:encoded) and authors (dc:creator). */
export function buildRss(channel: FeedChannel): string {
  const updated = feedLastModified(channel.items);
  const head = [
    `<title>${xml(channel.title)}</title>`,
    `<link>${xml(channel.siteUrl)}</link>`,
    `<atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xml(channel.description)}</description>`,
    `<language>${xml(channel.language)}</language>`,
    ...(updated ? [`<lastBuildDate>${rfc822Date(updated)}</lastBuildDate>`] : []),
  ];
  return `${XML_DECLARATION}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
${head.map((l) => `    ${l}`).join('\n')}
${channel.items.map(renderItem).join('\n')}
  </channel>
</rss>
`;
}
