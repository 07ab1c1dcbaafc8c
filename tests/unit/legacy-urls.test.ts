import { describe, expect, it } from 'vitest';
import { canonicalTarget, legacyKeys, planLegacyUrl } from '@/lib/import/wordpress/legacy-urls';
import { isMidadAddress } from '@/lib/server/legacy-urls';

// "سوريا-اليوم" as WordPress stores it (lower-case hex) and as a browser copies it (upper-case).
const SLUG = 'سوريا-اليوم';
const LOWER = encodeURIComponent(SLUG).toLowerCase();
const UPPER = encodeURIComponent(SLUG);
// The same words with the hamza written as a combining mark (NFD): another keyboard's spelling.
const HAMZA_NFC = 'أخبار';
const HAMZA_NFD = HAMZA_NFC.normalize('NFD');

describe('legacyKeys of a post link', () => {
  it.each([
    [`/2024/05/${LOWER}/`],
    [`/2024/05/${LOWER}`],
    [`/2024/05/${UPPER}/`],
    [`/2024/05/${UPPER}`],
    [`https://old.example/2024/05/${LOWER}/`],
    [`/2024/05/${UPPER}/?utm_source=x#comments`],
    [`/2024/05/${SLUG}/`],
  ])('%s has the one key of the decoded path', (url) => {
    expect(legacyKeys(url)).toEqual([`/2024/05/${SLUG}`]);
  });

  it('composes a decomposed hamza, encoded or not', () => {
    const key = `/${HAMZA_NFC}`;
    expect(legacyKeys(`/${encodeURIComponent(HAMZA_NFD)}/`)).toEqual([key]);
    expect(legacyKeys(`/${HAMZA_NFD}`)).toEqual([key]);
    expect(HAMZA_NFD).not.toBe(HAMZA_NFC);
  });

  it('keeps the bytes of a slug WordPress cut inside a letter, as upper-case hex, in either case', () => {
    // "خبر-عاجل" cut after the first byte of its last letter.
    const cut = encodeURIComponent('خبر-عاجل').slice(0, -3);
    expect(() => decodeURIComponent(cut)).toThrow(URIError);
    const key = ['/خبر-عاج%D9'];
    expect(legacyKeys(`/${cut.toLowerCase()}/`)).toEqual(key);
    expect(legacyKeys(`/${cut}`)).toEqual(key);
  });

  it('tries a PATHINFO permalink without index.php as well', () => {
    expect(legacyKeys('/index.php/2024/05/hello/')).toEqual(['/index.php/2024/05/hello', '/2024/05/hello']);
  });
});

describe('legacyKeys of an uploaded image', () => {
  const dir = '/wp-content/uploads/2024/05';
  it('a resized copy is also its upload, and the large upload WordPress scaled', () => {
    expect(legacyKeys(`${dir}/name-300x200.jpg`)).toEqual([
      `${dir}/name-300x200.jpg`,
      `${dir}/name.jpg`,
      `${dir}/name-scaled.jpg`,
    ]);
    expect(legacyKeys(`${dir}/name-1024x683@2x.PNG`)).toEqual([
      `${dir}/name-1024x683@2x.PNG`,
      `${dir}/name.PNG`,
      `${dir}/name-scaled.PNG`,
    ]);
  });

  it('the scaled copy and the upload find each other', () => {
    expect(legacyKeys(`${dir}/name-scaled.jpg`)).toEqual([`${dir}/name-scaled.jpg`, `${dir}/name.jpg`]);
    expect(legacyKeys(`${dir}/name.jpg`)).toEqual([`${dir}/name.jpg`, `${dir}/name-scaled.jpg`]);
  });

  it('an edited image is also the upload it was made from', () => {
    expect(legacyKeys(`${dir}/name-e1712345678901-150x150.jpg`)).toEqual([
      `${dir}/name-e1712345678901-150x150.jpg`,
      `${dir}/name-e1712345678901.jpg`,
      `${dir}/name-e1712345678901-scaled.jpg`,
      `${dir}/name.jpg`,
    ]);
  });

  it('an Arabic file name in either hex case', () => {
    const name = encodeURIComponent('صورة');
    expect(legacyKeys(`${dir}/${name.toLowerCase()}-300x200.jpg`)[1]).toBe(`${dir}/صورة.jpg`);
    expect(legacyKeys(`${dir}/${name}-300x200.jpg`)[1]).toBe(`${dir}/صورة.jpg`);
  });
});

describe('legacyKeys of a query-style address', () => {
  it.each([
    ['/?p=123', '/?p=123'],
    ['/?p=0123&preview=true', '/?p=123'],
    ['/index.php?page_id=7', '/?page_id=7'],
    ['/?attachment_id=55', '/?attachment_id=55'],
    ['/?cat=12', '/?cat=12'],
    ['/?author=7', '/?author=7'],
    ['/en/?p=9', '/?p=9'],
    ['https://old.example/?utm_source=x&p=5', '/?p=5'],
    // The first of the parameters, in WordPress's order, whichever comes first in the URL.
    ['/?cat=3&p=4', '/?p=4'],
    // Not a number: that parameter names nothing, the next one does.
    ['/?p=abc&cat=3', '/?cat=3'],
    [`/?tag=${LOWER}`, `/?tag=${SLUG}`],
    [`/?tag=${UPPER}`, `/?tag=${SLUG}`],
  ])('%s → %s', (url, key) => {
    expect(legacyKeys(url)).toEqual([key]);
  });

  it('has no key for the front page, with or without other parameters', () => {
    expect(legacyKeys('/')).toEqual([]);
    expect(legacyKeys('/?utm_source=x')).toEqual([]);
    expect(legacyKeys('/?p=')).toEqual([]);
    expect(legacyKeys('/?p=-1')).toEqual([]);
  });

  it('answers a search with the search page, and has no key for it', () => {
    expect(legacyKeys('/?s=x')).toEqual([]);
    expect(planLegacyUrl('/?s=%d8%b3%d9%88%d8%b1%d9%8a%d8%a7+%d8%a7%d9%84%d9%8a%d9%88%d9%85')).toEqual({
      kind: 'answer',
      location: `/search?${new URLSearchParams({ q: 'سوريا اليوم' })}`,
    });
    expect(planLegacyUrl('/en/?s=')).toEqual({ kind: 'answer', location: '/en/search' });
    expect(planLegacyUrl('/search/gaza+news/')).toEqual({ kind: 'answer', location: '/search?q=gaza+news' });
  });

  it('sends a month archive by query to the latest stories', () => {
    expect(planLegacyUrl('/?m=202405')).toEqual({ kind: 'answer', location: '/latest' });
  });
});

describe('feeds, pages and AMP copies', () => {
  it.each(['/feed/', '/feed', '/feed/rss2/', '/feed/atom/', '/comments/feed/', '/?feed=rss2'])(
    'the site feed %s goes to /feed.xml without a lookup',
    (url) => {
      expect(planLegacyUrl(url)).toEqual({ kind: 'answer', location: '/feed.xml' });
    },
  );

  it('the English edition has its own feed', () => {
    expect(planLegacyUrl('/en/feed/')).toEqual({ kind: 'answer', location: '/en/feed.xml' });
  });

  it('a listing feed is looked up as itself, then as its listing', () => {
    expect(legacyKeys(`/category/${LOWER}/feed/`)).toEqual([`/category/${SLUG}/feed`, `/category/${SLUG}`]);
    expect(legacyKeys('/tag/gaza/feed/atom')).toEqual(['/tag/gaza/feed/atom', '/tag/gaza']);
    const plan = planLegacyUrl('/en/author/sami/feed/');
    expect(plan).toMatchObject({ edition: 'en', of: { keys: ['/en/author/sami'], want: 'feed' } });
    expect(planLegacyUrl('/?cat=12&feed=rss2')).toMatchObject({
      keys: [],
      of: { keys: ['/?cat=12'], want: 'feed' },
    });
  });

  it('a later page of a listing, and the AMP copy of a post', () => {
    expect(planLegacyUrl('/category/news/page/3/')).toMatchObject({
      keys: ['/category/news/page/3'],
      of: { keys: ['/category/news'], want: 'page', page: 3 },
    });
    expect(planLegacyUrl('/2024/05/hello/amp/')).toMatchObject({
      of: { keys: ['/2024/05/hello'], want: 'same' },
    });
    expect(planLegacyUrl('/page/2/')).toEqual({ kind: 'answer', location: '/latest?page=2' });
  });

  it('knows a date archive (answered only when no row matches it)', () => {
    for (const url of ['/2024/', '/2024/05/', '/2024/05/12/', '/en/2019/12'])
      expect(planLegacyUrl(url), url).toMatchObject({ kind: 'lookup', dateArchive: true });
    for (const url of ['/2024/13/', '/2024/05/hello/', '/1850/'])
      expect(planLegacyUrl(url), url).toMatchObject({ dateArchive: false });
    expect(planLegacyUrl('/2024/05/feed/')).toMatchObject({ dateArchive: true, of: { want: 'feed' } });
  });
});

describe('canonicalTarget', () => {
  it('spells a target as Midad links it: upper-case hex of NFC, query kept', () => {
    expect(canonicalTarget(`/tag/${SLUG}`)).toBe(`/tag/${UPPER}`);
    expect(canonicalTarget(`/tag/${LOWER}`)).toBe(`/tag/${UPPER}`);
    expect(canonicalTarget(`/tag/${encodeURIComponent(HAMZA_NFD)}`)).toBe(
      `/tag/${encodeURIComponent(HAMZA_NFC)}`,
    );
    expect(canonicalTarget('/category/news')).toBe('/category/news');
    expect(canonicalTarget('/search?q=a+b')).toBe('/search?q=a+b');
    expect(canonicalTarget('https://elsewhere.example/x')).toBe('https://elsewhere.example/x');
  });
});

describe('isMidadAddress: what goes on without a query', () => {
  const files = new Set(['/logo.png']);
  it.each([
    '/',
    '/en',
    '/?utm_source=x',
    '/news/12/slug',
    `/news/12/${UPPER}`,
    '/en/news/12/slug',
    '/latest?page=2',
    '/search?q=x',
    '/category/economy',
    '/en/category/economy/feed.xml',
    '/tag/gaza',
    `/tag/${UPPER}`,
    `/tag/${UPPER}/feed.xml`,
    '/author/sami',
    '/feed.xml',
    '/sitemap.xml',
    '/sitemaps/articles-1.xml',
    '/_next/static/chunks/a.js',
    '/media/u1-abc-960.webp',
    '/api/health',
    '/admin/articles',
    '/en/admin',
    '/logo.png',
  ])('%s is Midad’s own', (url) => {
    expect(isMidadAddress(url, files)).toBe(true);
  });

  it.each([
    '/?p=123',
    '/en/?p=123',
    '/?s=words',
    '/?feed=rss2',
    '/2024/05/hello/',
    '/category/economy/',
    `/category/${UPPER}`,
    `/tag/${LOWER}`,
    `/tag/${UPPER}/`,
    '/tag/%D8%A7%D9',
    '/feed/',
    '/wp-content/uploads/2024/05/name-300x200.jpg',
    '/hello-world',
  ])('%s is looked up', (url) => {
    expect(isMidadAddress(url, files)).toBe(false);
  });
});
