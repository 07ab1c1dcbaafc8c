/**
 * The PostgreSQL schema (DATABASE_URL=postgres://…): the same exported tables, column names,
 * indexes and foreign keys as ./sqlite.ts, whose comments say what each column means. Only the
 * types are PostgreSQL's own, chosen so that both schemas' rows have the same TypeScript types
 * (tests/unit/schema-parity.test.ts):
 *   timestamp_ms integers → timestamptz(3), in milliseconds like the JS Date they are read into
 *   boolean-mode integers → boolean
 *   autoincrement ids     → integer identity (BY DEFAULT, so rows can be copied with their ids)
 *   view counters         → bigint read as a JS number
 *   JSON text             → jsonb, with the same $type
 *   REAL                  → double precision (SQLite's REAL is 8 bytes; PostgreSQL's real is 4)
 * Migrations: db/migrations/pg/, made by `npm run db:generate`; the SQL that drizzle-kit cannot
 * express (triggers, seeded rows) follows a `-- hand-written:` line in them.
 */
import {
  type AnyPgColumn,
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
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

/** A point in time, to the millisecond as SQLite keeps it (now() alone would carry microseconds). */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
const createdAt = () => instant('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  slug: text('slug').notNull().unique(),
  role: text('role', { enum: USER_ROLES }).notNull().default('writer'),
  bio: text('bio').notNull().default(''),
  bioEn: text('bio_en').notNull().default(''),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

export const sections = pgTable(
  'sections',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => sections.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('sections_position_idx').on(t.position)],
);

export const tags = pgTable('tags', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const media = pgTable('media', {
  id: id(),
  stem: text('stem').notNull().unique(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  variantWidths: jsonb('variant_widths').$type<number[]>().notNull(),
  alt: text('alt').notNull(),
  caption: text('caption').notNull().default(''),
  credit: text('credit').notNull().default(''),
  focalX: doublePrecision('focal_x'),
  focalY: doublePrecision('focal_y'),
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const articles = pgTable(
  'articles',
  {
    id: id(),
    locale: text('locale').notNull().default('ar'),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    dek: text('dek').notNull().default(''),
    body: text('body').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    publishedAt: instant('published_at'),
    updatedAt: instant('updated_at').notNull(),
    createdAt: createdAt(),
    deletedAt: instant('deleted_at'),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    heroMediaId: integer('hero_media_id').references(() => media.id, { onDelete: 'set null' }),
    sourceOutlet: text('source_outlet').notNull().default(''),
    sourceAgency: text('source_agency').notNull().default(''),
    breaking: boolean('breaking').notNull().default(false),
    breakingUntil: instant('breaking_until'),
    featured: boolean('featured').notNull().default(false),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    translationKey: integer('translation_key'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('articles_feed_idx').on(t.status, t.locale, t.deletedAt, t.publishedAt),
    index('articles_section_idx').on(t.sectionId, t.status, t.locale, t.deletedAt, t.publishedAt),
    index('articles_featured_idx').on(t.featured, t.status, t.locale, t.deletedAt, t.publishedAt),
    index('articles_updated_idx').on(t.deletedAt, t.updatedAt),
    index('articles_breaking_idx').on(t.breaking, t.status, t.locale, t.deletedAt, t.publishedAt),
    uniqueIndex('articles_translation_idx').on(t.translationKey, t.locale),
  ],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** Kept by a trigger, as on SQLite (see the pg migration's hand-written part). */
    locale: text('locale').notNull().default('ar'),
    liveAt: instant('live_at'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_idx').on(t.tagId, t.articleId),
    index('article_tags_live_idx').on(t.tagId, t.locale, t.liveAt),
  ],
);

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull().default(0),
    /** Kept by a trigger, as on SQLite (see the pg migration's hand-written part). */
    locale: text('locale').notNull().default('ar'),
    liveAt: instant('live_at'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.userId] }),
    index('article_authors_user_idx').on(t.userId, t.articleId),
    index('article_authors_live_idx').on(t.userId, t.locale, t.liveAt),
  ],
);

export const redirects = pgTable('redirects', {
  id: id(),
  fromPath: text('from_path').notNull().unique(),
  toPath: text('to_path').notNull(),
  source: text('source'),
  createdAt: createdAt(),
});

export const articleViews = pgTable(
  'article_views',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    /** bigint: SQLite's integers are 64-bit, so a counter must not meet PostgreSQL's 2^31 ceiling. */
    count: bigint('count', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.day] }),
    index('article_views_day_idx').on(t.day, t.articleId, t.count),
  ],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: instant('window_start').notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull().default(''),
    entityId: integer('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_user_idx').on(t.userId, t.createdAt),
  ],
);

export const revisions = pgTable(
  'revisions',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot').$type<RevisionSnapshot>().notNull(),
    createdAt: instant('created_at').notNull(),
    kind: text('kind', { enum: REVISION_KINDS }).notNull().default('save'),
  },
  (t) => [index('revisions_article_idx').on(t.articleId, t.createdAt)],
);

export const articleLocks = pgTable('article_locks', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: text('token').notNull(),
  acquiredAt: instant('acquired_at').notNull(),
  heartbeatAt: instant('heartbeat_at').notNull(),
});

export const corrections = pgTable(
  'corrections',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('corrections_article_idx').on(t.articleId)],
);

export const articleReturns = pgTable(
  'article_returns',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('article_returns_article_idx').on(t.articleId, t.createdAt)],
);

export const staticPages = pgTable(
  'pages',
  {
    id: id(),
    slug: text('slug', { enum: STATIC_PAGE_SLUGS }).notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('pages_slug_locale_idx').on(t.slug, t.locale)],
);

export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);

/** The page-cache outbox (db/mutations/outbox.ts); see the SQLite schema for its contract. */
export const cacheInvalidations = pgTable('cache_invalidations', {
  id: id(),
  tags: text('tags').notNull(),
  origin: text('origin').notNull(),
  contentFrom: integer('content_from').notNull(),
  contentTo: integer('content_to').notNull(),
  createdAt: createdAt(),
});

/** One row, `n`, bumped by triggers on every change to a table readers see (as on SQLite). */
export const contentVersion = pgTable('content_version', {
  id: integer('id').primaryKey(),
  n: integer('n').notNull(),
});

export const importItems = pgTable(
  'import_items',
  {
    source: text('source').notNull(),
    kind: text('kind', { enum: IMPORT_ITEM_KINDS }).notNull(),
    oldId: text('old_id').notNull(),
    newId: integer('new_id').notNull(),
    digest: text('digest').notNull().default(''),
    importedAt: instant('imported_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.kind, t.oldId] }),
    index('import_items_new_idx').on(t.kind, t.newId),
  ],
);

export const importRuns = pgTable('import_runs', {
  id: id(),
  source: text('source').notNull(),
  fileName: text('file_name').notNull(),
  dryRun: boolean('dry_run').notNull().default(false),
  state: text('state', { enum: IMPORT_RUN_STATES }).notNull().default('running'),
  startedBy: integer('started_by').references(() => users.id, { onDelete: 'set null' }),
  startedAt: instant('started_at').notNull(),
  finishedAt: instant('finished_at'),
  report: jsonb('report').$type<ImportReport>().notNull(),
  error: text('error'),
});

export const importMedia = pgTable(
  'import_media',
  {
    id: id(),
    source: text('source').notNull(),
    url: text('url').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
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
