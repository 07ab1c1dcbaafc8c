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

/** What a WordPress import keeps a record of, keyed on the source site and the old id. */
export const IMPORT_ITEM_KINDS = ['post', 'page', 'attachment', 'author', 'category', 'tag'] as const;
export type ImportItemKind = (typeof IMPORT_ITEM_KINDS)[number];

export const IMPORT_RUN_STATES = ['running', 'done', 'failed'] as const;
export type ImportRunState = (typeof IMPORT_RUN_STATES)[number];

/** An image an import could not take from an uploads folder: fetched later by the media job. */
export const IMPORT_MEDIA_STATES = ['pending', 'done', 'failed'] as const;
export type ImportMediaState = (typeof IMPORT_MEDIA_STATES)[number];

/** What happened to one kind of record in an import run. */
export interface ImportCount {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** One kind of thing an import noticed (an unknown shortcode, a missing image), with a few examples. */
export interface ImportNote {
  code: string;
  count: number;
  examples: string[];
}

/** An import run's figures: kept while it runs (the progress view) and when it ends (the report). */
export interface ImportReport {
  /** Items of the file read so far, and in all (0 until the first pass has counted them). */
  read: number;
  total: number;
  counts: Record<string, ImportCount>;
  notes: ImportNote[];
  /** Seconds and peak memory (MB) of the run, once it has ended. */
  seconds?: number;
  peakMb?: number;
}
