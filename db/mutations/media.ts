import { IMMEDIATE } from './immediate';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { listMediaUsage } from '../queries/media';
import { media } from '../schema';
import { cleanCredit } from '@/lib/media/credit';
import { writeAudit, type Tx } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

/**
 * Records the pages showing an image (its stories, and through their tags every card of them)
 * around a change to it. An upload shows nowhere until a story uses it, so it records nothing.
 */
function changingMedia<T>(tx: Tx, id: number, change: () => T): T {
  const outbox = openOutbox(tx);
  const row = tx.select({ id: media.id, stem: media.stem }).from(media).where(eq(media.id, id)).get();
  const shownOn = row ? listMediaUsage(tx as unknown as Db, row).map((a) => CACHE_TAGS.article(a.id)) : [];
  const result = change();
  outbox.record(shownOn);
  return result;
}

export function insertMedia(
  db: Db,
  actorId: number,
  m: {
    stem: string;
    width: number;
    height: number;
    variantWidths: number[];
    alt: string;
    caption: string;
    credit: string;
    focalX?: number | null;
    focalY?: number | null;
  },
): number {
  return db.transaction((tx) => {
    // CASE: the site prints «تصوير:» before a credit; a typed one is dropped so it never doubles.
    const id = tx
      .insert(media)
      .values({ ...m, credit: cleanCredit(m.credit), uploadedBy: actorId })
      .returning({ id: media.id })
      .get().id;
    writeAudit(tx, { userId: actorId, action: 'media.upload', entity: 'media', entityId: id });
    return id;
  }, IMMEDIATE);
}

/** Corrects an image's alt text, caption and credit. */
export function updateMediaText(
  db: Db,
  actorId: number,
  id: number,
  text: { alt: string; caption: string; credit: string },
): boolean {
  return db.transaction(
    (tx) =>
      changingMedia(tx, id, () => {
        const changed =
          tx
            .update(media)
            .set({ ...text, credit: cleanCredit(text.credit) })
            .where(eq(media.id, id))
            .run().changes > 0;
        if (changed)
          writeAudit(tx, { userId: actorId, action: 'media.update', entity: 'media', entityId: id });
        return changed;
      }),
    IMMEDIATE,
  );
}

/** Moves the focal point 16:9 cards are cropped around. */
export function setMediaFocalPoint(
  db: Db,
  actorId: number,
  id: number,
  focal: { x: number; y: number },
): boolean {
  return db.transaction(
    (tx) =>
      changingMedia(tx, id, () => {
        const changed =
          tx.update(media).set({ focalX: focal.x, focalY: focal.y }).where(eq(media.id, id)).run().changes >
          0;
        if (changed)
          writeAudit(tx, {
            userId: actorId,
            action: 'media.focal',
            entity: 'media',
            entityId: id,
            details: { x: focal.x, y: focal.y },
          });
        return changed;
      }),
    IMMEDIATE,
  );
}

export type DeleteMediaResult =
  | { ok: true; stem: string }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'inUse'; usage: ReturnType<typeof listMediaUsage> };

/**
 * Deletes an image's row, unless a story shows it. CASE: an image a story uses (lead image or
 * inside the body, trashed stories included) is never deleted; the caller gets the list instead.
 * The check and the delete share one immediate transaction, so a save cannot slip in between.
 */
export function deleteMedia(db: Db, actorId: number, id: number): DeleteMediaResult {
  return db.transaction(
    (tx) => {
      const outbox = openOutbox(tx);
      const row = tx
        .select({ id: media.id, stem: media.stem, alt: media.alt })
        .from(media)
        .where(eq(media.id, id))
        .get();
      if (!row) return { ok: false, reason: 'notFound' } as const;
      const usage = listMediaUsage(tx as unknown as Db, row);
      if (usage.length > 0) return { ok: false, reason: 'inUse', usage } as const;
      tx.delete(media).where(eq(media.id, id)).run();
      writeAudit(tx, {
        userId: actorId,
        action: 'media.delete',
        entity: 'media',
        entityId: id,
        details: { stem: row.stem, alt: row.alt },
      });
      // No story shows it (checked above): the row only says the change is known.
      outbox.record([]);
      return { ok: true, stem: row.stem } as const;
    },
    { behavior: 'immediate' },
  );
}
