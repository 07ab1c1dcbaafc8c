import type { ArticleFields } from '@/db/mutations/articles';
import { slugify } from '@/lib/arabic/slug';

/** A minimal, valid story for the mutations; tests override what they care about. */
export function articleFields(
  overrides: Partial<ArticleFields> & Pick<ArticleFields, 'title' | 'sectionId' | 'authorIds'>,
): ArticleFields {
  return {
    locale: 'ar',
    slug: slugify(overrides.title),
    dek: '',
    body: '<p>نص</p>',
    wordCount: 1,
    tags: [],
    sourceOutlet: '',
    sourceAgency: '',
    heroMediaId: null,
    breaking: false,
    breakingUntil: null,
    featured: false,
    seoTitle: null,
    seoDescription: null,
    ...overrides,
  };
}
