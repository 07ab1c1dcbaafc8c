import { describe, expect, it } from 'vitest';
import { decodePercentSafe, decodeWpSlug, wpPathKey } from '@/lib/import/wordpress/slugs';

// parchlinux's longest post_name: 199 bytes, cut by WordPress at its 200-byte cap mid-word.
const CUT_AT_200 =
  '%d8%a2%d9%85%d9%88%d8%b2%d8%b4-%d8%a7%d8%b3%d8%aa%d9%81%d8%a7%d8%af%d9%87-%d8%a7%d8%b2-%d9%85%d8%ad%db%8c%d8%b7-%d9%85%d8%ac%d8%a7%d8%b2%db%8c-%d9%be%d8%a7%db%8c%d8%aa%d9%88%d9%86-%d8%af%d8%b1-%d9%be';

describe('decodeWpSlug', () => {
  it('decodes the 199-byte Persian slug of parchlinux', () => {
    expect(Buffer.byteLength(CUT_AT_200)).toBe(199);
    expect(decodeWpSlug(CUT_AT_200)).toEqual({
      raw: CUT_AT_200,
      decoded: 'آموزش-استفاده-از-محیط-مجازی-پایتون-در-پ',
      complete: true,
    });
  });

  it.each([
    // Cut after the first byte of the last letter: what WordPress's byte cap does to a slug.
    [196, 'آموزش-استفاده-از-محیط-مجازی-پایتون-در-%D9'],
    // Cut inside an escape as well.
    [190, 'آموزش-استفاده-از-محیط-مجازی-پایتون-د%D8%'],
  ])('keeps what it can of the slug cut at %i characters, where decodeURIComponent throws', (n, decoded) => {
    const cut = CUT_AT_200.slice(0, n);
    expect(() => decodeURIComponent(cut)).toThrow(URIError);
    expect(decodeWpSlug(cut)).toEqual({ raw: cut, decoded, complete: false });
  });

  it('decodes lowercase and uppercase hex alike', () => {
    const lower = '%e6%97%a5%e6%9c%ac%e8%aa%9e%e3%83%86%e3%82%b9%e3%83%88'; // hexo's CJK slug
    expect(decodeWpSlug(lower).decoded).toBe('日本語テスト');
    expect(decodeWpSlug(lower.toUpperCase()).decoded).toBe('日本語テスト');
  });

  it('passes raw Unicode slugs through (sayid writes nicenames unencoded)', () => {
    expect(decodeWpSlug('طراحی-محصول')).toEqual({
      raw: 'طراحی-محصول',
      decoded: 'طراحی-محصول',
      complete: true,
    });
  });

  it('returns NFC: a decomposed alef with hamza becomes one code point', () => {
    const decomposed = encodeURIComponent('ا\u0654حمد');
    expect(decodeWpSlug(decomposed).decoded).toBe('أحمد');
  });

  it.each([
    ['%', '%', false],
    ['100%-natural', '100%-natural', false],
    ['%zz', '%zz', false],
    ['%c0%af', '%C0%AF', false], // an overlong "/" is not UTF-8
    ['%ed%a0%80', '%ED%A0%80', false], // a UTF-16 surrogate is not UTF-8
    ['a%ffb', 'a%FFb', false],
    ['%D8%A7%d8%a8', 'اب', true], // mixed case in one slug
  ])('never throws on %j', (raw, text, complete) => {
    expect(decodePercentSafe(raw)).toEqual({ text, complete });
  });
});

describe('wpPathKey', () => {
  it('matches a WordPress link and the same address copied from a browser', () => {
    const wordpress = 'https://blog.parchlinux.com/fa/%d8%b9%d8%b1%d8%b6%d9%87-%d8%a8%db%8c%d9%84%d8%af/';
    const browser = '/fa/%D8%B9%D8%B1%D8%B6%D9%87-%D8%A8%DB%8C%D9%84%D8%AF';
    expect(wpPathKey(wordpress)).toBe('/fa/عرضه-بیلد');
    expect(wpPathKey(browser)).toBe(wpPathKey(wordpress));
  });

  it('drops the query and fragment, keeps a subdirectory install’s path', () => {
    expect(wpPathKey('https://s1.demo.opensourcecms.com/wordpress/2020/01/05/x/?utm=1#c')).toBe(
      '/wordpress/2020/01/05/x',
    );
    expect(wpPathKey('https://example.com')).toBe('/');
  });
});

describe('an escape cut short at the end of a slug', () => {
  it('is one key in either hex case', () => {
    expect(wpPathKey('/%d8%a7%d')).toBe(wpPathKey('/%D8%A7%D'));
    expect(wpPathKey('/%d8%a7%d')).toBe('/ا%D');
  });
});
