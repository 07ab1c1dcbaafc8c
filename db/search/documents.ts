import { SEARCH_FIELDS, type SearchField } from '@/lib/search/fields';
import { indexForms } from '@/lib/search/index-forms';
import { htmlToPlainText } from '@/lib/search/plain-text';

/** What both engines' indexes hold for an article, and when (fts5.ts, pg.ts). */

/** An article's text as the indexer reads it. */
export interface ArticleText {
  title: string;
  dek: string;
  body: string;
  sectionName: string;
  /** Its tags' names joined by " ، ", or null when it has none. */
  tagNames: string | null;
}

/** The rule of the index: what readers may find is what is published and not deleted (the clock is checked at query time). */
export const isIndexable = (row: { status: string; deletedAt: unknown }) =>
  row.status === 'published' && row.deletedAt === null;

/** Each field's exact and stem texts (lib/search/index-forms.ts). */
export function articleForms(row: ArticleText): Record<SearchField, { exact: string; stem: string }> {
  const text: Record<SearchField, string> = {
    title: row.title,
    dek: row.dek,
    // Section names sit with the tags: both say what the story is about, in the newsroom's words.
    tags: [row.tagNames ?? '', row.sectionName].join(' ، '),
    body: htmlToPlainText(row.body),
  };
  return Object.fromEntries(SEARCH_FIELDS.map((f) => [f, indexForms(text[f])])) as Record<
    SearchField,
    { exact: string; stem: string }
  >;
}

/**
 * What the index was built with: raise it with any change to the normaliser, the stemmer or the
 * plural lexicon, and the next start rebuilds the index (2: broken plurals meet their singulars).
 * Each database records the version its own index was built with.
 */
export const SEARCH_INDEX_VERSION = '2';
export const VERSION_KEY = 'search.index_version';
