import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '@/lib/feeds/absolute-html';
import { buildRss, feedLastModified, type FeedItem } from '@/lib/feeds/rss';
import { buildNewsSitemap, buildRobotsTxt, buildSitemapIndex, buildUrlset } from '@/lib/feeds/sitemap';
import {
  parseSitemapName,
  SITEMAP_MAX_URLS,
  sitemapFileName,
  sitemapPages,
  sitemapPageSlice,
  type SitemapName,
} from '@/lib/feeds/sitemap-files';
import { escapeXml, rfc822Date, w3cDate } from '@/lib/feeds/xml';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
const site = 'https://midad.example';

function item(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    title: 'عنوان & "اقتباس" <b>',
    url: `${site}/news/5/%D8%AE%D8%A8%D8%B1`,
    description: 'ملخص',
    contentHtml: '<p>نص ]]> <a href="https://midad.example/x">رابط</a></p>',
    publishedAt: new Date('2026-11-01T10:00:00Z'),
    updatedAt: new Date('2026-11-02T08:30:00Z'),
    creators: ['رنا حداد', 'عمر الخطيب'],
    categories: ['اقتصاد', 'نفط'],
    enclosure: { url: `${site}/media/a-1440.webp`, length: 1234, type: 'image/webp' },
    ...overrides,
  };
}

describe('XML text', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008\uFFFE\uD800ok`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;ok',
    );
    expect(escapeXml('😀 عربي\t\n')).toBe('😀 عربي\t\n');
  });

  it('writes RFC 822 dates for RSS and W3C datetimes for sitemaps', () => {
    const date = new Date('2026-03-05T07:08:09.123Z');
    expect(rfc822Date(date)).toBe('Thu, 05 Mar 2026 07:08:09 GMT');
    expect(w3cDate(date)).toBe('2026-03-05T07:08:09Z');
  });
});

describe('RSS', () => {
  it('is well-formed RSS 2.0 whatever the text holds, with full content, authors, categories and enclosure', () => {
    const xml = buildRss({
      title: 'مداد & co',
      siteUrl: `${site}/`,
      feedUrl: `${site}/feed.xml`,
      description: 'وصف',
      language: 'ar',
      items: [item(), item({ enclosure: null, creators: [], updatedAt: new Date('2026-10-01T00:00:00Z') })],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = parser.parse(xml).rss.channel;
    expect(channel.title).toBe('مداد & co');
    expect(channel['atom:link']).toMatchObject({ '@href': `${site}/feed.xml`, '@rel': 'self' });
    expect(channel.lastBuildDate).toBe('Mon, 02 Nov 2026 08:30:00 GMT');
    const [first, second] = channel.item;
    expect(first.title).toBe('عنوان & "اقتباس" <b>');
    expect(first.guid).toEqual({ '#text': item().url, '@isPermaLink': 'true' });
    expect(first.pubDate).toBe('Sun, 01 Nov 2026 10:00:00 GMT');
    expect(first['content:encoded']).toBe(item().contentHtml);
    expect(first['dc:creator']).toEqual(['رنا حداد', 'عمر الخطيب']);
    expect(first.category).toEqual(['اقتصاد', 'نفط']);
    expect(first.enclosure).toEqual({
      '@url': `${site}/media/a-1440.webp`,
      '@length': '1234',
      '@type': 'image/webp',
    });
    expect(second.enclosure).toBeUndefined();
    expect(second['dc:creator']).toBeUndefined();
  });

  it('has no lastBuildDate while empty, and otherwise the newest publish or edit', () => {
    const xml = buildRss({
      title: 't',
      siteUrl: site,
      feedUrl: `${site}/feed.xml`,
      description: '',
      language: 'en',
      items: [],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('lastBuildDate');
    expect(feedLastModified([])).toBeNull();
    const scheduled = {
      publishedAt: new Date('2026-11-03T00:00:00Z'),
      updatedAt: new Date('2026-11-01T00:00:00Z'),
    };
    expect(feedLastModified([item(), scheduled])).toEqual(new Date('2026-11-03T00:00:00Z'));
  });
});

describe('article HTML in feeds', () => {
  it('makes our relative links and images absolute and leaves the rest alone', () => {
    const html =
      '<p><a href="/news/1/%D8%AE" rel="noopener">داخلي</a> <a href="https://example.org/a">خارجي</a> ' +
      '<a href="//cdn.example/x">بلا بروتوكول</a> <a href="mailto:a@b.c">بريد</a></p>' +
      '<figure><img src="/media/a-960.webp" alt="صورة &quot;x&quot;" /><figcaption>تعليق &amp; صورة</figcaption></figure>';
    const out = absolutizeHtml(html, site);
    expect(out).toContain(`href="${site}/news/1/%D8%AE"`);
    expect(out).toContain('href="https://example.org/a"');
    expect(out).toContain('href="//cdn.example/x"');
    expect(out).toContain('href="mailto:a@b.c"');
    expect(out).toContain(`src="${site}/media/a-960.webp"`);
    expect(out).toContain('alt="صورة &quot;x&quot;"');
    expect(out).toContain('تعليق &amp; صورة');
  });
});

describe('sitemap files', () => {
  it.each<[string, SitemapName]>([
    ['sections.xml', { kind: 'sections' }],
    ['tags.xml', { kind: 'tags', page: 1 }],
    ['tags-2.xml', { kind: 'tags', page: 2 }],
    ['authors-13.xml', { kind: 'authors', page: 13 }],
    ['articles-2026-01.xml', { kind: 'articles', year: 2026, month: 1, page: 1 }],
    ['articles-2026-12-2.xml', { kind: 'articles', year: 2026, month: 12, page: 2 }],
  ])('%s has one meaning and one name', (name, parsed) => {
    expect(parseSitemapName(name)).toEqual(parsed);
    expect(sitemapFileName(parsed)).toBe(name);
  });

  it.each([
    'tags-1.xml',
    'tags-0.xml',
    'tags-02.xml',
    'articles-2026-1.xml',
    'articles-2026-13.xml',
    'articles-2026-00.xml',
    'articles-2026-01-1.xml',
    'articles-2026-01.XML',
    'sections-2.xml',
    'users.xml',
    '../sitemap.xml',
  ])('%s names no sitemap', (name) => {
    expect(parseSitemapName(name)).toBeNull();
  });

  it('splits a listing at 50,000 URLs', () => {
    expect(sitemapPages(0)).toEqual([]);
    expect(sitemapPages(SITEMAP_MAX_URLS)).toEqual([1]);
    expect(sitemapPages(SITEMAP_MAX_URLS * 2 + 1)).toEqual([1, 2, 3]);
    const all = Array.from({ length: SITEMAP_MAX_URLS + 5 }, (_, i) => i);
    expect(sitemapPageSlice(all, 1)).toHaveLength(SITEMAP_MAX_URLS);
    expect(sitemapPageSlice(all, 2)).toEqual([50_000, 50_001, 50_002, 50_003, 50_004]);
  });
});

describe('sitemap documents', () => {
  it('escape their URLs and give W3C lastmods and image locations', () => {
    const index = buildSitemapIndex([
      { loc: `${site}/sitemaps/sections.xml?a=1&b=2`, lastModified: new Date('2026-11-01T00:00:00Z') },
      { loc: `${site}/sitemaps/tags.xml`, lastModified: null },
    ]);
    expect(XMLValidator.validate(index)).toBe(true);
    expect(parser.parse(index).sitemapindex.sitemap).toEqual([
      { loc: `${site}/sitemaps/sections.xml?a=1&b=2`, lastmod: '2026-11-01T00:00:00Z' },
      { loc: `${site}/sitemaps/tags.xml` },
    ]);
    const urlset = buildUrlset([
      {
        loc: `${site}/news/1/a`,
        lastModified: new Date('2026-11-01T00:00:00Z'),
        images: [`${site}/media/a-1440.webp`],
      },
    ]);
    expect(XMLValidator.validate(urlset)).toBe(true);
    expect(parser.parse(urlset).urlset.url).toEqual({
      loc: `${site}/news/1/a`,
      lastmod: '2026-11-01T00:00:00Z',
      'image:image': { 'image:loc': `${site}/media/a-1440.webp` },
    });
  });

  it('news sitemap carries the publication, its language, the date and the title', () => {
    const xml = buildNewsSitemap({ name: 'مداد', language: 'ar' }, [
      { loc: `${site}/news/1/a`, title: 'عنوان <مهم> & عاجل', publishedAt: new Date('2026-11-01T10:00:00Z') },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url['news:news']).toEqual({
      'news:publication': { 'news:name': 'مداد', 'news:language': 'ar' },
      'news:publication_date': '2026-11-01T10:00:00Z',
      'news:title': 'عنوان <مهم> & عاجل',
    });
  });

  it('robots.txt lists its rules before the sitemaps, with no blanket Allow that could win', () => {
    expect(buildRobotsTxt({ disallow: ['/admin', '/search'], sitemaps: [`${site}/sitemap.xml`] })).toBe(
      `User-agent: *\nDisallow: /admin\nDisallow: /search\n\nSitemap: ${site}/sitemap.xml\n`,
    );
  });
});
