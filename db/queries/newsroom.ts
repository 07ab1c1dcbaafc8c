import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { normaliseForSearch } from '@/lib/search/normalise';
import { parseSearchQuery } from '@/lib/search/query';
import type { Db } from '../client';
import { searchMediaLibrary } from './media';
import type { Tx } from '../mutations/audit';
import {
  articleAuthors,
  articles,
  articleTags,
  auditLog,
  revisions,
  sections,
  tags,
  users,
  type ArticleStatus,
} from '../schema';

export function countArticlesByStatus(db: Db, status: ArticleStatus): number {
  return db
    .select({ n: count() })
    .from(articles)
    .where(and(eq(articles.status, status), isNull(articles.deletedAt)))
    .get()!.n;
}

export function countPublishedSince(db: Db, since: Date): number {
  return db
    .select({ n: count() })
    .from(articles)
    .where(
      and(eq(articles.status, 'published'), isNull(articles.deletedAt), gte(articles.publishedAt, since)),
    )
    .get()!.n;
}

export interface ActivityFilter {
  /** Only what concerns this user: their own actions, actions on stories they author, on their account. */
  concerning?: number;
  /** Only actions by this user. */
  actorId?: number;
  /** Only actions on this kind of thing (article, user, section, tag, media, settings). */
  entity?: string;
  limit?: number;
  offset?: number;
}

function activityWhere(db: Db, f: ActivityFilter): SQL | undefined {
  return and(
    f.concerning !== undefined
      ? or(
          eq(auditLog.userId, f.concerning),
          and(
            eq(auditLog.entity, 'article'),
            inArray(
              auditLog.entityId,
              db
                .select({ id: articleAuthors.articleId })
                .from(articleAuthors)
                .where(eq(articleAuthors.userId, f.concerning)),
            ),
          ),
          and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, f.concerning)),
        )
      : undefined,
    f.actorId !== undefined ? eq(auditLog.userId, f.actorId) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
  );
}

const subject = alias(users, 'subject');
const movedTo = alias(sections, 'moved_to');

/**
 * Audit rows, newest first, with what a sentence about each needs: who did it, and the name of
 * what it was done to (a story's headline, a tag's or section's name, an account's name).
 */
export function listActivity(db: Db, f: ActivityFilter = {}) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      userId: auditLog.userId,
      userName: users.name,
      articleTitle: articles.title,
      articleDeleted: sql<boolean>`${articles.deletedAt} IS NOT NULL`.mapWith(Boolean),
      tagName: tags.name,
      tagSlug: tags.slug,
      // A section row's own name, or for a move the section the story went to.
      sectionName: sql<string | null>`coalesce(${sections.nameAr}, ${movedTo.nameAr})`,
      sectionNameEn: sql<string | null>`coalesce(${sections.nameEn}, ${movedTo.nameEn})`,
      subjectName: subject.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(articles, and(eq(auditLog.entity, 'article'), eq(articles.id, auditLog.entityId)))
    .leftJoin(tags, and(eq(auditLog.entity, 'tag'), eq(tags.id, auditLog.entityId)))
    .leftJoin(sections, and(eq(auditLog.entity, 'section'), eq(sections.id, auditLog.entityId)))
    .leftJoin(subject, and(eq(auditLog.entity, 'user'), eq(subject.id, auditLog.entityId)))
    .leftJoin(
      movedTo,
      and(
        eq(auditLog.action, 'article.move'),
        eq(movedTo.id, sql`json_extract(${auditLog.details}, '$.sectionId')`),
      ),
    )
    .where(activityWhere(db, f))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(f.limit ?? 15)
    .offset(f.offset ?? 0)
    .all();
}

export type ActivityRow = ReturnType<typeof listActivity>[number];

export function countActivity(db: Db, f: ActivityFilter = {}): number {
  return db.select({ n: count() }).from(auditLog).where(activityWhere(db, f)).get()!.n;
}

/** The newsroom's people with their ids, disabled accounts included (audit filter). */
export function listActivityActors(db: Db) {
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)).all();
}

/** An article of any status, with what the editor form needs. */
export function getArticleForEdit(db: Db, id: number) {
  const row = db
    .select({
      id: articles.id,
      locale: articles.locale,
      title: articles.title,
      slug: articles.slug,
      dek: articles.dek,
      body: articles.body,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      deletedAt: articles.deletedAt,
      sectionId: articles.sectionId,
      sourceOutlet: articles.sourceOutlet,
      sourceAgency: articles.sourceAgency,
      heroMediaId: articles.heroMediaId,
      breaking: articles.breaking,
      breakingUntil: articles.breakingUntil,
      featured: articles.featured,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      translationKey: articles.translationKey,
      version: articles.version,
    })
    .from(articles)
    .where(eq(articles.id, id))
    .get();
  if (!row || row.deletedAt) return null;
  const translation = row.translationKey === null ? null : translationPartner(db, row.translationKey, id);
  const tagNames = db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .all()
    .map((t) => t.name);
  const authorIds = db
    .select({ id: articleAuthors.userId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, id))
    .orderBy(asc(articleAuthors.position))
    .all()
    .map((a) => a.id);
  return { ...row, tags: tagNames, authorIds, translation };
}

/** An article's translation key: shared by it and its version in the other edition, if linked. */
export function getTranslationKey(db: Db | Tx, id: number): number | null {
  return (
    db.select({ key: articles.translationKey }).from(articles).where(eq(articles.id, id)).get()?.key ?? null
  );
}

/** The other article holding translation `key` besides article `id` (any status), or null. */
export function translationPartner(db: Db | Tx, key: number, id: number) {
  return (
    db
      .select({ id: articles.id, locale: articles.locale, title: articles.title, status: articles.status })
      .from(articles)
      .where(and(eq(articles.translationKey, key), ne(articles.id, id)))
      .get() ?? null
  );
}

/** The id of the article linked to this one as its translation, if any (any status). */
export function getTranslationPartnerId(db: Db | Tx, id: number): number | null {
  const key = getTranslationKey(db, id);
  return key === null ? null : (translationPartner(db, key, id)?.id ?? null);
}

export type ArticleForEdit = NonNullable<ReturnType<typeof getArticleForEdit>>;

export function listPeopleForPicker(db: Db) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.name))
    .all();
}

export function listTagNames(db: Db, limit = 1000): string[] {
  return db
    .select({ name: tags.name })
    .from(tags)
    .orderBy(asc(tags.name))
    .limit(limit)
    .all()
    .map((t) => t.name);
}

export const ADMIN_PAGE_SIZE = 30;

export interface AdminArticleFilter {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  q?: string;
  /** Last change on or after / before these times. */
  from?: Date;
  to?: Date;
  sort?: AdminArticleSort;
  page: number;
}

/**
 * The newsroom's text filter, folded the way reader search folds (any alef, harakat, ة/ه…):
 * the typed text anywhere in a headline, literally (% and _ are plain characters), or — for
 * published stories — the headline words through the search index, stems and clitics included.
 */
function titleMatches(q: string): SQL {
  const folded = normaliseForSearch(q).replace(/[%_\\]/g, (c) => `\\${c}`);
  const literal = sql`midad_normalise(${articles.title}) LIKE ${`%${folded}%`} ESCAPE '\\'`;
  const parsed = parseSearchQuery(q);
  if (!parsed) return literal;
  const inTitles = `{title_exact title_stem} : (${parsed.match})`;
  return or(
    literal,
    sql`${articles.id} IN (SELECT rowid FROM search_index WHERE search_index MATCH ${inTitles})`,
  )!;
}

export const ADMIN_ARTICLE_SORTS = ['updated', 'published', 'title'] as const;
export type AdminArticleSort = (typeof ADMIN_ARTICLE_SORTS)[number];

/** The newsroom's article table: every status but deleted, newest change first. */
export function listArticlesForAdmin(db: Db, f: AdminArticleFilter) {
  const where = and(
    isNull(articles.deletedAt),
    f.status ? eq(articles.status, f.status) : undefined,
    f.sectionId ? eq(articles.sectionId, f.sectionId) : undefined,
    f.authorId
      ? inArray(
          articles.id,
          db
            .select({ id: articleAuthors.articleId })
            .from(articleAuthors)
            .where(eq(articleAuthors.userId, f.authorId)),
        )
      : undefined,
    f.q ? titleMatches(f.q) : undefined,
    f.from ? gte(articles.updatedAt, f.from) : undefined,
    f.to ? lt(articles.updatedAt, f.to) : undefined,
  );
  const order =
    f.sort === 'title'
      ? [asc(articles.title)]
      : f.sort === 'published'
        ? [desc(articles.publishedAt), desc(articles.id)]
        : [desc(articles.updatedAt), desc(articles.id)];
  const total = db.select({ n: count() }).from(articles).where(where).get()!.n;
  const rows = db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      locale: articles.locale,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      sectionName: sections.nameAr,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(...order)
    .limit(ADMIN_PAGE_SIZE)
    .offset((f.page - 1) * ADMIN_PAGE_SIZE)
    .all();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

export function listRevisions(db: Db, articleId: number) {
  return db
    .select({
      id: revisions.id,
      createdAt: revisions.createdAt,
      userName: users.name,
      snapshot: revisions.snapshot,
      kind: revisions.kind,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .all();
}

/** Who made the article's last saved revision, and when (for the conflict view's "changed by"). */
export function lastSavedBy(db: Db, articleId: number): { name: string | null; at: Date } | null {
  const row = db
    .select({ name: users.name, at: revisions.createdAt })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.kind, 'save')))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(1)
    .get();
  return row ?? null;
}

/** The newest images of the library, for the editor's pickers (see db/queries/media.ts). */
export function listMediaLibrary(db: Db, limit = 48) {
  return searchMediaLibrary(db, { limit });
}

/** Articles in one status, soonest first (scheduled queue) or oldest first (review queue). */
export function listArticlesInStatus(db: Db, status: ArticleStatus, limit = 10) {
  return db
    .select({
      id: articles.id,
      title: articles.title,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(and(eq(articles.status, status), isNull(articles.deletedAt)))
    .orderBy(status === 'scheduled' ? asc(articles.publishedAt) : asc(articles.updatedAt))
    .limit(limit)
    .all();
}
