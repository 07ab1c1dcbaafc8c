import { asc, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { redirects, sections, tags, users } from '../schema';
import { allRows, firstRow, preparedPerDb } from './prepared';
import { containsFolded } from './text-filter';
import { bylineBio, bylineName } from '@/lib/people';

const sectionsStatement = preparedPerDb((db) =>
  db
    .select({
      id: sections.id,
      slug: sections.slug,
      nameAr: sections.nameAr,
      nameEn: sections.nameEn,
      parentId: sections.parentId,
    })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.id))
    .prepare(),
);

export async function listSections(db: Db) {
  return allRows(sectionsStatement(db));
}

export type SectionListItem = Awaited<ReturnType<typeof listSections>>[number];

export async function getSectionBySlug(db: Db, slug: string) {
  const rows = await db
    .select({ id: sections.id, slug: sections.slug, nameAr: sections.nameAr, nameEn: sections.nameEn })
    .from(sections)
    .where(eq(sections.slug, slug))
    .limit(1);
  return rows[0] ?? null;
}

export async function getTagBySlug(db: Db, slug: string) {
  const rows = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, slug))
    .limit(1);
  return rows[0] ?? null;
}

/** An author as an edition shows them: the byline and biography in that edition's script. */
export async function getAuthorBySlug(db: Db, slug: string, locale = 'ar') {
  const [row] = await db
    .select({
      id: users.id,
      slug: users.slug,
      name: users.name,
      nameEn: users.nameEn,
      bio: users.bio,
      bioEn: users.bioEn,
    })
    .from(users)
    .where(eq(users.slug, slug))
    .limit(1);
  return row
    ? { id: row.id, slug: row.slug, name: bylineName(row, locale), bio: bylineBio(row, locale) }
    : null;
}

const redirectStatement = preparedPerDb((db) =>
  db
    .select({ to: redirects.toPath })
    .from(redirects)
    .where(eq(redirects.fromPath, sql.placeholder('fromPath')))
    .prepare(),
);

/** Where an old URL now lives, or null. */
export async function getRedirectTarget(db: Db, fromPath: string): Promise<string | null> {
  return (await firstRow(redirectStatement(db), { fromPath }))?.to ?? null;
}
export const ADMIN_TAGS_PAGE_SIZE = 50;

/**
 * The newsroom's tag list: most-used first, each with how many stories carry it (any status but
 * deleted), optionally only tags whose name or slug contains `q` (folded as search folds).
 */
export async function listTagsForAdmin(db: Db, f: { q?: string; page?: number } = {}) {
  const where = f.q ? or(containsFolded(tags.name, f.q), containsFolded(tags.slug, f.q)) : undefined;
  // Written out in full: drizzle prints a lone table's columns unqualified, which inside the
  // subquery would mean the inner tables' own id.
  const stories = sql<number>`(SELECT count(*) FROM article_tags
    INNER JOIN articles ON articles.id = article_tags.article_id
    WHERE article_tags.tag_id = tags.id AND articles.deleted_at IS NULL)`.mapWith(Number);
  const total = (await db.select({ n: count() }).from(tags).where(where))[0]!.n;
  const rows = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, stories })
    .from(tags)
    .where(where)
    .orderBy(desc(stories), asc(tags.name))
    .limit(ADMIN_TAGS_PAGE_SIZE)
    .offset(((f.page ?? 1) - 1) * ADMIN_TAGS_PAGE_SIZE);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_TAGS_PAGE_SIZE)) };
}

/** A tag by its exact name, for the merge form (which names the target tag). */
export async function getTagByName(db: Db, name: string) {
  const rows = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.name, name))
    .limit(1);
  return rows[0] ?? null;
}
