/**
 * Builds WordPress exports (WXR 1.2) for tests, written the way WordPress writes them: CDATA
 * fields, percent-encoded lowercase slugs, `<category domain nicename>` on items. No Arabic news
 * site's export could be found, so the Arabic cases are made here.
 */

export interface ExportItem {
  id: number;
  title: string;
  /** Stored post_name; percent-encode it yourself to choose the hex case. */
  slug: string;
  type?: string;
  status?: string;
  date?: string;
  dateGmt?: string;
  modified?: string;
  modifiedGmt?: string;
  pubDate?: string;
  link?: string;
  content?: string;
  excerpt?: string;
  creator?: string;
  parent?: number;
  sticky?: boolean;
  attachmentUrl?: string;
  terms?: { domain: string; nicename: string; name: string }[];
  meta?: Record<string, string>;
}

export interface ExportSpec {
  title?: string;
  siteUrl?: string;
  authors?: { id: number; login: string; displayName: string }[];
  categories?: { id: number; nicename: string; name: string; parent?: string }[];
  tags?: { id: number; slug: string; name: string }[];
  terms?: { id: number; taxonomy: string; slug: string; name: string; description?: string }[];
  items: ExportItem[];
}

/** CDATA that survives "]]>" in the text, as WordPress's wxr_cdata() does it. */
export const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const attr = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** WordPress's slug form of a title: lowercase percent-encoded UTF-8, cut at 200 bytes like WordPress. */
export function wpSlug(text: string, maxBytes = 200): string {
  const encoded = encodeURIComponent(text.replace(/\s+/g, '-')).toLowerCase();
  return encoded.slice(0, maxBytes);
}

/** A slug cut right after the first byte of a two-byte letter, as WordPress's 200-byte cap does. */
export function cutMidLetter(title: string): string {
  const full = wpSlug(title, Infinity);
  let at = full.lastIndexOf('%d', 197);
  while (at > 0 && full[at - 1] === '-') at = full.lastIndexOf('%d', at - 1);
  return full.slice(0, at + 3);
}

function item(i: ExportItem, siteUrl: string): string {
  const date = i.date ?? '2025-01-08 11:27:55';
  return `<item>
<title>${cdata(i.title)}</title>
<link>${i.link ?? `${siteUrl}/${i.slug}/`}</link>
<pubDate>${i.pubDate ?? ''}</pubDate>
<dc:creator>${cdata(i.creator ?? 'editor')}</dc:creator>
<guid isPermaLink="false">${siteUrl}/?p=${i.id}</guid>
<description></description>
<content:encoded>${cdata(i.content ?? '')}</content:encoded>
<excerpt:encoded>${cdata(i.excerpt ?? '')}</excerpt:encoded>
<wp:post_id>${i.id}</wp:post_id>
<wp:post_date>${cdata(date)}</wp:post_date>
<wp:post_date_gmt>${cdata(i.dateGmt ?? date)}</wp:post_date_gmt>
<wp:post_modified>${cdata(i.modified ?? date)}</wp:post_modified>
<wp:post_modified_gmt>${cdata(i.modifiedGmt ?? i.dateGmt ?? date)}</wp:post_modified_gmt>
<wp:comment_status>${cdata('open')}</wp:comment_status>
<wp:ping_status>${cdata('open')}</wp:ping_status>
<wp:post_name>${cdata(i.slug)}</wp:post_name>
<wp:status>${cdata(i.status ?? 'publish')}</wp:status>
<wp:post_parent>${i.parent ?? 0}</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>${cdata(i.type ?? 'post')}</wp:post_type>
<wp:post_password>${cdata('')}</wp:post_password>
<wp:is_sticky>${i.sticky ? 1 : 0}</wp:is_sticky>
${i.attachmentUrl ? `<wp:attachment_url>${cdata(i.attachmentUrl)}</wp:attachment_url>\n` : ''}${(
    i.terms ?? []
  )
    .map(
      (t) =>
        `<category domain="${attr(t.domain)}" nicename="${attr(t.nicename)}">${cdata(t.name)}</category>`,
    )
    .join('\n')}
${Object.entries(i.meta ?? {})
  .map(
    ([k, v]) =>
      `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`,
  )
  .join('\n')}
</item>`;
}

/** The whole export as a string. */
export function buildWxr(spec: ExportSpec): string {
  const siteUrl = spec.siteUrl ?? 'https://old.example';
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.7" created="2026-01-01 00:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
<title>${spec.title ?? 'موقع قديم'}</title>
<link>${siteUrl}</link>
<description></description>
<language>ar</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${siteUrl}</wp:base_site_url>
<wp:base_blog_url>${siteUrl}</wp:base_blog_url>
${(spec.authors ?? [])
  .map(
    (a) =>
      `<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(`${a.login}@old.example`)}</wp:author_email><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>`,
  )
  .join('\n')}
${(spec.categories ?? [])
  .map(
    (c) =>
      `<wp:category><wp:term_id>${c.id}</wp:term_id><wp:category_nicename>${cdata(c.nicename)}</wp:category_nicename><wp:category_parent>${cdata(c.parent ?? '')}</wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name></wp:category>`,
  )
  .join('\n')}
${(spec.tags ?? [])
  .map(
    (t) =>
      `<wp:tag><wp:term_id>${t.id}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>`,
  )
  .join('\n')}
${(spec.terms ?? [])
  .map(
    (t) =>
      `<wp:term><wp:term_id>${t.id}</wp:term_id><wp:term_taxonomy>${cdata(t.taxonomy)}</wp:term_taxonomy><wp:term_slug>${cdata(t.slug)}</wp:term_slug><wp:term_parent>${cdata('')}</wp:term_parent><wp:term_name>${cdata(t.name)}</wp:term_name><wp:term_description>${cdata(t.description ?? '')}</wp:term_description></wp:term>`,
  )
  .join('\n')}
${spec.items.map((i) => item(i, siteUrl)).join('\n')}
</channel>
</rss>
`;
}
