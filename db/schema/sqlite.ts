/**
 * The SQLite schema: the embedded default engine. ./pg.ts declares the same tables and columns for
 * PostgreSQL under the same names; keep the two in step (tests/unit/schema-parity.test.ts).
 * Migrations: db/migrations/sqlite/, made by `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  ACCOUNT_TOKEN_PURPOSES,
  ARTICLE_STATUSES,
  IMPORT_ITEM_KINDS,
  IMPORT_MEDIA_STATES,
  IMPORT_RUN_STATES,
  type ImportReport,
  REVISION_KINDS,
  type RevisionSnapshot,
  STATIC_PAGE_SLUGS,
  USER_ROLES,
} from './shared';

export * from './shared';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** People: newsroom accounts and the authors readers see in bylines. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  /** The byline as the Arabic edition prints it. */
  name: text('name').notNull(),
  /** The byline in Latin letters for the English edition; empty: the English edition prints `name`. */
  nameEn: text('name_en').notNull().default(''),
  /** ASCII slug for /author/{slug}. */
  slug: text('slug').notNull().unique(),
  role: text('role', { enum: USER_ROLES }).notNull().default('writer'),
  bio: text('bio').notNull().default(''),
  /** The English edition's author page; empty: it shows `bio`. */
  bioEn: text('bio_en').notNull().default(''),
  passwordHash: text('password_hash'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => sections.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('sections_position_idx').on(t.position)],
);

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

/** An uploaded (or generated) image; its resized variants live on disk under DATA_DIR/media. */
export const media = sqliteTable('media', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** File-name stem; variants are `{stem}-{width}.webp`. */
  stem: text('stem').notNull().unique(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  /** JSON array of the widths that exist on disk, ascending. */
  variantWidths: text('variant_widths', { mode: 'json' }).$type<number[]>().notNull(),
  alt: text('alt').notNull(),
  caption: text('caption').notNull().default(''),
  credit: text('credit').notNull().default(''),
  /**
   * Where the subject is, as fractions of the width and height (0..1): 16:9 card crops are
   * centred there. Set from sharp's attention strategy at upload, moved by an editor; NULL (images
   * stored before focal points existed) crops around the centre.
   */
  focalX: real('focal_x'),
  focalY: real('focal_y'),
  /** Who uploaded it: a writer may edit and delete only their own images. NULL: seeded or older. */
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    locale: text('locale').notNull().default('ar'),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    dek: text('dek').notNull().default(''),
    /** Sanitised HTML. */
    body: text('body').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
    /** Set when deleted: readers get 410 Gone. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    heroMediaId: integer('hero_media_id').references(() => media.id, { onDelete: 'set null' }),
    sourceOutlet: text('source_outlet').notNull().default(''),
    sourceAgency: text('source_agency').notNull().default(''),
    breaking: integer('breaking', { mode: 'boolean' }).notNull().default(false),
    breakingUntil: integer('breaking_until', { mode: 'timestamp_ms' }),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    /**
     * Articles that are translations of each other share this key (the id of one of them); the
     * unique index allows one article per edition in a group. NULL: no translation.
     */
    translationKey: integer('translation_key'),
    /**
     * Bumped by every write that changes the article: a save carries the version it started
     * from and is refused when the article has moved on since (no silent last-save-wins).
     */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // latest, home ticker and the status/publish-time sweep
    index('articles_feed_idx').on(t.status, t.locale, t.deletedAt, t.publishedAt),
    // section pages and home section blocks
    index('articles_section_idx').on(t.sectionId, t.status, t.locale, t.deletedAt, t.publishedAt),
    // featured and breaking blocks on the home page
    index('articles_featured_idx').on(t.featured, t.status, t.locale, t.deletedAt, t.publishedAt),
    // the newsroom's article table, newest change first
    index('articles_updated_idx').on(t.deletedAt, t.updatedAt),
    index('articles_breaking_idx').on(t.breaking, t.status, t.locale, t.deletedAt, t.publishedAt),
    uniqueIndex('articles_translation_idx').on(t.translationKey, t.locale),
  ],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** Copy of the article's locale, kept by a trigger (see migration 0001). */
    locale: text('locale').notNull().default('ar'),
    /** The article's published_at while it is published and not deleted, else NULL (trigger-kept). */
    liveAt: integer('live_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_idx').on(t.tagId, t.articleId),
    // tag pages: count and page through live stories without touching the articles table
    index('article_tags_live_idx').on(t.tagId, t.locale, t.liveAt),
  ],
);

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull().default(0),
    /** Copy of the article's locale, kept by a trigger (see migration 0001). */
    locale: text('locale').notNull().default('ar'),
    /** The article's published_at while it is published and not deleted, else NULL (trigger-kept). */
    liveAt: integer('live_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.userId] }),
    index('article_authors_user_idx').on(t.userId, t.articleId),
    // author pages, as above
    index('article_authors_live_idx').on(t.userId, t.locale, t.liveAt),
  ],
);

/** Old URL → new URL, answered with a 301. */
export const redirects = sqliteTable('redirects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /**
   * A renamed listing's old path as browsers send it; for a URL an import brought in, its
   * lookup key (lib/import/wordpress/legacy-urls.ts: decoded, NFC, no trailing slash).
   */
  fromPath: text('from_path').notNull().unique(),
  toPath: text('to_path').notNull(),
  /** The import source it came from (import_items.source); NULL for a rename's redirect. */
  source: text('source'),
  createdAt: createdAt(),
});

/** Page views per article per UTC day, written in batches (see lib/views.ts). */
export const articleViews = sqliteTable(
  'article_views',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.day] }),
    index('article_views_day_idx').on(t.day, t.articleId, t.count),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Server-side sessions: only the SHA-256 of the cookie's token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per key ("email:…" or "ip:…") in the current window, for throttling. */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
});

/** Who did what and when. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull().default(''),
    entityId: integer('entity_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    // A writer's dashboard: what they did (with what was done to their stories and account).
    index('audit_log_user_idx').on(t.userId, t.createdAt),
  ],
);

export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    snapshot: text('snapshot', { mode: 'json' }).$type<RevisionSnapshot>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * 'save': what was saved over the article. 'unsaved': text someone had not saved when the
     * story was taken over from them (or that they set aside in a conflict): kept, never applied.
     */
    kind: text('kind', { enum: REVISION_KINDS }).notNull().default('save'),
  },
  (t) => [index('revisions_article_idx').on(t.articleId, t.createdAt)],
);

/**
 * Soft edit locks: who has a story open right now, one holder per article. A holder is one
 * browser tab (its token), so the same person in two tabs is two holders. A lock whose heartbeat
 * is older than LOCK_TTL_MS is free for the next one who opens the story.
 */
export const articleLocks = sqliteTable('article_locks', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: text('token').notNull(),
  acquiredAt: integer('acquired_at', { mode: 'timestamp_ms' }).notNull(),
  heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Visible corrections notes on published articles. */
export const corrections = sqliteTable(
  'corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('corrections_article_idx').on(t.articleId)],
);

/**
 * An editor sent a story in review back to its writer with a note (the 'return' transition).
 * The writer's dashboard shows the latest one while the story is still a draft.
 */
export const articleReturns = sqliteTable(
  'article_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** The editor who sent it back. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('article_returns_article_idx').on(t.articleId, t.createdAt)],
);

export const staticPages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug', { enum: STATIC_PAGE_SLUGS }).notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    /** Sanitised rich HTML (lib/html/sanitize.ts), on save and again on render. */
    body: text('body').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('pages_slug_locale_idx').on(t.slug, t.locale)],
);

/**
 * One-time links an admin hands out: an invitation to a new account, or a password reset.
 * Only the SHA-256 of the token is stored; a link works once, before `expiresAt`.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);

/**
 * The transactional outbox of page-cache invalidations (lib/page-cache/outbox.ts reads it). A
 * write that changes what readers see adds one row in its own transaction, so no commit exists
 * without its invalidation: every instance reads the rows after the last id it saw and
 * invalidates exactly those tags. `tags` is a JSON array of cache tags, or `*` for everything.
 * `contentFrom`/`contentTo` are the content version (below) when the transaction began and when
 * the row was written: the rows must cover every step of the version, or a change that wrote no
 * row happened and the follower flushes everything. Pruned by age and count (pruneInvalidations).
 */
export const cacheInvalidations = sqliteTable('cache_invalidations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tags: text('tags').notNull(),
  /** The instance that wrote it (lib/server/instance.ts): it invalidated its own cache already. */
  origin: text('origin').notNull(),
  contentFrom: integer('content_from').notNull(),
  contentTo: integer('content_to').notNull(),
  createdAt: createdAt(),
});

/**
 * One row, `n`, bumped by triggers (migration 0010) on every change to a table readers see
 * (articles and their tags and bylines, sections, tags, the visible columns of users and media,
 * settings, pages, redirects, corrections) — whoever makes it, the sqlite3 shell included. Views,
 * sessions, locks, audit and revisions do not bump it: they never change a cached page.
 */
export const contentVersion = sqliteTable('content_version', {
  id: integer('id').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * What each import brought in: the source site (its normalised base URL) and the old WordPress
 * id (a post or term id, an author's login) → the row it became. Re-running an import finds its
 * rows here, so nothing is created twice and a changed item is updated (`digest` tells).
 */
export const importItems = sqliteTable(
  'import_items',
  {
    source: text('source').notNull(),
    kind: text('kind', { enum: IMPORT_ITEM_KINDS }).notNull(),
    oldId: text('old_id').notNull(),
    newId: integer('new_id').notNull(),
    /** A hash of what the item was imported from: the same digest, nothing to update. */
    digest: text('digest').notNull().default(''),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.kind, t.oldId] }),
    index('import_items_new_idx').on(t.kind, t.newId),
  ],
);

/** One import of a WordPress file, from the command line or the newsroom: progress, then its report. */
export const importRuns = sqliteTable('import_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  source: text('source').notNull(),
  fileName: text('file_name').notNull(),
  dryRun: integer('dry_run', { mode: 'boolean' }).notNull().default(false),
  state: text('state', { enum: IMPORT_RUN_STATES }).notNull().default('running'),
  startedBy: integer('started_by').references(() => users.id, { onDelete: 'set null' }),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  report: text('report', { mode: 'json' }).$type<ImportReport>().notNull(),
  /** Why a failed run stopped (a malformed file: its line and column). */
  error: text('error'),
});

/**
 * Images an import found but could not take from an uploads folder: the media job fetches each
 * once (bounded, resumable: a row stays pending until it is done or has failed for good), then
 * sets it as the story's hero or swaps it into the story's body.
 */
export const importMedia = sqliteTable(
  'import_media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').notNull(),
    url: text('url').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** 'hero' (the featured image) or 'body' (an image inside the story). */
    role: text('role', { enum: ['hero', 'body'] }).notNull(),
    alt: text('alt').notNull().default(''),
    caption: text('caption').notNull().default(''),
    state: text('state', { enum: IMPORT_MEDIA_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    mediaId: integer('media_id').references(() => media.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('import_media_item_idx').on(t.source, t.url, t.articleId, t.role),
    index('import_media_state_idx').on(t.state, t.id),
  ],
);
