import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articleAuthors, articles, articleTags, tags, users } from '../schema';
import { listLiveIn, type ListingScope } from './articles';
import type { ArticleCard, PersonRef } from './views';
import { bylineName } from '@/lib/people';

/** A feed item: the card plus what a feed reader shows that a listing does not. */
export interface FeedArticle extends ArticleCard {
  locale: string;
  /** Sanitised HTML as stored. */
  body: string;
  updatedAt: Date;
  authors: PersonRef[];
  tags: { slug: string; name: string }[];
}

function groupBy<T extends { articleId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.articleId);
    if (group) group.push(row);
    else groups.set(row.articleId, [row]);
  }
  return groups;
}

/**
 * The newest live stories of a listing with their bodies, authors and tags: the listing's own
 * query, then batched queries for the bodies, authors and tags of all the items (never one per item).
 */
export async function listFeedArticles(
  db: Db,
  scope: ListingScope,
  p: { locale: string; now: Date; limit: number },
): Promise<FeedArticle[]> {
  const cards = await listLiveIn(db, scope, p);
  if (cards.length === 0) return [];
  const ids = cards.map((c) => c.id);
  const bodyRows = await db
    .select({ id: articles.id, body: articles.body, updatedAt: articles.updatedAt })
    .from(articles)
    .where(inArray(articles.id, ids));
  const bodies = new Map(bodyRows.map((r) => [r.id, r] as const));
  // Links first, then the people: joined in one statement, SQLite may choose to walk every user.
  const links = groupBy(
    await db
      .select({ articleId: articleAuthors.articleId, userId: articleAuthors.userId })
      .from(articleAuthors)
      .where(inArray(articleAuthors.articleId, ids))
      .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position)),
  );
  const userIds = [...new Set([...links.values()].flat().map((l) => l.userId))];
  const userRows =
    userIds.length === 0
      ? []
      : await db
          .select({ id: users.id, slug: users.slug, name: users.name, nameEn: users.nameEn })
          .from(users)
          .where(inArray(users.id, userIds));
  const people = new Map(
    userRows.map((u) => [u.id, { id: u.id, slug: u.slug, name: bylineName(u, p.locale) }] as const),
  );
  const tagRows = groupBy(
    await db
      .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, ids))
      .orderBy(asc(articleTags.articleId), asc(tags.id)),
  );
  return cards.map((card) => {
    const extra = bodies.get(card.id);
    return {
      ...card,
      locale: p.locale,
      body: extra?.body ?? '',
      updatedAt: extra?.updatedAt ?? card.publishedAt,
      authors: (links.get(card.id) ?? []).flatMap((l) => people.get(l.userId) ?? []),
      tags: (tagRows.get(card.id) ?? []).map(({ slug, name }) => ({ slug, name })),
    };
  });
}
