import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { syncSearchIndex, syncSearchIndexForSection, syncSearchIndexForTag } from '../search/maintain';
import { articleTags, redirects, sections, tags } from '../schema';
import { writeTx, type WriteTx } from '../tx';
import { writeAudit } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';
import { wpPathKey } from '@/lib/import/wordpress/slugs';

export class SlugTakenError extends Error {
  constructor() {
    super('slugTaken');
  }
}

/**
 * Old URL → new URL, answered with a 301 by the proxy. Earlier redirects that pointed at the old
 * URL are pointed at the new one, so readers never follow a chain: the newsroom's own and those
 * an import brought in alike (db/mutations/redirects.ts stores their targets in this spelling).
 */
async function addRedirect(tx: WriteTx, fromPath: string, toPath: string): Promise<void> {
  if (fromPath === toPath) return;
  await tx.update(redirects).set({ toPath }).where(eq(redirects.toPath, fromPath));
  await tx.delete(redirects).where(eq(redirects.fromPath, toPath));
  // CASE: an imported old address stored under the new path's decoded key (/tag/سوريا for
  // /tag/%D8%B3…) would send the new listing's other spellings elsewhere, unless it leads here.
  const key = wpPathKey(toPath);
  if (key !== toPath)
    await tx.delete(redirects).where(and(eq(redirects.fromPath, key), ne(redirects.toPath, toPath)));
  // The rename's redirect is the newsroom's now, even where an import had the same address.
  await tx
    .insert(redirects)
    .values({ fromPath, toPath })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath, source: null } });
}

/** Every public path of a listing in both editions, with its feed where it has one. */
function listingPaths(kind: 'category' | 'tag', slug: string): string[] {
  const encoded = kind === 'tag' ? encodeURIComponent(slug) : slug;
  const paths = [`/${kind}/${encoded}`, `/en/${kind}/${encoded}`];
  if (kind === 'category') paths.push(`/${kind}/${encoded}/feed.xml`, `/en/${kind}/${encoded}/feed.xml`);
  return paths;
}

async function redirectListing(tx: WriteTx, kind: 'category' | 'tag', oldSlug: string, newSlug: string) {
  const from = listingPaths(kind, oldSlug);
  const to = listingPaths(kind, newSlug);
  for (const [i, f] of from.entries()) await addRedirect(tx, f, to[i]!);
}

export interface SectionInput {
  slug: string;
  nameAr: string;
  nameEn: string;
  parentId: number | null;
  position: number;
}

export async function saveSection(
  db: Db,
  actorId: number,
  id: number | null,
  s: SectionInput,
): Promise<number> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    // Section names are in every page's menu.
    const done = async (sectionId: number) => {
      await outbox.record([CACHE_TAGS.layout]);
      return sectionId;
    };
    const clash = (
      await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, s.slug)).limit(1)
    )[0];
    if (clash && clash.id !== id) throw new SlugTakenError();
    if (id === null) {
      const newId = (await tx.insert(sections).values(s).returning({ id: sections.id }))[0]!.id;
      await writeAudit(tx, {
        userId: actorId,
        action: 'section.create',
        entity: 'section',
        entityId: newId,
        details: { slug: s.slug },
      });
      return done(newId);
    }
    const before = (
      await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id)).limit(1)
    )[0];
    if (!before) throw new Error('section not found');
    // CASE: a section cannot be its own parent.
    await tx
      .update(sections)
      .set({ ...s, parentId: s.parentId === id ? null : s.parentId })
      .where(eq(sections.id, id));
    // CASE: renaming a slug keeps the old URLs working through 301 redirects.
    if (before.slug !== s.slug) await redirectListing(tx, 'category', before.slug, s.slug);
    // Search finds stories by their section's name: re-index them under the new one.
    await syncSearchIndexForSection(tx, id);
    await writeAudit(tx, {
      userId: actorId,
      action: 'section.update',
      entity: 'section',
      entityId: id,
      details: { from: before.slug, to: s.slug },
    });
    return done(id);
  });
}

export async function saveTag(
  db: Db,
  actorId: number,
  id: number,
  t: { name: string; slug: string },
): Promise<void> {
  await writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const clash = (await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, t.slug)).limit(1))[0];
    if (clash && clash.id !== id) throw new SlugTakenError();
    const before = (await tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, id)).limit(1))[0];
    if (!before) throw new Error('tag not found');
    await tx.update(tags).set(t).where(eq(tags.id, id));
    if (before.slug !== t.slug) await redirectListing(tx, 'tag', before.slug, t.slug);
    await syncSearchIndexForTag(tx, id);
    await writeAudit(tx, {
      userId: actorId,
      action: 'tag.update',
      entity: 'tag',
      entityId: id,
      details: { from: before.slug, to: t.slug },
    });
    // A tag's name is on every card and story that carries it.
    await outbox.record([CACHE_TAGS.layout]);
  });
}

export class TagMergeError extends Error {
  constructor(readonly reason: 'same' | 'missing') {
    super(reason);
  }
}

/** Every page that showed these tags: the tag pages, their stories, feeds, sitemaps and search. */
function tagPages(slugs: string[], articleIds: number[]): string[] {
  return [
    ...slugs.map(CACHE_TAGS.tag),
    ...articleIds.map(CACHE_TAGS.article),
    CACHE_TAGS.feeds,
    CACHE_TAGS.sitemaps,
    CACHE_TAGS.search,
  ];
}

async function storiesWithTag(tx: WriteTx, tagId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(eq(articleTags.tagId, tagId));
  return rows.map((r) => r.id);
}

/**
 * Merges tag `fromId` into `intoId` in one transaction: its stories get the other tag, the tag
 * goes, and its URLs answer 301 to the other tag's. Returns what the caller must invalidate.
 */
export async function mergeTags(db: Db, actorId: number, fromId: number, intoId: number) {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    if (fromId === intoId) throw new TagMergeError('same');
    const from = (await tx.select().from(tags).where(eq(tags.id, fromId)).limit(1))[0];
    const into = (await tx.select().from(tags).where(eq(tags.id, intoId)).limit(1))[0];
    if (!from || !into) throw new TagMergeError('missing');
    const articleIds = await storiesWithTag(tx, fromId);
    // A story holding both tags keeps one row; triggers fill locale and live_at as on any insert.
    // The cast types the bound id for PostgreSQL, which cannot infer it in a select list.
    await tx
      .insert(articleTags)
      .select(
        tx
          .select({
            articleId: articleTags.articleId,
            tagId: sql<number>`cast(${intoId} as integer)`.as('tag_id'),
            locale: articleTags.locale,
            liveAt: articleTags.liveAt,
          })
          .from(articleTags)
          .where(eq(articleTags.tagId, fromId)),
      )
      .onConflictDoNothing();
    await tx.delete(tags).where(eq(tags.id, fromId));
    await redirectListing(tx, 'tag', from.slug, into.slug);
    await syncSearchIndex(tx, articleIds);
    await writeAudit(tx, {
      userId: actorId,
      action: 'tag.merge',
      entity: 'tag',
      entityId: intoId,
      details: { from: from.slug, fromName: from.name, to: into.slug, stories: articleIds.length },
    });
    await outbox.record(tagPages([from.slug, into.slug], articleIds));
    return { fromSlug: from.slug, intoSlug: into.slug, articleIds };
  });
}

/**
 * Deletes a tag: its stories lose it and its page answers 404 (no redirect is left, and any
 * redirect that pointed at it is removed, so old URLs do not lead to a missing page).
 */
export async function deleteTag(db: Db, actorId: number, id: number) {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const tag = (await tx.select().from(tags).where(eq(tags.id, id)).limit(1))[0];
    if (!tag) return null;
    const articleIds = await storiesWithTag(tx, id);
    await tx.delete(articleTags).where(eq(articleTags.tagId, id));
    await tx.delete(tags).where(eq(tags.id, id));
    for (const path of listingPaths('tag', tag.slug))
      await tx.delete(redirects).where(eq(redirects.toPath, path));
    await syncSearchIndex(tx, articleIds);
    await writeAudit(tx, {
      userId: actorId,
      action: 'tag.delete',
      entity: 'tag',
      entityId: id,
      details: { from: tag.slug, fromName: tag.name, stories: articleIds.length },
    });
    await outbox.record(tagPages([tag.slug], articleIds));
    return { slug: tag.slug, articleIds };
  });
}
