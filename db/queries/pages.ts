import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { STATIC_PAGE_SLUGS, staticPages, type StaticPageSlug } from '../schema';

export interface StaticPage {
  slug: StaticPageSlug;
  locale: string;
  title: string;
  body: string;
  updatedAt: Date;
}

const columns = {
  slug: staticPages.slug,
  locale: staticPages.locale,
  title: staticPages.title,
  body: staticPages.body,
  updatedAt: staticPages.updatedAt,
};

export function isStaticPageSlug(value: unknown): value is StaticPageSlug {
  return (STATIC_PAGE_SLUGS as readonly unknown[]).includes(value);
}

/** One of the site's own pages (about, contact, privacy) in one edition, or null. */
export async function getStaticPage(
  db: Db,
  p: { slug: StaticPageSlug; locale: string },
): Promise<StaticPage | null> {
  const [page] = await db
    .select(columns)
    .from(staticPages)
    .where(and(eq(staticPages.slug, p.slug), eq(staticPages.locale, p.locale)))
    .limit(1);
  return page ?? null;
}

/** Every page in every edition, for the newsroom's pages screen. */
export async function listStaticPages(db: Db): Promise<StaticPage[]> {
  return await db.select(columns).from(staticPages).orderBy(asc(staticPages.slug), asc(staticPages.locale));
}
