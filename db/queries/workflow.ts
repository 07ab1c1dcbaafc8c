import { and, count, desc, eq, gte, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import type { Db } from '../client';
import { articleAuthors, articleReturns, articles, media, sections, users } from '../schema';

const TRASH_PAGE = 50;

/**
 * The trash: deleted stories, newest deletion first, with whether they can still be restored
 * (deleted less than `days` ago). Older ones stay listed as no longer restorable.
 */
export async function listTrash(db: Db, p: { now: Date; days: number }) {
  const limit = p.now.getTime() - p.days * 86_400_000;
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      locale: articles.locale,
      status: articles.status,
      deletedAt: articles.deletedAt,
      sectionName: sections.nameAr,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(isNotNull(articles.deletedAt))
    .orderBy(desc(articles.deletedAt), desc(articles.id))
    .limit(TRASH_PAGE);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt!, restorable: r.deletedAt!.getTime() >= limit }));
}

export async function countTrash(db: Db, p: { now: Date; days: number }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(articles)
    .where(
      and(
        isNotNull(articles.deletedAt),
        gte(articles.deletedAt, new Date(p.now.getTime() - p.days * 86_400_000)),
      ),
    );
  return row!.n;
}

/**
 * Stories an editor sent back to this writer that are still drafts: the latest note on each, who
 * sent it and when. A story resubmitted (or deleted) drops off the list.
 */
export async function listReturnedToWriter(db: Db, userId: number) {
  const latest = db
    .select({ articleId: articleReturns.articleId, at: max(articleReturns.createdAt).as('at') })
    .from(articleReturns)
    .groupBy(articleReturns.articleId)
    .as('latest');
  return await db
    .select({
      id: articles.id,
      title: articles.title,
      note: articleReturns.note,
      createdAt: articleReturns.createdAt,
      editorName: users.name,
    })
    .from(articleReturns)
    .innerJoin(
      latest,
      and(eq(latest.articleId, articleReturns.articleId), eq(latest.at, articleReturns.createdAt)),
    )
    .innerJoin(articles, eq(articles.id, articleReturns.articleId))
    .innerJoin(
      articleAuthors,
      and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, userId)),
    )
    .leftJoin(users, eq(users.id, articleReturns.userId))
    .where(and(eq(articles.status, 'draft'), isNull(articles.deletedAt)))
    .orderBy(desc(articleReturns.createdAt))
    .limit(20);
}

/** The alt text of images by id, to name them in revision diffs. */
export async function listMediaAlts(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: media.id, alt: media.alt }).from(media).where(inArray(media.id, ids));
  return new Map(rows.map((m) => [m.id, m.alt]));
}
