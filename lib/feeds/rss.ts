export interface FeedItem {
  title: string;
  url: string;
  description: string;
  publishedAt: Date;
  category: string;
}

export interface FeedChannel {
  title: string;
  siteUrl: string;
  feedUrl: string;
  description: string;
  language: string;
  items: FeedItem[];
}

function xml(text: string): string {
  return (
    text
      .replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
      )
      // Characters XML 1.0 forbids would make the whole feed unreadable.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

/** An RSS 2.0 document; dates in RFC 822 (UTC), as the spec requires. */
export function buildRss(channel: FeedChannel): string {
  const updated = channel.items[0]?.publishedAt ?? new Date(0);
  const items = channel.items
    .map(
      (item) => `    <item>
      <title>${xml(item.title)}</title>
      <link>${xml(item.url)}</link>
      <guid isPermaLink="true">${xml(item.url)}</guid>
      <pubDate>${item.publishedAt.toUTCString()}</pubDate>
      <category>${xml(item.category)}</category>
      <description>${xml(item.description)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.siteUrl)}</link>
    <atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xml(channel.description)}</description>
    <language>${xml(channel.language)}</language>
    <lastBuildDate>${updated.toUTCString()}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}
