import { and, desc, eq, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { articleAuthors, articles, articleTags, corrections, media, sections, tags, users } from '../schema';
import type { ArticleCacheFacts } from '@/lib/cache-tags';
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
};

function selectCards(db: Db) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId));
}

type CardRow = ReturnType<ReturnType<typeof selectCards>['all']>[number];

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
  };
}

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    publishedAt: row.publishedAt ?? new Date(0),
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

/** Live cards matching `where` (and, for tags/authors, joined through their link table), newest first. */
function listLiveWhere(db: Db, p: ListParams, where?: SQL, via?: 'tags' | 'authors'): ArticleCard[] {
  let query = selectCards(db).$dynamic();
  if (via === 'tags') query = query.innerJoin(articleTags, eq(articleTags.articleId, articles.id));
  if (via === 'authors') query = query.innerJoin(articleAuthors, eq(articleAuthors.articleId, articles.id));
  return query
    .where(and(where, isLive(p.locale, p.now)))
    .orderBy(desc(articles.publishedAt))
    .limit(p.limit)
    .offset(p.offset ?? 0)
    .all()
    .map(toCard);
}

/** Newest published stories in one edition. */
export function listLatest(db: Db, p: ListParams): ArticleCard[] {
  return listLiveWhere(db, p);
}

export function listBySection(db: Db, p: ListParams & { sectionId: number }): ArticleCard[] {
  return listLiveWhere(db, p, eq(articles.sectionId, p.sectionId));
}

export function listFeatured(db: Db, p: ListParams): ArticleCard[] {
  return listLiveWhere(db, p, eq(articles.featured, true));
}

/** Breaking stories whose breaking flag has not expired, newest first. */
export function listBreaking(db: Db, p: ListParams): ArticleCard[] {
  const unexpired = sql`(${articles.breakingUntil} IS NULL OR ${articles.breakingUntil} > ${p.now.getTime()})`;
  return listLiveWhere(db, p, and(eq(articles.breaking, true), unexpired));
}

export function listByTag(db: Db, p: ListParams & { tagId: number }): ArticleCard[] {
  return listLiveWhere(db, p, eq(articleTags.tagId, p.tagId), 'tags');
}

export function listByAuthor(db: Db, p: ListParams & { userId: number }): ArticleCard[] {
  return listLiveWhere(db, p, eq(articleAuthors.userId, p.userId), 'authors');
}

/** How many live stories a listing has, for its page count. */
export function countLive(db: Db, scope: ListingScope, p: { locale: string; now: Date }): number {
  const live = isLive(p.locale, p.now);
  const count = sql<number>`count(*)`;
  if ('tagId' in scope) {
    return db
      .select({ n: count })
      .from(articles)
      .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
      .where(and(eq(articleTags.tagId, scope.tagId), live))
      .get()!.n;
  }
  if ('userId' in scope) {
    return db
      .select({ n: count })
      .from(articles)
      .innerJoin(articleAuthors, eq(articleAuthors.articleId, articles.id))
      .where(and(eq(articleAuthors.userId, scope.userId), live))
      .get()!.n;
  }
  const where = 'sectionId' in scope ? and(eq(articles.sectionId, scope.sectionId), live) : live;
  return db.select({ n: count }).from(articles).where(where).get()!.n;
}

export type ListingScope = { sectionId: number } | { tagId: number } | { userId: number } | { all: true };

/** Cards of one listing (section, tag, author or everything), newest first. */
export function listLiveIn(db: Db, scope: ListingScope, p: ListParams): ArticleCard[] {
  if ('sectionId' in scope) return listBySection(db, { ...p, sectionId: scope.sectionId });
  if ('tagId' in scope) return listByTag(db, { ...p, tagId: scope.tagId });
  if ('userId' in scope) return listByAuthor(db, { ...p, userId: scope.userId });
  return listLatest(db, p);
}

/**
 * One page of a listing. `page` is 1-based; a page past the end yields null so the
 * route can answer 404 (page 1 of an empty listing is still a page).
 */
export function listLivePage(
  db: Db,
  scope: ListingScope,
  p: { locale: string; now: Date; page: number },
): Page<ArticleCard> | null {
  const total = countLive(db, scope, p);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (p.page > pageCount) return null;
  const items = listLiveIn(db, scope, {
    locale: p.locale,
    now: p.now,
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
  });
  return { items, page: p.page, pageCount, total };
}

/** Where an article lives, for canonical redirects and 404/410 decisions (any status). */
export function getArticleRoute(db: Db, id: number) {
  return (
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
      .where(eq(articles.id, id))
      .get() ?? null
  );
}

/** A live article with everything its page shows, or null. */
export function getLiveArticle(db: Db, id: number, now: Date): ArticleView | null {
  const article = getArticleView(db, id);
  if (!article || article.status !== 'published' || article.deletedAt || article.publishedAt > now)
    return null;
  return article;
}

/** Any article that is not deleted, as readers would see it (for previews of drafts). */
export function getArticleView(db: Db, id: number): (ArticleView & { deletedAt: Date | null }) | null {
  const row = db
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
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(eq(articles.id, id))
    .get();
  if (!row) return null;
  const articleTagsList = db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .all();
  const authors = db
    .select({ id: users.id, slug: users.slug, name: users.name })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(eq(articleAuthors.articleId, id))
    .orderBy(articleAuthors.position)
    .all();
  return {
    ...toCard(row),
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
    tags: articleTagsList,
    authors,
    corrections: db
      .select({ id: corrections.id, note: corrections.note, createdAt: corrections.createdAt })
      .from(corrections)
      .where(eq(corrections.articleId, id))
      .orderBy(corrections.createdAt)
      .all(),
    deletedAt: row.deletedAt,
  };
}

const RELATED_CANDIDATES_PER_TAG = 30;

/**
 * "You may also like": stories sharing the most tags, then the same section, newest first;
 * never the article itself. A few small indexed queries, scored here rather than in one big join.
 */
export function listRelated(db: Db, article: ArticleView, now: Date, limit = 4): ArticleCard[] {
  const score = new Map<number, number>();
  for (const tag of article.tags) {
    const ids = db
      .select({ id: articleTags.articleId })
      .from(articleTags)
      .where(and(eq(articleTags.tagId, tag.id), ne(articleTags.articleId, article.id)))
      .orderBy(desc(articleTags.articleId))
      .limit(RELATED_CANDIDATES_PER_TAG)
      .all();
    for (const { id } of ids) score.set(id, (score.get(id) ?? 0) + 2);
  }
  const sameSection = listBySection(db, {
    sectionId: article.section.id,
    locale: article.locale,
    now,
    limit: limit + 1,
  }).filter((c) => c.id !== article.id);
  for (const c of sameSection) score.set(c.id, (score.get(c.id) ?? 0) + 1);
  if (score.size === 0) return [];

  const candidates = selectCards(db)
    .where(and(inArray(articles.id, [...score.keys()]), isLive(article.locale, now)))
    .all()
    .map(toCard);
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
export function listCardsByIds(db: Db, ids: number[], locale: string, now: Date): ArticleCard[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    selectCards(db)
      .where(and(inArray(articles.id, ids), isLive(locale, now)))
      .all()
      .map((r) => [r.id, toCard(r)] as const),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What the page cache needs to know of an article to invalidate the right pages (see lib/cache-tags). */
export function getArticleCacheFacts(db: Db, id: number, now: Date = new Date()): ArticleCacheFacts | null {
  const row = db
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
    .get();
  if (!row) return null;
  const tagSlugs = db
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .all()
    .map((t) => t.slug);
  const authorSlugs = db
    .select({ slug: users.slug })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(eq(articleAuthors.articleId, id))
    .all()
    .map((a) => a.slug);
  return {
    id: row.id,
    visible:
      row.status === 'published' && !row.deletedAt && !!row.publishedAt && row.publishedAt <= now,
    publishedAt: row.publishedAt?.getTime() ?? null,
    sectionSlug: row.sectionSlug,
    tagSlugs,
    authorSlugs,
    breaking: row.breaking,
    featured: row.featured,
  };
}
