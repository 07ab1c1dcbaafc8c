import { and, asc, desc, eq, gte, isNull, lt, lte, ne, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { timeParam } from '../engine';
import { articleAuthors, articles, articleTags, media, sections, tags, users } from '../schema';
import { SITEMAP_MAX_URLS } from '@/lib/feeds/sitemap-files';
import { allRows, firstRow, preparedPerDb } from './prepared';

/**
 * isLive's rule (db/queries/articles.ts) over a publish-time range [from, to): published, in the
 * edition, not deleted, published at or before now — the clock folded into the range's upper
 * bound, so each query is one walk of articles_feed_idx (status, locale, deleted_at,
 * published_at) between two keys. Bounds are placeholders, given as timeParam().
 */
const liveBetween = and(
  eq(articles.status, 'published'),
  eq(articles.locale, sql.placeholder('locale')),
  isNull(articles.deletedAt),
  gte(articles.publishedAt, sql.placeholder('from')),
  lt(articles.publishedAt, sql.placeholder('to')),
)!;

interface Range {
  locale: string;
  from: number | string;
  to: number | string;
}

const monthStatements = preparedPerDb((db) => ({
  /** The first live story at or after `from`: finds the next month that has any. */
  first: db
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(liveBetween)
    .orderBy(asc(articles.publishedAt))
    .limit(1)
    .prepare(),
  last: db
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(liveBetween)
    .orderBy(desc(articles.publishedAt))
    .limit(1)
    .prepare(),
  count: db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(articles)
    .where(liveBetween)
    .prepare(),
}));

export interface SitemapMonth {
  year: number;
  /** 1–12, in UTC. */
  month: number;
  /** Live stories published in the month. */
  count: number;
  /** The newest of them. */
  newest: Date;
}

/** [start, end) of a UTC month, end capped at the clock (what is live), as placeholder values. */
function monthRange(year: number, month: number, now: Date): Omit<Range, 'locale'> {
  return {
    from: timeParam(new Date(Date.UTC(year, month - 1, 1))),
    to: timeParam(new Date(Math.min(Date.UTC(year, month, 1), now.getTime() + 1))),
  };
}

/**
 * The months (UTC) that have live stories in an edition, oldest first. Rather than grouping every
 * live row, it hops from month to month with one index seek each, then counts the month in the
 * index alone (the count decides whether its sitemap must be split).
 */
export async function listSitemapMonths(db: Db, p: { locale: string; now: Date }): Promise<SitemapMonth[]> {
  const s = monthStatements(db);
  const end = timeParam(new Date(p.now.getTime() + 1));
  const months: SitemapMonth[] = [];
  let from = timeParam(new Date(0));
  for (;;) {
    const first = await firstRow(s.first, { locale: p.locale, from, to: end } satisfies Range);
    if (!first?.at) break;
    const year = first.at.getUTCFullYear();
    const month = first.at.getUTCMonth() + 1;
    const range = { locale: p.locale, ...monthRange(year, month, p.now) } satisfies Range;
    const newest = (await firstRow(s.last, range))!.at!;
    months.push({ year, month, count: (await firstRow(s.count, range))!.n, newest });
    from = range.to;
  }
  return months;
}

const translated = alias(articles, 'translated');

const monthArticlesStatement = preparedPerDb((db) =>
  db
    .select({
      id: articles.id,
      slug: articles.slug,
      locale: articles.locale,
      updatedAt: articles.updatedAt,
      publishedAt: articles.publishedAt,
      imageStem: media.stem,
      imageWidths: media.variantWidths,
      translationId: translated.id,
      translationSlug: translated.slug,
      translationLocale: translated.locale,
    })
    .from(articles)
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    // the live translation in the other edition, if any (articles_translation_idx)
    .leftJoin(
      translated,
      and(
        eq(translated.translationKey, articles.translationKey),
        ne(translated.id, articles.id),
        eq(translated.status, 'published'),
        isNull(translated.deletedAt),
        lte(translated.publishedAt, sql.placeholder('now')),
      ),
    )
    .where(liveBetween)
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .limit(SITEMAP_MAX_URLS)
    .offset(sql.placeholder('offset'))
    .prepare(),
);

export interface SitemapArticle {
  id: number;
  slug: string;
  locale: string;
  updatedAt: Date;
  publishedAt: Date;
  image: { stem: string; variantWidths: number[] } | null;
  /** The same story live in the other edition. */
  translation: { id: number; slug: string; locale: string } | null;
}

/** One file's worth (page 1, 2…) of a month's live stories, in publish order. */
export async function listSitemapMonthArticles(
  db: Db,
  p: { locale: string; now: Date; year: number; month: number; page: number },
): Promise<SitemapArticle[]> {
  const rows = await allRows(monthArticlesStatement(db), {
    locale: p.locale,
    ...monthRange(p.year, p.month, p.now),
    now: timeParam(p.now),
    offset: (p.page - 1) * SITEMAP_MAX_URLS,
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    locale: r.locale,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt ?? r.updatedAt,
    image: r.imageStem ? { stem: r.imageStem, variantWidths: r.imageWidths ?? [] } : null,
    translation:
      r.translationId !== null && r.translationSlug !== null && r.translationLocale !== null
        ? { id: r.translationId, slug: r.translationSlug, locale: r.translationLocale }
        : null,
  }));
}

const newsStatement = preparedPerDb((db) =>
  db
    .select({
      id: articles.id,
      slug: articles.slug,
      locale: articles.locale,
      title: articles.title,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(liveBetween)
    .orderBy(desc(articles.publishedAt))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** Google News: live stories published in the last `hours` hours, newest first. */
export async function listNewsSitemapArticles(
  db: Db,
  p: { locale: string; now: Date; hours: number; limit: number },
) {
  const rows = await allRows(newsStatement(db), {
    locale: p.locale,
    from: timeParam(new Date(p.now.getTime() - p.hours * 3_600_000)),
    to: timeParam(new Date(p.now.getTime() + 1)),
    limit: p.limit,
  });
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? r.updatedAt }));
}

export interface SitemapListing {
  slug: string;
  /** Publish time of the newest live story listed there; null when it has none yet. */
  newest: Date | null;
}

/**
 * A subquery's max() of a time column, read back through that column's own decoder: SQLite
 * answers milliseconds and PostgreSQL a timestamp string, both become a Date (null stays null).
 */
const newestTime = (max: SQL, column: Column) => max.mapWith(column) as SQL<Date | null>;

/** Only the rows that have a live story. */
const withNewest = (rows: { slug: string; newest: Date | null }[]): SitemapListing[] =>
  rows.flatMap((r) => (r.newest == null ? [] : [{ slug: r.slug, newest: r.newest }]));

/** Every section, with its newest live story in the edition (one index seek per section). */
export async function listSitemapSections(
  db: Db,
  p: { locale: string; now: Date },
): Promise<SitemapListing[]> {
  const newest = newestTime(
    sql`(SELECT max(${articles.publishedAt}) FROM ${articles} WHERE ${and(
      eq(articles.sectionId, sections.id),
      eq(articles.status, 'published'),
      eq(articles.locale, p.locale),
      isNull(articles.deletedAt),
      sql`${articles.publishedAt} <= ${timeParam(p.now)}`,
    )})`,
    articles.publishedAt,
  );
  return db
    .select({ slug: sections.slug, newest })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.id));
}

/**
 * Tags, or authors, with at least one live story in the edition, in id order, with the newest:
 * one seek each in the link table's live copy (article_tags_live_idx, article_authors_live_idx).
 */
export async function listSitemapTags(db: Db, p: { locale: string; now: Date }): Promise<SitemapListing[]> {
  const newest = newestTime(
    sql`(SELECT max(${articleTags.liveAt}) FROM ${articleTags} WHERE ${and(
      eq(articleTags.tagId, tags.id),
      eq(articleTags.locale, p.locale),
      sql`${articleTags.liveAt} <= ${timeParam(p.now)}`,
    )})`,
    articleTags.liveAt,
  );
  const rows = await db.select({ slug: tags.slug, newest }).from(tags).orderBy(asc(tags.id));
  return withNewest(rows);
}

export async function listSitemapAuthors(
  db: Db,
  p: { locale: string; now: Date },
): Promise<SitemapListing[]> {
  const newest = newestTime(
    sql`(SELECT max(${articleAuthors.liveAt}) FROM ${articleAuthors} WHERE ${and(
      eq(articleAuthors.userId, users.id),
      eq(articleAuthors.locale, p.locale),
      sql`${articleAuthors.liveAt} <= ${timeParam(p.now)}`,
    )})`,
    articleAuthors.liveAt,
  );
  const rows = await db.select({ slug: users.slug, newest }).from(users).orderBy(asc(users.id));
  return withNewest(rows);
}
