/**
 * What both dialects' schemas (./sqlite.ts, ./pg.ts) share besides table shapes: the value lists
 * of enum-like text columns and the types of JSON columns. Defined once so that the two schemas'
 * row types cannot drift apart (tests/unit/schema-parity.test.ts checks the rest).
 */

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const USER_ROLES = ['admin', 'editor', 'writer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const REVISION_KINDS = ['save', 'unsaved'] as const;

/** The site's own pages, each written for both editions; admins edit them at /admin/pages. */
export const STATIC_PAGE_SLUGS = ['about', 'contact', 'privacy'] as const;
export type StaticPageSlug = (typeof STATIC_PAGE_SLUGS)[number];

export const ACCOUNT_TOKEN_PURPOSES = ['invite', 'reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** A snapshot of what an editor saved; the revision list and restore read these. */
export interface RevisionSnapshot {
  title: string;
  dek: string;
  body: string;
  slug: string;
  sectionId: number;
  tags: string[];
  heroMediaId: number | null;
  sourceOutlet: string;
  sourceAgency: string;
}
