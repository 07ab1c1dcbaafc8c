import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { parseSearchQuery, type SearchTerm } from '@/lib/search/query';
import { termTsQueries } from '@/lib/search/tsquery';
import type { Db } from '../client';
import { ENGINE } from '../engine';
import { searchMediaLibrary } from './media';
import { containsFolded } from './text-filter';
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

export async function countArticlesByStatus(db: Db, status: ArticleStatus): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(articles)
    .where(and(eq(articles.status, status), isNull(articles.deletedAt)));
  return row!.n;
}

export async function countPublishedSince(db: Db, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(articles)
    .where(
      and(eq(articles.status, 'published'), isNull(articles.deletedAt), gte(articles.publishedAt, since)),
    );
  return row!.n;
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
export async function listActivity(db: Db, f: ActivityFilter = {}) {
  return await db
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
        // ->> reads JSON on both engines (SQLite 3.38+ from its text column, PostgreSQL from
        // jsonb); PostgreSQL gives text, so the cast makes both an integer.
        eq(movedTo.id, sql`CAST(${auditLog.details} ->> 'sectionId' AS integer)`),
      ),
    )
    .where(activityWhere(db, f))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(f.limit ?? 15)
    .offset(f.offset ?? 0);
}

export type ActivityRow = Awaited<ReturnType<typeof listActivity>>[number];

export async function countActivity(db: Db, f: ActivityFilter = {}): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(activityWhere(db, f));
  return row!.n;
}

/** The newsroom's people with their ids, disabled accounts included (audit filter). */
export async function listActivityActors(db: Db) {
  return await db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name));
}

/** An article of any status, with what the editor form needs. */
export async function getArticleForEdit(db: Db, id: number) {
  const [row] = await db
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
    .limit(1);
  if (!row || row.deletedAt) return null;
  const translation =
    row.translationKey === null ? null : await translationPartner(db, row.translationKey, id);
  const tagNames = (
    await db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
  ).map((t) => t.name);
  const authorIds = (
    await db
      .select({ id: articleAuthors.userId })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position))
  ).map((a) => a.id);
  return { ...row, tags: tagNames, authorIds, translation };
}

/** An article's translation key: shared by it and its version in the other edition, if linked. */
export async function getTranslationKey(db: Db, id: number): Promise<number | null> {
  return (
    (await db.select({ key: articles.translationKey }).from(articles).where(eq(articles.id, id)).limit(1))[0]
      ?.key ?? null
  );
}

/** The other article holding translation `key` besides article `id` (any status), or null. */
export async function translationPartner(db: Db, key: number, id: number) {
  return (
    (
      await db
        .select({ id: articles.id, locale: articles.locale, title: articles.title, status: articles.status })
        .from(articles)
        .where(and(eq(articles.translationKey, key), ne(articles.id, id)))
        .limit(1)
    )[0] ?? null
  );
}

/** The id of the article linked to this one as its translation, if any (any status). */
export async function getTranslationPartnerId(db: Db, id: number): Promise<number | null> {
  const key = await getTranslationKey(db, id);
  return key === null ? null : ((await translationPartner(db, key, id))?.id ?? null);
}

export type ArticleForEdit = NonNullable<Awaited<ReturnType<typeof getArticleForEdit>>>;

export async function listPeopleForPicker(db: Db) {
  return await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.name));
}

export async function listTagNames(db: Db, limit = 1000): Promise<string[]> {
  const rows = await db.select({ name: tags.name }).from(tags).orderBy(asc(tags.name)).limit(limit);
  return rows.map((t) => t.name);
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
  const literal = containsFolded(articles.title, q);
  const parsed = parseSearchQuery(q);
  if (!parsed) return literal;
  return or(literal, sql`${articles.id} IN (${titlesMatching(parsed)})`)!;
}

/**
 * The ids of stories whose headline holds the parsed query's terms, from the search index of the
 * engine (db/search): FTS5's title columns on SQLite, the headline weight (A) of the tsvectors on
 * PostgreSQL, with the same terms either way.
 */
function titlesMatching(parsed: NonNullable<ReturnType<typeof parseSearchQuery>>): SQL {
  if (ENGINE === 'sqlite') {
    const inTitles = `{title_exact title_stem} : (${parsed.match})`;
    return sql`SELECT rowid FROM search_index WHERE search_index MATCH ${inTitles}`;
  }
  const found = (term: SearchTerm) => {
    const q = termTsQueries(term, 'A');
    return sql`(s.exact @@ to_tsquery('simple', ${q.exact}) OR s.stem @@ to_tsquery('simple', ${q.stem}))`;
  };
  let match = sql.join(parsed.wanted.map(found), sql` AND `);
  if (parsed.unwanted.length > 0)
    match = sql`${match} AND NOT (${sql.join(parsed.unwanted.map(found), sql` OR `)})`;
  return sql`SELECT s.article_id FROM search_index s WHERE ${match}`;
}

export const ADMIN_ARTICLE_SORTS = ['updated', 'published', 'title'] as const;
export type AdminArticleSort = (typeof ADMIN_ARTICLE_SORTS)[number];

/** The newsroom's article table: every status but deleted, newest change first. */
export async function listArticlesForAdmin(db: Db, f: AdminArticleFilter) {
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
  const total = (await db.select({ n: count() }).from(articles).where(where))[0]!.n;
  const rows = await db
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
    .offset((f.page - 1) * ADMIN_PAGE_SIZE);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

export async function listRevisions(db: Db, articleId: number) {
  return await db
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
    .orderBy(desc(revisions.createdAt), desc(revisions.id));
}

/** Who made the article's last saved revision, and when (for the conflict view's "changed by"). */
export async function lastSavedBy(
  db: Db,
  articleId: number,
): Promise<{ name: string | null; at: Date } | null> {
  const [row] = await db
    .select({ name: users.name, at: revisions.createdAt })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.kind, 'save')))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(1);
  return row ?? null;
}

/** The newest images of the library, for the editor's pickers (see db/queries/media.ts). */
export async function listMediaLibrary(db: Db, limit = 48) {
  return await searchMediaLibrary(db, { limit });
}

/** Articles in one status, soonest first (scheduled queue) or oldest first (review queue). */
export async function listArticlesInStatus(db: Db, status: ArticleStatus, limit = 10) {
  return await db
    .select({
      id: articles.id,
      title: articles.title,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(and(eq(articles.status, status), isNull(articles.deletedAt)))
    .orderBy(status === 'scheduled' ? asc(articles.publishedAt) : asc(articles.updatedAt))
    .limit(limit);
}
