import { IMMEDIATE } from './immediate';
import type { Db } from '../client';
import { staticPages, type StaticPageSlug } from '../schema';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';
import { writeAudit } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

export interface StaticPageInput {
  slug: StaticPageSlug;
  locale: 'ar' | 'en';
  title: string;
  body: string;
}

/**
 * Saves one edition of a site page (created on first save), with its audit row.
 * CASE: the body is sanitised with the articles' allowlist before it is stored.
 */
export function saveStaticPage(db: Db, actorId: number, input: StaticPageInput, now = new Date()): void {
  const body = sanitizeArticleHtml(input.body);
  db.transaction((tx) => {
    const outbox = openOutbox(tx);
    tx.insert(staticPages)
      .values({
        slug: input.slug,
        locale: input.locale,
        title: input.title,
        body,
        updatedAt: now,
        updatedBy: actorId,
      })
      .onConflictDoUpdate({
        target: [staticPages.slug, staticPages.locale],
        set: { title: input.title, body, updatedAt: now, updatedBy: actorId },
      })
      .run();
    writeAudit(tx, {
      userId: actorId,
      action: 'page.update',
      entity: 'page',
      details: { slug: input.slug, locale: input.locale, title: input.title },
    });
    outbox.record([CACHE_TAGS.page(input.slug), CACHE_TAGS.sitemaps]);
  }, IMMEDIATE);
}
