import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, asciiSlug, decodeSlugParam, slugify } from '@/lib/arabic/slug';

describe('slugify', () => {
  it.each([
    ['ارتفاع أسعار الخبز في دمشق', 'ارتفاع-أسعار-الخبز-في-دمشق'],
    ['مَدْرَسَةٌ جَدِيدَةٌ في حلب', 'مدرسة-جديدة-في-حلب'],
    ['الأخبـــار العاجلة', 'الأخبار-العاجلة'],
    ['«قمة» المناخ: COP30 تبدأ اليوم!', 'قمة-المناخ-cop30-تبدأ-اليوم'],
    ['نمو بنسبة 3.5% في الربع الثالث', 'نمو-بنسبة-3-5-في-الربع-الثالث'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps slugs in NFC with no harakat or tatweel', () => {
    const slug = slugify('الإِمارات تُعلِن خطّة ــ جديدة');
    expect(slug).toBe(slug.normalize('NFC'));
    expect(slug).not.toMatch(/[\u064B-\u065F\u0670\u0640]/);
  });

  it('caps the length at a word boundary', () => {
    const title = 'وزارة الزراعة تعلن خطة وطنية شاملة لدعم المزارعين في المحافظات الشمالية والشرقية';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(title.replace(/\s+/g, '-')).toContain(slug);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('keeps the percent-encoded form under a file-name limit', () => {
    const slug = slugify('ب'.repeat(30) + ' ' + 'ت'.repeat(30));
    expect(Buffer.byteLength(encodeURIComponent(slug))).toBeLessThan(255);
  });

  it('round-trips through percent-encoding exactly', () => {
    const slug = slugify('مهرجان القراءة يعود إلى بيروت بعد غياب');
    expect(decodeSlugParam(encodeURIComponent(slug))).toBe(slug);
  });

  it('rejects malformed percent-encoding instead of throwing', () => {
    expect(decodeSlugParam('%E0%A4%A')).toBeNull();
  });
});

describe('asciiSlug', () => {
  it('makes ASCII slugs for sections and authors', () => {
    expect(asciiSlug('Science & Technology')).toBe('science-technology');
  });
});
