import { describe, expect, it } from 'vitest';
import {
  combinePresets,
  mapItemMeta,
  META_PRESETS,
  MAPPED_FIELDS,
} from '@/lib/import/wordpress/meta-presets';
import type { WxrItem, WxrMeta } from '@/lib/import/wordpress/types';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';
import { realExport, WP_FIXTURES } from '@/tests/helpers/wp-fixtures';

const meta = (pairs: Record<string, string>): WxrMeta[] =>
  Object.entries(pairs).map(([key, value]) => ({ key, value }));
const s = (text: string) => `s:${Buffer.byteLength(text)}:"${text}";`;
const none = {
  seoTitle: null,
  seoDescription: null,
  primaryCategory: null,
  views: null,
  subtitle: null,
  source: null,
};

describe('META_PRESETS', () => {
  it('names a key for every field it claims, and only known fields', () => {
    for (const p of META_PRESETS) {
      for (const [k, v] of Object.entries(p)) {
        if (k === 'id' || k === 'label') continue;
        expect(MAPPED_FIELDS).toContain(k);
        expect(Array.isArray(v) && v.length > 0).toBe(true);
      }
    }
    expect(META_PRESETS.map((p) => p.id)).toEqual([
      'yoast',
      'rank-math',
      'jannah',
      'newspaper',
      'wp-postviews',
    ]);
  });
});

describe('mapItemMeta', () => {
  it('reads Yoast', () => {
    expect(
      mapItemMeta(
        meta({
          _yoast_wpseo_title: 'عنوان %%sep%% %%sitename%%',
          _yoast_wpseo_metadesc:
            'در این پست به کار های لازم هنگام قطعی اینترنت، و اقدامات پیشگیرانه می‌پردازیم.',
          _yoast_wpseo_primary_category: '45',
        }),
      ),
    ).toEqual({
      ...none,
      seoTitle: 'عنوان %%sep%% %%sitename%%',
      seoDescription: 'در این پست به کار های لازم هنگام قطعی اینترنت، و اقدامات پیشگیرانه می‌پردازیم.',
      primaryCategory: 45,
    });
  });

  it('reads Rank Math', () => {
    expect(
      mapItemMeta(
        meta({ rank_math_title: 'عنوان', rank_math_description: 'وصف', rank_math_primary_category: '12' }),
      ),
    ).toEqual({ ...none, seoTitle: 'عنوان', seoDescription: 'وصف', primaryCategory: 12 });
  });

  it('reads Jannah’s subtitle and primary category', () => {
    expect(
      mapItemMeta(meta({ tie_post_sub_title: 'تفاصيل الخطة', tie_primary_category: '8', tie_views: '40' })),
    ).toEqual({ ...none, subtitle: 'تفاصيل الخطة', primaryCategory: 8, views: 40 });
  });

  it('reads Jannah’s tie_views and every WP-PostViews key, keeping the largest count', () => {
    expect(mapItemMeta(meta({ tie_views: '1520' })).views).toBe(1520);
    expect(mapItemMeta(meta({ views: '12', post_views_count: '340', post_view_count: '7' })).views).toBe(340);
    expect(mapItemMeta(meta({ post_view_count: '274' })).views).toBe(274);
    expect(mapItemMeta(meta({ views: 'many' })).views).toBeNull();
  });

  it('reads tagDiv’s subtitle and source from the serialised td_post_theme_settings', () => {
    const settings = `a:5:{${s('td_subtitle')}${s('الحكومة تقرّ خطة لدعم المزارعين')}${s('td_source')}${s('سانا')}${s('td_source_url')}${s('https://sana.sy/')}${s('td_post_template')}${s('single_template_4')}${s('td_primary_cat')}${s('12')}}`;
    expect(mapItemMeta(meta({ td_post_theme_settings: settings }))).toEqual({
      ...none,
      subtitle: 'الحكومة تقرّ خطة لدعم المزارعين',
      source: 'سانا',
      primaryCategory: 12,
    });
  });

  it('ignores a td_post_theme_settings that hides an object, and keeps the rest', () => {
    const hostile = 'O:8:"stdClass":1:{s:11:"td_subtitle";s:1:"x";}';
    expect(mapItemMeta(meta({ td_post_theme_settings: hostile, tie_views: '3' }))).toEqual({
      ...none,
      views: 3,
    });
  });

  it('treats empty values and a zero or empty primary category as nothing', () => {
    expect(
      mapItemMeta(
        meta({
          _yoast_wpseo_title: '  ',
          _yoast_wpseo_primary_category: '',
          rank_math_primary_category: '0',
        }),
      ),
    ).toEqual(none);
  });

  it('falls through to the next preset when the first is empty', () => {
    expect(
      mapItemMeta(meta({ _yoast_wpseo_metadesc: '', rank_math_description: 'وصف' })).seoDescription,
    ).toBe('وصف');
  });

  it('takes the first of duplicate keys, as get_post_meta(…, true) does', () => {
    expect(
      mapItemMeta([
        { key: '_yoast_wpseo_title', value: 'الأول' },
        { key: '_yoast_wpseo_title', value: 'الثاني' },
      ]).seoTitle,
    ).toBe('الأول');
  });

  it('uses only the presets it is given (an operator’s own key included)', () => {
    const sources = combinePresets([
      ...META_PRESETS.filter((p) => p.id === 'yoast'),
      { id: 'site', label: 'this site', subtitle: [{ key: 'sayid_subtitle' }] },
    ]);
    expect(mapItemMeta(meta({ tie_views: '9', sayid_subtitle: 'زیرعنوان' }), sources)).toEqual({
      ...none,
      subtitle: 'زیرعنوان',
    });
  });
});

describe.skipIf(!WP_FIXTURES)('mapItemMeta on parchlinux (Yoast, post_view_count)', () => {
  it('finds the view counts, descriptions and primary categories the file holds', async () => {
    const mapped: ReturnType<typeof mapItemMeta>[] = [];
    for await (const r of readWxr(realExport('parchlinux-fa-en-polylang.xml')))
      if (r.type === 'item' && (r as WxrItem).postType === 'post') mapped.push(mapItemMeta(r.meta));
    const views = mapped.map((m) => m.views).filter((v): v is number => v !== null);
    expect(Math.min(...views)).toBe(1);
    expect(Math.max(...views)).toBe(274);
    expect(mapped.map((m) => m.primaryCategory)).toContain(45);
    const descriptions = mapped.map((m) => m.seoDescription).filter(Boolean);
    expect(descriptions).toContain(
      'در این پست به کار های لازم هنگام قطعی اینترنت، و اقدامات پیشگیرانه می‌پردازیم.',
    );
    expect(descriptions.some((d) => d!.includes('\u200c'))).toBe(true);
  });
});
