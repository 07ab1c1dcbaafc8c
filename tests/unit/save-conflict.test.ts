import { describe, expect, it } from 'vitest';
import { CONFLICT_FIELDS, fieldDiffers } from '@/components/admin/save-conflict';
import type { ArticleDraftInput } from '@/lib/articles/input';

const story: ArticleDraftInput = {
  id: 7,
  locale: 'ar',
  title: 'مهرجان الزيتون يعود في موعده',
  slug: 'مهرجان-الزيتون',
  dek: '',
  body: '<p>يعود المهرجان إلى الساحة.</p>',
  sectionId: 3,
  tags: ['زيتون', 'مهرجانات'],
  authorIds: [4],
  sourceOutlet: '',
  sourceAgency: '',
  heroMediaId: null,
  breaking: false,
  breakingUntil: '',
  featured: false,
  seoTitle: '',
  seoDescription: '',
  translation: '',
  version: 2,
};
const changed = (patch: Partial<ArticleDraftInput>) =>
  CONFLICT_FIELDS.filter((f) => fieldDiffers(f, story, { ...story, ...patch }));

// Node has no DOMParser, so this runs bodyText's DOM-less path; the browser's is covered by e2e/no-lost-text.
describe('which fields a conflict shows', () => {
  it('names exactly the fields that differ, and never the version itself', () => {
    expect(changed({ version: 9 })).toEqual([]);
    expect(changed({ title: 'عنوان آخر', tags: ['زيتون'] })).toEqual(['title', 'tags']);
    expect(changed({ sectionId: 5, heroMediaId: 12, featured: true })).toEqual([
      'sectionId',
      'heroMediaId',
      'featured',
    ]);
  });

  it('compares a body by its words, images and links, not by how the HTML is written', () => {
    // The rich-text editor and the sanitiser write the same paragraph differently.
    expect(changed({ body: '<p>يعود المهرجان إلى الساحة.</p>\n' })).toEqual([]);
    expect(changed({ body: '<p>يعود المهرجان إلى الساحة. وجملة جديدة.</p>' })).toEqual(['body']);
    expect(
      changed({ body: '<p>يعود المهرجان إلى <a href="https://midad.example/x">الساحة</a>.</p>' }),
    ).toEqual(['body']);
    expect(changed({ body: `${story.body}<figure><img src="/media/a.webp" alt="ساحة"></figure>` })).toEqual([
      'body',
    ]);
  });
});
