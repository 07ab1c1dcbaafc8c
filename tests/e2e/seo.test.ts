import { describe, expect, inject, it } from 'vitest';
import { okPage } from '../helpers/pages';

const base = inject('baseURL');
// The server runs without SITE_URL, so its public address is http://localhost:{port}.
const site = `http://localhost:${new URL(base).port}`;

const html = (path: string) => okPage(base, path);

function meta(page: string, attr: 'name' | 'property', key: string): string[] {
  const re = new RegExp(`<meta ${attr}="${key.replace(/[:]/g, '\\$&')}" content="([^"]*)"`, 'g');
  return [...page.matchAll(re)].map((m) => decode(m[1]!));
}

function link(page: string, rel: string): { href: string; hrefLang?: string }[] {
  return [...page.matchAll(/<link ([^>]*)\/?>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => attrs.includes(`rel="${rel}"`))
    .map((attrs) => ({
      href: decode(/href="([^"]*)"/.exec(attrs)![1]!),
      hrefLang: /hrefLang="([^"]*)"/i.exec(attrs)?.[1],
    }));
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<');
}

type Ld = Record<string, unknown> & { '@type': string };

function jsonLd(page: string): Ld[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => {
    const data = JSON.parse(m[1]!) as Ld | Ld[];
    return Array.isArray(data) ? data : [data];
  });
}

async function firstArticlePath(): Promise<string> {
  const home = await html('/');
  return decodeURIComponent(/href="(\/news\/\d+\/[^"]+)"/.exec(home)![1]!);
}

describe('article metadata and structured data', () => {
  it('has a self canonical, Open Graph article tags, a large image and large previews', async () => {
    const path = encodeURI(await firstArticlePath());
    const page = await html(path);
    expect(link(page, 'canonical')).toEqual([{ href: site + path, hrefLang: undefined }]);
    const headline = /<h1[^>]*>(?:<bdi>)?([^<]+)/.exec(page)![1]!;
    expect(/<title>([^<]*)<\/title>/.exec(page)![1]).toMatch(/ \| مداد$/);
    expect(meta(page, 'property', 'og:type')).toEqual(['article']);
    expect(meta(page, 'property', 'og:url')).toEqual([site + path]);
    expect(meta(page, 'property', 'article:published_time')[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(meta(page, 'property', 'article:modified_time')).toHaveLength(1);
    expect(meta(page, 'property', 'article:section')).toHaveLength(1);
    expect(meta(page, 'property', 'article:tag').length).toBeGreaterThan(0);
    expect(Number(meta(page, 'property', 'og:image:width')[0])).toBeGreaterThanOrEqual(1200);
    expect(meta(page, 'name', 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(page, 'name', 'robots')[0]).toContain('max-image-preview:large');
    expect(decode(headline).length).toBeGreaterThan(5);
  });

  it('describes itself as a NewsArticle with image crops, authors, publisher and breadcrumb', async () => {
    const path = encodeURI(await firstArticlePath());
    const page = await html(path);
    const blocks = jsonLd(page);
    const article = blocks.find((b) => b['@type'] === 'NewsArticle')!;
    for (const key of [
      'headline',
      'image',
      'datePublished',
      'dateModified',
      'author',
      'publisher',
      'inLanguage',
      'articleSection',
    ])
      expect(article[key], key).toBeTruthy();
    const images = article.image as string[];
    expect(images.map((u) => /-(\d+x\d+)\.webp$/.exec(u)?.[1])).toEqual(['16x9', '4x3', '1x1']);
    for (const url of images) {
      const res = await fetch(base + new URL(url).pathname);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
    }
    expect((article.author as { url: string }[])[0]!.url).toMatch(new RegExp(`^${site}/author/`));
    expect(article.publisher).toMatchObject({
      '@type': 'NewsMediaOrganization',
      logo: { url: `${site}/logo.png` },
    });
    expect((await fetch(`${base}/logo.png`)).status).toBe(200);

    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList')!;
    const names = (crumbs.itemListElement as { name: string }[]).map((c) => c.name);
    const breadcrumb = [...page.matchAll(/<nav [^>]*>([\s\S]*?)<\/nav>/g)].find((m) =>
      m[1]!.includes('aria-current="page"'),
    )![1]!;
    const visible = [...breadcrumb.matchAll(/<(?:a|bdi)[^>]*>([^<]+)</g)].map((m) => decode(m[1]!));
    expect(names).toEqual(visible);
  });
});

describe('listing and home metadata', () => {
  it('home: WebSite with a search action, an item list, hreflang between editions', async () => {
    const page = await html('/');
    const blocks = jsonLd(page);
    const website = blocks.find((b) => b['@type'] === 'WebSite')!;
    expect(JSON.stringify(website.potentialAction)).toContain(`${site}/search?q={search_term_string}`);
    const collection = blocks.find((b) => b['@type'] === 'CollectionPage')!;
    expect((collection.mainEntity as { itemListElement: unknown[] }).itemListElement.length).toBeGreaterThan(
      3,
    );
    const alternates = link(page, 'alternate')
      .filter((l) => l.hrefLang)
      .map((l) => ({ ...l, href: new URL(l.href).href }));
    expect(alternates).toEqual(
      expect.arrayContaining([
        { href: `${site}/`, hrefLang: 'ar' },
        { href: `${site}/en`, hrefLang: 'en' },
        { href: `${site}/`, hrefLang: 'x-default' },
      ]),
    );
  });

  it('section pages list their stories; deep pages are noindex but followed', async () => {
    const page = await html('/category/economy?page=2');
    expect(link(page, 'canonical')[0]!.href).toBe(`${site}/category/economy?page=2`);
    expect(meta(page, 'name', 'robots')[0]).toContain('index');
    expect(meta(page, 'name', 'robots')[0]).not.toContain('noindex');
    const collection = jsonLd(page).find((b) => b['@type'] === 'CollectionPage')!;
    expect((collection.mainEntity as { itemListElement: unknown[] }).itemListElement).toHaveLength(
      [...page.split('<main')[1]!.matchAll(/<article/g)].length,
    );
    const deep = await html('/latest?page=11');
    expect(meta(deep, 'name', 'robots')[0]).toBe('noindex, follow');
  });
});
