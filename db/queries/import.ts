import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { importRuns, sections } from '../schema';

/** The section stories go to when categories do not become sections: the one named, or the site's first. */
export async function firstSectionForImport(
  db: Db,
  slug?: string,
): Promise<{ id: number; slug: string } | null> {
  const query = db.select({ id: sections.id, slug: sections.slug }).from(sections);
  const rows = slug
    ? await query.where(eq(sections.slug, slug)).limit(1)
    : await query.orderBy(asc(sections.position), asc(sections.id)).limit(1);
  return rows[0] ?? null;
}

export type ImportRunRow = typeof importRuns.$inferSelect;

/** The newsroom's list of imports, newest first. */
export async function listImportRuns(db: Db, limit = 20): Promise<ImportRunRow[]> {
  return db.select().from(importRuns).orderBy(desc(importRuns.id)).limit(limit);
}

export async function getImportRun(db: Db, id: number): Promise<ImportRunRow | null> {
  return (await db.select().from(importRuns).where(eq(importRuns.id, id)).limit(1))[0] ?? null;
}
