import { describe, expect, it } from 'vitest';
import { articleHref, articlePath, parseArticlePath, parseId } from '@/lib/article-url';
import { pageHref, parsePageParam } from '@/lib/pagination';

describe('parsePageParam', () => {
  it.each([
    [undefined, 1],
    ['1', 1],
    ['12', 12],
    ['0', null],
    ['-1', null],
    ['01', null],
    ['1.5', null],
    ['abc', null],
    ['', null],
    ['1e3', null],
    ['9999999', null],
    [['1', '2'], null],
  ])('%o → %o', (value, expected) => {
    expect(parsePageParam(value)).toBe(expected);
  });

  it('links page 1 without a query string', () => {
    expect(pageHref('/category/sports', 1)).toBe('/category/sports');
    expect(pageHref('/category/sports', 3)).toBe('/category/sports?page=3');
  });
});

describe('article URLs', () => {
  it('percent-encodes Arabic slugs and prefixes English', () => {
    expect(articlePath({ id: 7, slug: 'أخبار-اليوم', locale: 'ar' })).toBe(
      `/news/7/${encodeURIComponent('أخبار-اليوم')}`,
    );
    expect(articlePath({ id: 7, slug: 'today', locale: 'en' })).toBe('/en/news/7/today');
  });

  it.each([
    'أخبار-اليوم',
    'مُسْتَشْفَى-الأطفال',
    'انتخابات-٢٠٢٦-والنتائج',
    'today',
    'a?b#c%d e/f',
    'قهوة’s-100%-"نقية"',
  ])('a link to %j is short, and the browser requests exactly the canonical path', (slug) => {
    for (const locale of ['ar', 'en']) {
      const a = { id: 42, slug, locale };
      const href = articleHref(a);
      expect(new URL(href, 'https://midad.example').pathname).toBe(articlePath(a));
      expect(href.length).toBeLessThanOrEqual(articlePath(a).length);
    }
    expect(articleHref({ id: 42, slug: 'أخبار-اليوم', locale: 'ar' })).toBe('/news/42/أخبار-اليوم');
  });

  it.each([
    ['/news/12/slug', { locale: 'ar', id: '12', rawSlug: 'slug' }],
    ['/news/12', { locale: 'ar', id: '12', rawSlug: null }],
    ['/news/12/', { locale: 'ar', id: '12', rawSlug: null }],
    ['/en/news/3/x', { locale: 'en', id: '3', rawSlug: 'x' }],
    ['/news', null],
    ['/news/1/a/b', null],
  ])('parses %s', (path, expected) => {
    expect(parseArticlePath(path)).toEqual(expected);
  });

  it.each([
    ['1', 1],
    ['123', 123],
    ['0', null],
    ['012', null],
    ['1e2', null],
    ['abc', null],
    ['99999999999999999999', null],
  ])('parseId(%s) → %o', (raw, expected) => {
    expect(parseId(raw)).toBe(expected);
  });
});
