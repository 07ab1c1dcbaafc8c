import type { Db } from '../client';
import { staticPages, type StaticPageSlug } from '../schema';
import { writeTx } from '../tx';
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
export async function saveStaticPage(
  db: Db,
  actorId: number,
  input: StaticPageInput,
  now = new Date(),
): Promise<void> {
  const body = sanitizeArticleHtml(input.body);
  await writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    await tx
      .insert(staticPages)
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
      });
    await writeAudit(tx, {
      userId: actorId,
      action: 'page.update',
      entity: 'page',
      details: { slug: input.slug, locale: input.locale, title: input.title },
    });
    await outbox.record([CACHE_TAGS.page(input.slug), CACHE_TAGS.sitemaps]);
  });
}
