import { describe, expect, it } from 'vitest';
import { breadcrumbLd, jsonLdText, newsArticleLd, websiteLd, type SiteInfo } from '@/lib/seo/json-ld';

const site: SiteInfo = { url: 'https://midad.example', name: 'مداد', locale: 'ar', homePath: '/' };

describe('JSON-LD', () => {
  it('cannot be broken out of by article text', () => {
    const text = jsonLdText({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script> & \u2028');
  });

  it('describes a news article with the properties search engines require', () => {
    const ld = newsArticleLd(site, {
      url: 'https://midad.example/news/5/خبر',
      headline: 'عنوان',
      description: 'ملخص',
      images: ['a-16x9', 'a-4x3', 'a-1x1'],
      datePublished: new Date('2026-11-01T10:00:00Z'),
      dateModified: new Date('2026-11-02T10:00:00Z'),
      authors: [{ name: 'رنا', url: 'https://midad.example/author/rana' }],
      section: 'اقتصاد',
      keywords: ['نفط', 'أسواق'],
      wordCount: 400,
      sourceLine: 'مداد – وكالة',
    });
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'عنوان',
      image: ['a-16x9', 'a-4x3', 'a-1x1'],
      datePublished: '2026-11-01T10:00:00.000Z',
      dateModified: '2026-11-02T10:00:00.000Z',
      author: [{ '@type': 'Person', name: 'رنا', url: 'https://midad.example/author/rana' }],
      publisher: { '@type': 'NewsMediaOrganization', logo: { url: 'https://midad.example/logo.png' } },
      inLanguage: 'ar',
      articleSection: 'اقتصاد',
      keywords: 'نفط, أسواق',
    });
  });

  it('numbers breadcrumbs from one and offers the search box', () => {
    const crumbs = breadcrumbLd([
      { name: 'الرئيسية', url: 'https://midad.example/' },
      { name: 'اقتصاد', url: 'https://midad.example/category/economy' },
    ]);
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'الرئيسية', item: 'https://midad.example/' },
      { '@type': 'ListItem', position: 2, name: 'اقتصاد', item: 'https://midad.example/category/economy' },
    ]);
    expect(JSON.stringify(websiteLd({ ...site, homePath: '/en', locale: 'en' }))).toContain(
      'https://midad.example/en/search?q={search_term_string}',
    );
  });
});
