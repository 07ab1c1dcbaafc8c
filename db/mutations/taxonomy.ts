import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { syncSearchIndexForSection, syncSearchIndexForTag } from '../search/maintain';
import { redirects, sections, tags } from '../schema';
import { writeAudit, type Tx } from './audit';

export class SlugTakenError extends Error {
  constructor() {
    super('slugTaken');
  }
}

/**
 * Old URL → new URL, answered with a 301 by the proxy. Earlier redirects that pointed at the old
 * URL are pointed at the new one, so readers never follow a chain.
 */
function addRedirect(tx: Tx, fromPath: string, toPath: string): void {
  if (fromPath === toPath) return;
  tx.update(redirects).set({ toPath }).where(eq(redirects.toPath, fromPath)).run();
  tx.delete(redirects).where(eq(redirects.fromPath, toPath)).run();
  tx.insert(redirects)
    .values({ fromPath, toPath })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath } })
    .run();
}

/** Every public path of a listing in both editions, with its feed where it has one. */
function listingPaths(kind: 'category' | 'tag', slug: string): string[] {
  const encoded = kind === 'tag' ? encodeURIComponent(slug) : slug;
  const paths = [`/${kind}/${encoded}`, `/en/${kind}/${encoded}`];
  if (kind === 'category') paths.push(`/${kind}/${encoded}/feed.xml`, `/en/${kind}/${encoded}/feed.xml`);
  return paths;
}

function redirectListing(tx: Tx, kind: 'category' | 'tag', oldSlug: string, newSlug: string) {
  const from = listingPaths(kind, oldSlug);
  const to = listingPaths(kind, newSlug);
  from.forEach((f, i) => addRedirect(tx, f, to[i]!));
}

export interface SectionInput {
  slug: string;
  nameAr: string;
  nameEn: string;
  parentId: number | null;
  position: number;
}

export function saveSection(db: Db, actorId: number, id: number | null, s: SectionInput): number {
  return db.transaction((tx) => {
    const clash = tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, s.slug)).get();
    if (clash && clash.id !== id) throw new SlugTakenError();
    if (id === null) {
      const newId = tx.insert(sections).values(s).returning({ id: sections.id }).get().id;
      writeAudit(tx, {
        userId: actorId,
        action: 'section.create',
        entity: 'section',
        entityId: newId,
        details: { slug: s.slug },
      });
      return newId;
    }
    const before = tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id)).get();
    if (!before) throw new Error('section not found');
    // CASE: a section cannot be its own parent.
    tx.update(sections)
      .set({ ...s, parentId: s.parentId === id ? null : s.parentId })
      .where(eq(sections.id, id))
      .run();
    // CASE: renaming a slug keeps the old URLs working through 301 redirects.
    if (before.slug !== s.slug) redirectListing(tx, 'category', before.slug, s.slug);
    // Search finds stories by their section's name: re-index them under the new one.
    syncSearchIndexForSection(tx, id);
    writeAudit(tx, {
      userId: actorId,
      action: 'section.update',
      entity: 'section',
      entityId: id,
      details: { from: before.slug, to: s.slug },
    });
    return id;
  });
}

export function saveTag(db: Db, actorId: number, id: number, t: { name: string; slug: string }): void {
  db.transaction((tx) => {
    const clash = tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, t.slug)).get();
    if (clash && clash.id !== id) throw new SlugTakenError();
    const before = tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, id)).get();
    if (!before) throw new Error('tag not found');
    tx.update(tags).set(t).where(eq(tags.id, id)).run();
    if (before.slug !== t.slug) redirectListing(tx, 'tag', before.slug, t.slug);
    syncSearchIndexForTag(tx, id);
    writeAudit(tx, {
      userId: actorId,
      action: 'tag.update',
      entity: 'tag',
      entityId: id,
      details: { from: before.slug, to: t.slug },
    });
  });
}
