import { and, desc, eq, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { timeParam } from '../engine';
import { articleAuthors, articles, articleTags, corrections, media, sections, tags, users } from '../schema';
import type { ArticleCacheFacts } from '@/lib/cache-tags';
import { bylineName } from '@/lib/people';
import { allRows, firstRow, preparedPerDb } from './prepared';
import type { ArticleCard, ArticleView, MediaView, Page } from './views';

export const PAGE_SIZE = 20;

/** What readers may see: published, live by the clock, not deleted. Every reader query uses it. */
function isLive(locale: string, now: Date): SQL {
  return and(
    eq(articles.status, 'published'),
    eq(articles.locale, locale),
    lte(articles.publishedAt, now),
    isNull(articles.deletedAt),
  )!;
}

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  dek: articles.dek,
  publishedAt: articles.publishedAt,
  breaking: articles.breaking,
  sectionId: sections.id,
  sectionSlug: sections.slug,
  sectionNameAr: sections.nameAr,
  sectionNameEn: sections.nameEn,
  mediaStem: media.stem,
  mediaWidth: media.width,
  mediaHeight: media.height,
  mediaVariants: media.variantWidths,
  mediaAlt: media.alt,
  mediaCaption: media.caption,
  mediaCredit: media.credit,
  mediaFocalX: media.focalX,
  mediaFocalY: media.focalY,
};

function selectCards(db: Db) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId));
}

type CardRow = Awaited<ReturnType<typeof selectCards>>[number];

function toMedia(row: CardRow): MediaView | null {
  if (row.mediaStem == null) return null;
  return {
    stem: row.mediaStem,
    width: row.mediaWidth ?? 0,
    height: row.mediaHeight ?? 0,
    variantWidths: row.mediaVariants ?? [],
    alt: row.mediaAlt ?? '',
    caption: row.mediaCaption ?? '',
    credit: row.mediaCredit ?? '',
    focalX: row.mediaFocalX,
    focalY: row.mediaFocalY,
  };
}

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    // Reader lists hold live stories only, which always have a publish time (isLive).
    publishedAt: row.publishedAt!,
    breaking: row.breaking,
    section: {
      id: row.sectionId,
      slug: row.sectionSlug,
      nameAr: row.sectionNameAr,
      nameEn: row.sectionNameEn,
    },
    image: toMedia(row),
  };
}

interface ListParams {
  locale: string;
  now: Date;
  limit: number;
  offset?: number;
}

/** The same condition as isLive, with placeholders (`locale`, `now` as timeParam) for prepared statements. */
const isLivePlaceholder = and(
  eq(articles.status, 'published'),
  eq(articles.locale, sql.placeholder('locale')),
  lte(articles.publishedAt, sql.placeholder('now')),
  isNull(articles.deletedAt),
)!;

function listingStatement(where: SQL | undefined) {
  return preparedPerDb((db) =>
    selectCards(db)
      .where(and(where, isLivePlaceholder))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  );
}

/** The listings every reader page runs, each prepared once per connection; newest first. */
const listingStatements = {
  latest: listingStatement(undefined),
  section: listingStatement(eq(articles.sectionId, sql.placeholder('sectionId'))),
  featured: listingStatement(eq(articles.featured, true)),
  breaking: listingStatement(
    and(
      eq(articles.breaking, true),
      sql`(${articles.breakingUntil} IS NULL OR ${articles.breakingUntil} > ${sql.placeholder('now')})`,
    ),
  ),
};

async function listLive(
  db: Db,
  kind: keyof typeof listingStatements,
  p: ListParams,
  sectionId?: number,
): Promise<ArticleCard[]> {
  const rows = await allRows(listingStatements[kind](db), {
    locale: p.locale,
    now: timeParam(p.now),
    limit: p.limit,
    offset: p.offset ?? 0,
    sectionId,
  });
  return rows.map(toCard);
}

/** Newest published stories in one edition. */
export async function listLatest(db: Db, p: ListParams): Promise<ArticleCard[]> {
  return listLive(db, 'latest', p);
}

export async function listBySection(db: Db, p: ListParams & { sectionId: number }): Promise<ArticleCard[]> {
  return listLive(db, 'section', p, p.sectionId);
}

export async function listFeatured(db: Db, p: ListParams): Promise<ArticleCard[]> {
  return listLive(db, 'featured', p);
}

/** Breaking stories whose breaking flag has not expired, newest first. */
export async function listBreaking(db: Db, p: ListParams): Promise<ArticleCard[]> {
  return listLive(db, 'breaking', p);
}

/**
 * Tag and author listings read the link tables' own copies of each article's locale and live
 * time (kept by triggers, migration 0001), so a page and its count walk one index range.
 */
function liveLinks(via: 'tags' | 'authors', key: number, p: { locale: string; now: Date }) {
  const link = via === 'tags' ? articleTags : articleAuthors;
  const owner = via === 'tags' ? articleTags.tagId : articleAuthors.userId;
  return { link, where: and(eq(owner, key), eq(link.locale, p.locale), lte(link.liveAt, p.now))! };
}

async function listLiveLinked(
  db: Db,
  via: 'tags' | 'authors',
  key: number,
  p: ListParams,
): Promise<ArticleCard[]> {
  const { link, where } = liveLinks(via, key, p);
  const rows = await db
    .select({ id: link.articleId })
    .from(link)
    .where(where)
    .orderBy(desc(link.liveAt))
    .limit(p.limit)
    .offset(p.offset ?? 0);
  const ids = rows.map((r) => r.id);
  return listCardsByIds(db, ids, p.locale, p.now);
}

export async function listByTag(db: Db, p: ListParams & { tagId: number }): Promise<ArticleCard[]> {
  return listLiveLinked(db, 'tags', p.tagId, p);
}

export async function listByAuthor(db: Db, p: ListParams & { userId: number }): Promise<ArticleCard[]> {
  return listLiveLinked(db, 'authors', p.userId, p);
}

/** How many live stories a listing has, for its page count. */
export async function countLive(
  db: Db,
  scope: ListingScope,
  p: { locale: string; now: Date },
): Promise<number> {
  const live = isLive(p.locale, p.now);
  // PostgreSQL answers count(*) as a string (a bigint).
  const count = sql<number>`count(*)`.mapWith(Number);
  if ('tagId' in scope || 'userId' in scope) {
    const { link, where } =
      'tagId' in scope ? liveLinks('tags', scope.tagId, p) : liveLinks('authors', scope.userId, p);
    return (await db.select({ n: count }).from(link).where(where))[0]!.n;
  }
  const where = 'sectionId' in scope ? and(eq(articles.sectionId, scope.sectionId), live) : live;
  return (await db.select({ n: count }).from(articles).where(where))[0]!.n;
}

export type ListingScope = { sectionId: number } | { tagId: number } | { userId: number } | { all: true };

/** Cards of one listing (section, tag, author or everything), newest first. */
export async function listLiveIn(db: Db, scope: ListingScope, p: ListParams): Promise<ArticleCard[]> {
  if ('sectionId' in scope) return listBySection(db, { ...p, sectionId: scope.sectionId });
  if ('tagId' in scope) return listByTag(db, { ...p, tagId: scope.tagId });
  if ('userId' in scope) return listByAuthor(db, { ...p, userId: scope.userId });
  return listLatest(db, p);
}

/**
 * One page of a listing. `page` is 1-based; a page past the end yields null so the
 * route can answer 404 (page 1 of an empty listing is still a page).
 */
export async function listLivePage(
  db: Db,
  scope: ListingScope,
  p: { locale: string; now: Date; page: number },
): Promise<Page<ArticleCard> | null> {
  const total = await countLive(db, scope, p);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (p.page > pageCount) return null;
  const items = await listLiveIn(db, scope, {
    locale: p.locale,
    now: p.now,
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
  });
  return { items, page: p.page, pageCount, total };
}

/** Where an article lives, for canonical redirects and 404/410 decisions (any status). */
const routeStatement = preparedPerDb((db) =>
  db
    .select({
      id: articles.id,
      slug: articles.slug,
      locale: articles.locale,
      status: articles.status,
      publishedAt: articles.publishedAt,
      deletedAt: articles.deletedAt,
    })
    .from(articles)
    .where(eq(articles.id, sql.placeholder('id')))
    .prepare(),
);

export async function getArticleRoute(db: Db, id: number) {
  return (await firstRow(routeStatement(db), { id })) ?? null;
}

/** A live article with everything its page shows, or null. */
export async function getLiveArticle(db: Db, id: number, now: Date): Promise<ArticleView | null> {
  const article = await getArticleView(db, id, now);
  if (!article || article.status !== 'published' || article.deletedAt || article.publishedAt > now)
    return null;
  return article;
}

const articleViewStatements = preparedPerDb((db) => ({
  row: db
    .select({
      ...cardColumns,
      locale: articles.locale,
      body: articles.body,
      wordCount: articles.wordCount,
      updatedAt: articles.updatedAt,
      status: articles.status,
      sourceOutlet: articles.sourceOutlet,
      sourceAgency: articles.sourceAgency,
      featured: articles.featured,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      deletedAt: articles.deletedAt,
      translationKey: articles.translationKey,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(eq(articles.id, sql.placeholder('id')))
    .prepare(),
  tags: db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, sql.placeholder('id')))
    .prepare(),
  authors: db
    .select({ id: users.id, slug: users.slug, name: users.name, nameEn: users.nameEn })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(eq(articleAuthors.articleId, sql.placeholder('id')))
    .orderBy(articleAuthors.position)
    .prepare(),
  corrections: db
    .select({ id: corrections.id, note: corrections.note, createdAt: corrections.createdAt })
    .from(corrections)
    .where(eq(corrections.articleId, sql.placeholder('id')))
    .orderBy(corrections.createdAt)
    .prepare(),
  // the live article of the other edition sharing this translation key (articles_translation_idx)
  translation: db
    .select({ id: articles.id, locale: articles.locale, slug: articles.slug, title: articles.title })
    .from(articles)
    .where(
      and(
        eq(articles.translationKey, sql.placeholder('key')),
        ne(articles.id, sql.placeholder('id')),
        eq(articles.status, 'published'),
        isNull(articles.deletedAt),
        lte(articles.publishedAt, sql.placeholder('now')),
      ),
    )
    .limit(1)
    .prepare(),
}));

/** Any article that is not deleted, as readers would see it (for previews of drafts). */
export async function getArticleView(
  db: Db,
  id: number,
  now = new Date(),
): Promise<(ArticleView & { deletedAt: Date | null }) | null> {
  const statements = articleViewStatements(db);
  const row = await firstRow(statements.row, { id });
  if (!row) return null;
  const translation =
    row.translationKey === null
      ? null
      : ((await firstRow(statements.translation, { key: row.translationKey, id, now: timeParam(now) })) ??
        null);
  return {
    ...toCard(row),
    // CASE: a story never published (a draft in preview) shows "now" as its publication time,
    // as it would read if published this minute, never the epoch.
    publishedAt: row.publishedAt ?? now,
    locale: row.locale,
    body: row.body,
    wordCount: row.wordCount,
    updatedAt: row.updatedAt,
    status: row.status,
    sourceOutlet: row.sourceOutlet,
    sourceAgency: row.sourceAgency,
    featured: row.featured,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    tags: await allRows(statements.tags, { id }),
    authors: (await allRows(statements.authors, { id })).map((a) => ({
      id: a.id,
      slug: a.slug,
      name: bylineName(a, row.locale),
    })),
    corrections: await allRows(statements.corrections, { id }),
    translation,
    deletedAt: row.deletedAt,
  };
}

const RELATED_CANDIDATES_PER_TAG = 30;

const relatedByTagStatement = preparedPerDb((db) =>
  db
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(
      and(
        eq(articleTags.tagId, sql.placeholder('tagId')),
        eq(articleTags.locale, sql.placeholder('locale')),
        lte(articleTags.liveAt, sql.placeholder('now')),
        ne(articleTags.articleId, sql.placeholder('articleId')),
      ),
    )
    .orderBy(desc(articleTags.liveAt))
    .limit(RELATED_CANDIDATES_PER_TAG)
    .prepare(),
);

/**
 * "You may also like": stories sharing the most tags, then the same section, newest first;
 * never the article itself. A few small indexed queries, scored here rather than in one big join.
 */
export async function listRelated(
  db: Db,
  article: ArticleView,
  now: Date,
  limit = 4,
): Promise<ArticleCard[]> {
  const score = new Map<number, number>();
  for (const tag of article.tags) {
    const ids = await allRows(relatedByTagStatement(db), {
      tagId: tag.id,
      locale: article.locale,
      now: timeParam(now),
      articleId: article.id,
    });
    for (const { id } of ids) score.set(id, (score.get(id) ?? 0) + 2);
  }
  const sameSection = (
    await listBySection(db, {
      sectionId: article.section.id,
      locale: article.locale,
      now,
      limit: limit + 1,
    })
  ).filter((c) => c.id !== article.id);
  for (const c of sameSection) score.set(c.id, (score.get(c.id) ?? 0) + 1);
  if (score.size === 0) return [];

  const candidates = (
    await selectCards(db).where(and(inArray(articles.id, [...score.keys()]), isLive(article.locale, now)))
  ).map(toCard);
  for (const c of candidates)
    if (c.section.id === article.section.id) score.set(c.id, (score.get(c.id) ?? 0) + 1);
  const ranked = candidates.sort(
    (a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || +b.publishedAt - +a.publishedAt,
  );
  // Near-duplicates (the same story told from another city, a follow-up with the same headline
  // opening) go after distinct stories, so the block offers a real choice.
  const opening = (title: string) => title.split(/\s+/).slice(0, 3).join(' ');
  const seen = new Set([opening(article.title)]);
  const distinct: ArticleCard[] = [];
  const repeats: ArticleCard[] = [];
  for (const c of ranked) {
    (seen.has(opening(c.title)) ? repeats : distinct).push(c);
    seen.add(opening(c.title));
  }
  return [...distinct, ...repeats].slice(0, limit);
}

/** Cards for the given ids, live only, in the order given. */
export async function listCardsByIds(
  db: Db,
  ids: number[],
  locale: string,
  now: Date,
): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const rows = await selectCards(db).where(and(inArray(articles.id, ids), isLive(locale, now)));
  const byId = new Map(rows.map((r) => [r.id, toCard(r)] as const));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The home page's section blocks in two statements instead of one per section: the newest
 * `limit` ids of every section in one UNION ALL (each arm walks articles_section_idx), then
 * their cards. Returns the cards grouped by section id, newest first.
 */
export async function listHomeSectionBlocks(
  db: Db,
  p: { sectionIds: number[]; locale: string; now: Date; limit: number },
): Promise<Map<number, ArticleCard[]>> {
  const blocks = new Map<number, ArticleCard[]>(p.sectionIds.map((id) => [id, []]));
  if (p.sectionIds.length === 0) return blocks;
  // Each arm's ORDER BY … LIMIT sits in a subquery of its own (SQLite allows neither on an arm of
  // a compound select), and every subquery is named (PostgreSQL requires it).
  const [first, ...rest] = p.sectionIds.map((id, i) => {
    const newest = db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.sectionId, id), isLive(p.locale, p.now)))
      .orderBy(desc(articles.publishedAt))
      .limit(p.limit)
      .as(`section_${i}`);
    return db.select({ id: newest.id }).from(newest).$dynamic();
  });
  let union = first!;
  for (const arm of rest) union = union.unionAll(arm);
  const ids = (await union).map((r) => r.id);
  for (const card of await listCardsByIds(db, ids, p.locale, p.now)) blocks.get(card.section.id)?.push(card);
  return blocks;
}

/** What the page cache needs to know of an article to invalidate the right pages (see lib/cache-tags). */
export async function getArticleCacheFacts(
  db: Db,
  id: number,
  now: Date = new Date(),
): Promise<ArticleCacheFacts | null> {
  const row = (
    await db
      .select({
        id: articles.id,
        status: articles.status,
        publishedAt: articles.publishedAt,
        deletedAt: articles.deletedAt,
        breaking: articles.breaking,
        featured: articles.featured,
        sectionSlug: sections.slug,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(eq(articles.id, id))
      .limit(1)
  )[0];
  if (!row) return null;
  const tagSlugs = (
    await db
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
  ).map((t) => t.slug);
  const authorSlugs = (
    await db
      .select({ slug: users.slug })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(articleAuthors.articleId, id))
  ).map((a) => a.slug);
  return {
    id: row.id,
    visible: row.status === 'published' && !row.deletedAt && !!row.publishedAt && row.publishedAt <= now,
    publishedAt: row.publishedAt?.getTime() ?? null,
    sectionSlug: row.sectionSlug,
    tagSlugs,
    authorSlugs,
    breaking: row.breaking,
    featured: row.featured,
  };
}
