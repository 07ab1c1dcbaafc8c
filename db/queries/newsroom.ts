import { and, count, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, auditLog, users, type ArticleStatus } from '../schema';

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

export function listRecentActivity(db: Db, limit = 15) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      createdAt: auditLog.createdAt,
      userName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .all();
}
