import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { redirects, sections, tags, users } from '../schema';
import { preparedPerDb } from './prepared';
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

export function listSections(db: Db) {
  return sectionsStatement(db).all();
}

export type SectionListItem = ReturnType<typeof listSections>[number];

export function getSectionBySlug(db: Db, slug: string) {
  return (
    db
      .select({ id: sections.id, slug: sections.slug, nameAr: sections.nameAr, nameEn: sections.nameEn })
      .from(sections)
      .where(eq(sections.slug, slug))
      .get() ?? null
  );
}

export function getTagBySlug(db: Db, slug: string) {
  return (
    db
      .select({ id: tags.id, slug: tags.slug, name: tags.name })
      .from(tags)
      .where(eq(tags.slug, slug))
      .get() ?? null
  );
}

/** An author as an edition shows them: the byline and biography in that edition's script. */
export function getAuthorBySlug(db: Db, slug: string, locale = 'ar') {
  const row = db
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
    .get();
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
export function getRedirectTarget(db: Db, fromPath: string): string | null {
  return redirectStatement(db).get({ fromPath })?.to ?? null;
}
export function listTagsForAdmin(db: Db, limit = 200) {
  return db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .orderBy(asc(tags.name))
    .limit(limit)
    .all();
}
