import type { Db } from '@/db/client';
import { createDraft, transitionArticle, type ArticleFields } from '@/db/mutations/articles';
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

/** A story written and published through the data layer, as an editor's actions would: its id. */
export async function publishedStory(db: Db, authorId: number, title: string, sectionId: number) {
  const { id } = await createDraft(db, authorId, articleFields({ title, sectionId, authorIds: [authorId] }));
  await transitionArticle(db, authorId, id, 'publish');
  return id;
}
