import { and, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  articleAuthors,
  articleReturns,
  articles,
  articleTags,
  corrections,
  revisions,
  tags,
  type ArticleStatus,
  type RevisionSnapshot,
} from '../schema';
import { getTranslationKey, getTranslationPartnerId, translationPartner } from '../queries/newsroom';
import { syncSearchIndex } from '../search/maintain';
import { writeTx, type WriteTx } from '../tx';
import { writeAudit } from './audit';
import { recordArticleChanges } from './outbox';

export interface ArticleFields {
  locale: string;
  title: string;
  slug: string;
  dek: string;
  /** Already sanitised HTML. */
  body: string;
  wordCount: number;
  sectionId: number;
  tags: { name: string; slug: string }[];
  authorIds: number[];
  sourceOutlet: string;
  sourceAgency: string;
  heroMediaId: number | null;
  breaking: boolean;
  breakingUntil: Date | null;
  featured: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  /** The same story in the other edition: an article id, null to unlink, undefined to leave as is. */
  translationId?: number | null;
  /** The article version this save started from; undefined saves unconditionally (revision restore). */
  expectedVersion?: number;
}

/** Every write that changes an article bumps this, so an editor open on an older copy notices. */
const nextVersion = sql`${articles.version} + 1`;

/** A save that started from an older version than the stored one: refused, nothing written. */
export class StaleSaveError extends Error {
  constructor(public readonly currentVersion: number) {
    super('conflict');
  }
}

export class WorkflowError extends Error {
  constructor(
    public readonly code:
      'notFound' | 'transition' | 'scheduleInPast' | 'slugTaken' | 'noteRequired' | 'expired',
  ) {
    super(code);
  }
}

export class TranslationError extends Error {
  constructor(public readonly code: 'translationNotFound' | 'translationSameEdition' | 'translationTaken') {
    super(code);
  }
}

/**
 * Links an article to its translation in the other edition, or unlinks it (partnerId null).
 * A pair shares a translation key: the smaller of the two ids. Unlinking clears the key on both,
 * so a key always names one of its group's members and can never be reused by a stale group.
 * The caller invalidates the pages of the old and the new partner (see saveArticleAction).
 */
async function linkTranslation(
  tx: WriteTx,
  id: number,
  locale: string,
  partnerId: number | null,
): Promise<void> {
  const current = await getTranslationKey(tx, id);
  const oldPartner = current === null ? null : ((await translationPartner(tx, current, id))?.id ?? null);
  if (partnerId === oldPartner) return;
  if (partnerId !== null) {
    const partner = (
      await tx
        .select({ locale: articles.locale, key: articles.translationKey, deletedAt: articles.deletedAt })
        .from(articles)
        .where(eq(articles.id, partnerId))
        .limit(1)
    )[0];
    if (!partner || partner.deletedAt || partnerId === id) throw new TranslationError('translationNotFound');
    if (partner.locale === locale) throw new TranslationError('translationSameEdition');
    if (partner.key !== null) throw new TranslationError('translationTaken');
  }
  if (current !== null)
    await tx.update(articles).set({ translationKey: null }).where(eq(articles.translationKey, current));
  if (partnerId !== null)
    await tx
      .update(articles)
      .set({ translationKey: Math.min(id, partnerId) })
      .where(inArray(articles.id, [id, partnerId]));
}

/** A free slug: the wanted one, or with -2, -3 … appended when another live article of the edition has it. */
async function uniqueSlug(
  tx: WriteTx,
  wanted: string,
  locale: string,
  exceptId: number | null,
): Promise<string> {
  let slug = wanted;
  for (let n = 2; ; n++) {
    const clash = (
      await tx
        .select({ id: articles.id })
        .from(articles)
        .where(
          and(
            eq(articles.slug, slug),
            eq(articles.locale, locale),
            exceptId ? ne(articles.id, exceptId) : undefined,
          ),
        )
        .limit(1)
    )[0];
    if (!clash) return slug;
    slug = `${wanted}-${n}`;
  }
}

async function setTagsAndAuthors(tx: WriteTx, articleId: number, f: ArticleFields): Promise<string[]> {
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  const names: string[] = [];
  for (const t of f.tags) {
    const id =
      (await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, t.slug)).limit(1))[0]?.id ??
      (await tx.insert(tags).values({ name: t.name, slug: t.slug }).returning({ id: tags.id }))[0]!.id;
    await tx.insert(articleTags).values({ articleId, tagId: id }).onConflictDoNothing();
    names.push(t.name);
  }
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  for (const [position, userId] of f.authorIds.entries())
    await tx.insert(articleAuthors).values({ articleId, userId, position });
  return names;
}

function snapshot(f: ArticleFields, slug: string, tagNames: string[]): RevisionSnapshot {
  return {
    title: f.title,
    dek: f.dek,
    body: f.body,
    slug,
    sectionId: f.sectionId,
    tags: tagNames,
    heroMediaId: f.heroMediaId,
    sourceOutlet: f.sourceOutlet,
    sourceAgency: f.sourceAgency,
  };
}

function columns(f: ArticleFields) {
  return {
    title: f.title,
    dek: f.dek,
    body: f.body,
    wordCount: f.wordCount,
    sectionId: f.sectionId,
    sourceOutlet: f.sourceOutlet,
    sourceAgency: f.sourceAgency,
    heroMediaId: f.heroMediaId,
    breaking: f.breaking,
    breakingUntil: f.breakingUntil,
    featured: f.featured,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
  };
}

/** A new draft with its first revision. */
export async function createDraft(
  db: Db,
  actorId: number,
  f: ArticleFields,
  now = new Date(),
): Promise<{ id: number; slug: string }> {
  // A new draft shows nowhere; the story it is linked to as a translation may.
  // writeTx begins IMMEDIATE: the free-slug check and the insert must not interleave with another writer's.
  return writeTx(db, async (tx) =>
    recordArticleChanges(tx, [f.translationId], async () => {
      const slug = await uniqueSlug(tx, f.slug, f.locale, null);
      const id = (
        await tx
          .insert(articles)
          .values({ ...columns(f), locale: f.locale, slug, status: 'draft', updatedAt: now, createdAt: now })
          .returning({ id: articles.id })
      )[0]!.id;
      const names = await setTagsAndAuthors(tx, id, f);
      if (f.translationId != null) await linkTranslation(tx, id, f.locale, f.translationId);
      await tx
        .insert(revisions)
        .values({ articleId: id, userId: actorId, snapshot: snapshot(f, slug, names), createdAt: now });
      await writeAudit(tx, {
        userId: actorId,
        action: 'article.create',
        entity: 'article',
        entityId: id,
        details: { title: f.title },
      });
      return { id, slug };
    }),
  );
}

/**
 * Saves an edit and keeps a revision. Returns where the article was before, so the caller can
 * invalidate old and new locations (slug, section, tags, authors).
 */
export async function updateArticle(db: Db, actorId: number, id: number, f: ArticleFields, now = new Date()) {
  // writeTx begins IMMEDIATE: the version check and the write happen under one write lock, so two
  // saves that started from the same version cannot both pass the check.
  // Its old and new translation show (or stop showing) a link to it.
  return writeTx(db, async (tx) =>
    recordArticleChanges(tx, [id, await getTranslationPartnerId(tx, id), f.translationId], async () => {
      const row = (
        await tx
          .select({
            slug: articles.slug,
            sectionId: articles.sectionId,
            status: articles.status,
            locale: articles.locale,
            version: articles.version,
          })
          .from(articles)
          .where(eq(articles.id, id))
          .limit(1)
      )[0];
      if (!row) throw new WorkflowError('notFound');
      // CASE: a save based on an older version never overwrites a newer one.
      if (f.expectedVersion !== undefined && f.expectedVersion !== row.version)
        throw new StaleSaveError(row.version);
      const before = { slug: row.slug, sectionId: row.sectionId, status: row.status, locale: row.locale };
      const beforeTags = await tx
        .select({ tagId: articleTags.tagId })
        .from(articleTags)
        .where(eq(articleTags.articleId, id));
      const beforeAuthors = await tx
        .select({ userId: articleAuthors.userId })
        .from(articleAuthors)
        .where(eq(articleAuthors.articleId, id));
      // CASE: a published article may change its slug; /news/{id}/{old-slug} answers 301 to the new one.
      const slug = await uniqueSlug(tx, f.slug, before.locale, id);
      await tx
        .update(articles)
        .set({ ...columns(f), slug, updatedAt: now, version: nextVersion })
        .where(eq(articles.id, id));
      const names = await setTagsAndAuthors(tx, id, f);
      if (f.translationId !== undefined) await linkTranslation(tx, id, before.locale, f.translationId);
      await syncSearchIndex(tx, [id]);
      await tx
        .insert(revisions)
        .values({ articleId: id, userId: actorId, snapshot: snapshot(f, slug, names), createdAt: now });
      await writeAudit(tx, { userId: actorId, action: 'article.update', entity: 'article', entityId: id });
      return {
        before: {
          ...before,
          tagIds: beforeTags.map((t) => t.tagId),
          authorIds: beforeAuthors.map((a) => a.userId),
        },
        slug,
        version: row.version + 1,
      };
    }),
  );
}

export type Transition =
  'submit' | 'publish' | 'schedule' | 'unschedule' | 'unpublish' | 'archive' | 'return' | 'delete';

const ALLOWED: Record<Transition, ArticleStatus[]> = {
  submit: ['draft'],
  publish: ['draft', 'review', 'scheduled', 'archived'],
  schedule: ['draft', 'review', 'scheduled'],
  unschedule: ['scheduled'],
  unpublish: ['published', 'scheduled'],
  archive: ['published', 'draft', 'review'],
  return: ['review'],
  delete: ['draft', 'review', 'scheduled', 'published', 'archived'],
};

/**
 * The workflow: draft → review → scheduled | published → archived, plus unpublish and delete.
 * CASE: published → scheduled is refused (unpublish first): a live story never disappears into the future.
 * CASE: the publish time is set on first publish only; republishing keeps the original time.
 * CASE: a schedule time must be in the future; a scheduled story may be rescheduled.
 * CASE: unschedule takes a scheduled story back to draft and forgets its future time (it was never
 * live); a published story is never rescheduled, unscheduled or moved by a schedule.
 * CASE: delete is soft (deletedAt): the story goes to the trash, readers get 410 Gone, and the
 * audit trail keeps the id (see restoreFromTrash).
 * CASE: return sends a story in review back to its writer as a draft, with a note (required) that
 * their dashboard shows.
 */
export function transitionArticle(
  db: Db,
  actorId: number,
  id: number,
  transition: Transition,
  options: { at?: Date; now?: Date; note?: string } = {},
): Promise<{ from: ArticleStatus; to: ArticleStatus; publishedAt: Date | null; version: number }> {
  const now = options.now ?? new Date();
  // A delete unlinks its translation, whose page loses the link.
  // writeTx begins IMMEDIATE: it reads the status, then writes; deferred, a second writer (another
  // process) made the upgrade fail at once with SQLITE_BUSY whatever the busy timeout (load:writes found it).
  return writeTx(db, async (tx) =>
    recordArticleChanges(
      tx,
      [id, await getTranslationPartnerId(tx, id)],
      async () => {
        const row = (
          await tx
            .select({
              status: articles.status,
              publishedAt: articles.publishedAt,
              deletedAt: articles.deletedAt,
              version: articles.version,
            })
            .from(articles)
            .where(eq(articles.id, id))
            .limit(1)
        )[0];
        if (!row || row.deletedAt) throw new WorkflowError('notFound');
        if (!ALLOWED[transition].includes(row.status)) throw new WorkflowError('transition');
        let to: ArticleStatus = row.status;
        let publishedAt = row.publishedAt;
        const set: Partial<typeof articles.$inferInsert> = { updatedAt: now, version: row.version + 1 };
        switch (transition) {
          case 'submit':
            to = 'review';
            break;
          case 'publish':
            to = 'published';
            // A time in the future (a schedule that was cancelled or overtaken) becomes now.
            if (!publishedAt || publishedAt > now) publishedAt = now;
            break;
          case 'schedule':
            if (!options.at || options.at.getTime() <= now.getTime())
              throw new WorkflowError('scheduleInPast');
            to = 'scheduled';
            publishedAt = options.at;
            break;
          case 'unschedule':
            to = 'draft';
            if (publishedAt && publishedAt > now) publishedAt = null;
            break;
          case 'unpublish':
            to = 'draft';
            break;
          case 'archive':
            to = 'archived';
            break;
          case 'return': {
            const note = options.note?.trim() ?? '';
            if (!note) throw new WorkflowError('noteRequired');
            to = 'draft';
            await tx.insert(articleReturns).values({ articleId: id, userId: actorId, note, createdAt: now });
            break;
          }
          case 'delete':
            set.deletedAt = now;
            // The other edition's story is free to pair again (its page loses the link through this one's tag).
            await linkTranslation(tx, id, '', null);
            break;
        }
        await tx
          .update(articles)
          .set({ ...set, status: to, publishedAt })
          .where(eq(articles.id, id));
        await syncSearchIndex(tx, [id]);
        await writeAudit(tx, {
          userId: actorId,
          action: `article.${transition}`,
          entity: 'article',
          entityId: id,
          details: { from: row.status, to, ...(options.at ? { at: options.at.toISOString() } : {}) },
        });
        return { from: row.status, to, publishedAt, version: row.version + 1 };
      },
      now,
    ),
  );
}

/** How long a deleted story can be brought back from the trash. */
export const TRASH_DAYS = 30;
const TRASH_MS = TRASH_DAYS * 86_400_000;

/**
 * Brings a story back from the trash.
 * CASE: it returns as a draft, whatever it was (published included): bringing a story back to the
 * site is a deliberate publish, which keeps its first publish time. Its id, slug and so its URL are
 * the same (a deleted story keeps its slug; uniqueSlug never hands it to another story).
 * CASE: a translation link cut by the delete stays cut: the other edition may have paired again.
 * CASE: after TRASH_DAYS the story cannot be restored (it is not purged: readers keep getting 410
 * and the audit trail keeps pointing at it).
 */
export async function restoreFromTrash(db: Db, actorId: number, id: number, now = new Date()) {
  return writeTx(db, async (tx) =>
    recordArticleChanges(
      tx,
      [id],
      async () => {
        const row = (
          await tx
            .select({ status: articles.status, deletedAt: articles.deletedAt })
            .from(articles)
            .where(eq(articles.id, id))
            .limit(1)
        )[0];
        if (!row || !row.deletedAt) throw new WorkflowError('notFound');
        if (now.getTime() - row.deletedAt.getTime() > TRASH_MS) throw new WorkflowError('expired');
        await tx
          .update(articles)
          .set({ deletedAt: null, status: 'draft', updatedAt: now, version: nextVersion })
          .where(eq(articles.id, id));
        await syncSearchIndex(tx, [id]);
        await writeAudit(tx, {
          userId: actorId,
          action: 'article.restore',
          entity: 'article',
          entityId: id,
          details: { from: row.status, to: 'draft' },
        });
        return { from: row.status, to: 'draft' as const };
      },
      now,
    ),
  );
}

/** Scheduled articles whose time has come go live; returns their ids (to invalidate their pages). */
export async function publishDueArticles(db: Db, now = new Date()): Promise<number[]> {
  return writeTx(db, async (tx) => {
    const due = (
      await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
    ).map((r) => r.id);
    if (due.length === 0) return due;
    return recordArticleChanges(
      tx,
      due,
      async () => {
        await tx
          .update(articles)
          .set({ status: 'published', updatedAt: now, version: nextVersion })
          .where(inArray(articles.id, due));
        await syncSearchIndex(tx, due);
        for (const id of due)
          await writeAudit(tx, {
            userId: null,
            action: 'article.scheduledPublish',
            entity: 'article',
            entityId: id,
          });
        return due;
      },
      now,
    );
  });
}

export async function addCorrection(
  db: Db,
  actorId: number,
  articleId: number,
  note: string,
  now = new Date(),
): Promise<void> {
  await writeTx(db, async (tx) =>
    recordArticleChanges(
      tx,
      [articleId],
      async () => {
        await tx.insert(corrections).values({ articleId, note, createdAt: now });
        await tx
          .update(articles)
          .set({ updatedAt: now, version: nextVersion })
          .where(eq(articles.id, articleId));
        await writeAudit(tx, {
          userId: actorId,
          action: 'article.correction',
          entity: 'article',
          entityId: articleId,
        });
      },
      now,
    ),
  );
}

/** Moves articles to another section in one transaction (bulk action). */
export async function moveArticlesToSection(
  db: Db,
  actorId: number,
  ids: number[],
  sectionId: number,
  now = new Date(),
): Promise<void> {
  await writeTx(db, async (tx) =>
    recordArticleChanges(
      tx,
      ids,
      async () => {
        await tx
          .update(articles)
          .set({ sectionId, updatedAt: now, version: nextVersion })
          .where(inArray(articles.id, ids));
        await syncSearchIndex(tx, ids);
        for (const id of ids)
          await writeAudit(tx, {
            userId: actorId,
            action: 'article.move',
            entity: 'article',
            entityId: id,
            details: { sectionId },
          });
      },
      now,
    ),
  );
}
