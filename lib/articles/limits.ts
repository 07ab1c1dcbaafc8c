// Its own file: the editor (a client component) imports it without the server-side schema.
/** Character limits of the story's text fields; the editor shows a counter against each. */
export const ARTICLE_LIMITS = {
  title: 300,
  slug: 200,
  dek: 600,
  sourceOutlet: 120,
  sourceAgency: 120,
  seoTitle: 200,
  seoDescription: 400,
} as const;
export type LimitedField = keyof typeof ARTICLE_LIMITS;
