import { IMMEDIATE } from './immediate';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { syncSearchIndex, syncSearchIndexForSection, syncSearchIndexForTag } from '../search/maintain';
import { articleTags, redirects, sections, tags } from '../schema';
import { writeAudit, type Tx } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

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
    const outbox = openOutbox(tx);
    // Section names are in every page's menu.
    const done = (sectionId: number) => {
      outbox.record([CACHE_TAGS.layout]);
      return sectionId;
    };
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
      return done(newId);
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
    return done(id);
  }, IMMEDIATE);
}

export function saveTag(db: Db, actorId: number, id: number, t: { name: string; slug: string }): void {
  db.transaction((tx) => {
    const outbox = openOutbox(tx);
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
    // A tag's name is on every card and story that carries it.
    outbox.record([CACHE_TAGS.layout]);
  }, IMMEDIATE);
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

function storiesWithTag(tx: Tx, tagId: number): number[] {
  return tx
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(eq(articleTags.tagId, tagId))
    .all()
    .map((r) => r.id);
}

/**
 * Merges tag `fromId` into `intoId` in one transaction: its stories get the other tag, the tag
 * goes, and its URLs answer 301 to the other tag's. Returns what the caller must invalidate.
 */
export function mergeTags(db: Db, actorId: number, fromId: number, intoId: number) {
  return db.transaction(
    (tx) => {
      const outbox = openOutbox(tx);
      if (fromId === intoId) throw new TagMergeError('same');
      const from = tx.select().from(tags).where(eq(tags.id, fromId)).get();
      const into = tx.select().from(tags).where(eq(tags.id, intoId)).get();
      if (!from || !into) throw new TagMergeError('missing');
      const articleIds = storiesWithTag(tx, fromId);
      // A story holding both tags keeps one row; triggers fill locale and live_at as on any insert.
      tx.run(
        sql`INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ${intoId} FROM article_tags WHERE tag_id = ${fromId}`,
      );
      tx.delete(tags).where(eq(tags.id, fromId)).run();
      redirectListing(tx, 'tag', from.slug, into.slug);
      syncSearchIndex(tx, articleIds);
      writeAudit(tx, {
        userId: actorId,
        action: 'tag.merge',
        entity: 'tag',
        entityId: intoId,
        details: { from: from.slug, fromName: from.name, to: into.slug, stories: articleIds.length },
      });
      outbox.record(tagPages([from.slug, into.slug], articleIds));
      return { fromSlug: from.slug, intoSlug: into.slug, articleIds };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Deletes a tag: its stories lose it and its page answers 404 (no redirect is left, and any
 * redirect that pointed at it is removed, so old URLs do not lead to a missing page).
 */
export function deleteTag(db: Db, actorId: number, id: number) {
  return db.transaction(
    (tx) => {
      const outbox = openOutbox(tx);
      const tag = tx.select().from(tags).where(eq(tags.id, id)).get();
      if (!tag) return null;
      const articleIds = storiesWithTag(tx, id);
      tx.delete(articleTags).where(eq(articleTags.tagId, id)).run();
      tx.delete(tags).where(eq(tags.id, id)).run();
      for (const path of listingPaths('tag', tag.slug))
        tx.delete(redirects).where(eq(redirects.toPath, path)).run();
      syncSearchIndex(tx, articleIds);
      writeAudit(tx, {
        userId: actorId,
        action: 'tag.delete',
        entity: 'tag',
        entityId: id,
        details: { from: tag.slug, fromName: tag.name, stories: articleIds.length },
      });
      outbox.record(tagPages([tag.slug], articleIds));
      return { slug: tag.slug, articleIds };
    },
    { behavior: 'immediate' },
  );
}
