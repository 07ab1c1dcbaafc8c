import { describe, expect, it } from 'vitest';
import { diffBody, diffMeta, diffWords } from '@/lib/diff';

describe('diffWords', () => {
  it('marks replaced words', () => {
    expect(diffWords('افتتاح جسر جديد في حمص', 'افتتاح جسر حديث في حمص')).toEqual([
      { kind: 'same', text: 'افتتاح جسر ' },
      { kind: 'removed', text: 'جديد' },
      { kind: 'added', text: 'حديث' },
      { kind: 'same', text: ' في حمص' },
    ]);
  });

  it('handles additions at the end and empty texts', () => {
    expect(diffWords('', 'نص')).toEqual([{ kind: 'added', text: 'نص' }]);
    expect(diffWords('نص', 'نص')).toEqual([{ kind: 'same', text: 'نص' }]);
    expect(diffWords('أ ب', 'أ ب ج')).toEqual([
      { kind: 'same', text: 'أ ب' },
      { kind: 'added', text: ' ج' },
    ]);
  });
});

describe('diffBody', () => {
  const marks = (parts: ReturnType<typeof diffBody>, kind: 'added' | 'removed') =>
    parts.filter((p) => p.kind === kind && p.mark).map((p) => p.mark);

  it('shows a word made bold, with no text change', () => {
    const parts = diffBody('<p>افتتاح الجسر اليوم</p>', '<p>افتتاح <strong>الجسر</strong> اليوم</p>');
    expect(parts.filter((p) => p.kind !== 'same' && !p.mark)).toEqual([]);
    expect(marks(parts, 'added')).toEqual([
      { type: 'bold', end: false },
      { type: 'bold', end: true },
    ]);
  });

  it('shows headings, quotes, italics and lists appearing or going', () => {
    const parts = diffBody(
      '<p>عنوان</p><ul><li>أول</li></ul><p><em>مائل</em></p>',
      '<h2>عنوان</h2><ol><li>أول</li></ol><blockquote><p>مائل</p></blockquote>',
    );
    expect(marks(parts, 'added')).toEqual([
      { type: 'heading', level: 2, end: false },
      { type: 'heading', level: 2, end: true },
      { type: 'orderedList', end: false },
      { type: 'orderedList', end: true },
      { type: 'quote', end: false },
      { type: 'quote', end: true },
    ]);
    expect(marks(parts, 'removed')).toEqual([
      { type: 'bulletList', end: false },
      { type: 'bulletList', end: true },
      { type: 'italic', end: false },
      { type: 'italic', end: true },
    ]);
  });

  it('shows a changed link address and a changed image alt text', () => {
    const parts = diffBody(
      '<p>راجع <a href="https://a.example/">التقرير</a></p><figure><img src="/media/x-800.webp" alt="جسر"></figure>',
      '<p>راجع <a href="https://b.example/?q=1&amp;r=2">التقرير</a></p><figure><img src="/media/x-800.webp" alt="جسر فوق النهر"></figure>',
    );
    expect(marks(parts, 'removed')).toEqual([
      { type: 'link', href: 'https://a.example/', end: false },
      { type: 'image', src: '/media/x-800.webp', alt: 'جسر' },
    ]);
    expect(marks(parts, 'added')).toEqual([
      { type: 'link', href: 'https://b.example/?q=1&r=2', end: false },
      { type: 'image', src: '/media/x-800.webp', alt: 'جسر فوق النهر' },
    ]);
    expect(parts.filter((p) => p.kind !== 'same' && !p.mark)).toEqual([]);
  });

  it('still marks plain word changes', () => {
    expect(diffBody('<p>جسر جديد</p>', '<p>جسر حديث</p>')).toEqual([
      { kind: 'same', text: 'جسر ' },
      { kind: 'removed', text: 'جديد ' },
      { kind: 'added', text: 'حديث ' },
    ]);
  });
});

describe('diffMeta', () => {
  const base = {
    tags: ['جسور', 'حمص'],
    sectionId: 1,
    heroMediaId: 5,
    slug: 'a',
    sourceOutlet: 'مداد',
    sourceAgency: '',
  };
  it('lists tags added and removed, and a section, image, slug or source change', () => {
    expect(
      diffMeta(base, {
        ...base,
        tags: ['حمص', 'طرق'],
        sectionId: 2,
        heroMediaId: null,
        slug: 'b',
        sourceAgency: 'وكالة',
      }),
    ).toEqual({
      tags: { added: ['طرق'], removed: ['جسور'] },
      section: { before: 1, after: 2 },
      heroImage: { before: 5, after: null },
      slug: { before: 'a', after: 'b' },
      source: { before: 'مداد', after: 'مداد / وكالة' },
    });
  });
  it('reports nothing when nothing but the text changed', () => {
    expect(diffMeta(base, base)).toEqual({
      tags: { added: [], removed: [] },
      section: null,
      heroImage: null,
      slug: null,
      source: null,
    });
  });
});
