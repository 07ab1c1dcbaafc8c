import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { listMediaUsage } from '../queries/media';
import { media } from '../schema';
import { writeTx, type WriteTx } from '../tx';
import { cleanCredit } from '@/lib/media/credit';
import { writeAudit } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

/**
 * Records the pages showing an image (its stories, and through their tags every card of them)
 * around a change to it. An upload shows nowhere until a story uses it, so it records nothing.
 */
async function changingMedia<T>(tx: WriteTx, id: number, change: () => Promise<T>): Promise<T> {
  const outbox = await openOutbox(tx);
  const row = (
    await tx.select({ id: media.id, stem: media.stem }).from(media).where(eq(media.id, id)).limit(1)
  )[0];
  const shownOn = row ? (await listMediaUsage(tx, row)).map((a) => CACHE_TAGS.article(a.id)) : [];
  const result = await change();
  await outbox.record(shownOn);
  return result;
}

export async function insertMedia(
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
): Promise<number> {
  return writeTx(db, async (tx) => {
    // CASE: the site prints «تصوير:» before a credit; a typed one is dropped so it never doubles.
    const id = (
      await tx
        .insert(media)
        .values({ ...m, credit: cleanCredit(m.credit), uploadedBy: actorId })
        .returning({ id: media.id })
    )[0]!.id;
    await writeAudit(tx, { userId: actorId, action: 'media.upload', entity: 'media', entityId: id });
    return id;
  });
}

/** Corrects an image's alt text, caption and credit. */
export async function updateMediaText(
  db: Db,
  actorId: number,
  id: number,
  text: { alt: string; caption: string; credit: string },
): Promise<boolean> {
  return writeTx(db, async (tx) =>
    changingMedia(tx, id, async () => {
      // The returned row tells whether the image exists, the same way on both engines.
      const changed =
        (
          await tx
            .update(media)
            .set({ ...text, credit: cleanCredit(text.credit) })
            .where(eq(media.id, id))
            .returning({ id: media.id })
        ).length > 0;
      if (changed)
        await writeAudit(tx, { userId: actorId, action: 'media.update', entity: 'media', entityId: id });
      return changed;
    }),
  );
}

/** Moves the focal point 16:9 cards are cropped around. */
export async function setMediaFocalPoint(
  db: Db,
  actorId: number,
  id: number,
  focal: { x: number; y: number },
): Promise<boolean> {
  return writeTx(db, async (tx) =>
    changingMedia(tx, id, async () => {
      const changed =
        (
          await tx
            .update(media)
            .set({ focalX: focal.x, focalY: focal.y })
            .where(eq(media.id, id))
            .returning({ id: media.id })
        ).length > 0;
      if (changed)
        await writeAudit(tx, {
          userId: actorId,
          action: 'media.focal',
          entity: 'media',
          entityId: id,
          details: { x: focal.x, y: focal.y },
        });
      return changed;
    }),
  );
}

export type DeleteMediaResult =
  | { ok: true; stem: string }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'inUse'; usage: Awaited<ReturnType<typeof listMediaUsage>> };

/**
 * Deletes an image's row, unless a story shows it. CASE: an image a story uses (lead image or
 * inside the body, trashed stories included) is never deleted; the caller gets the list instead.
 * The check and the delete share one immediate transaction, so a save cannot slip in between.
 */
export async function deleteMedia(db: Db, actorId: number, id: number): Promise<DeleteMediaResult> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const row = (
      await tx
        .select({ id: media.id, stem: media.stem, alt: media.alt })
        .from(media)
        .where(eq(media.id, id))
        .limit(1)
    )[0];
    if (!row) return { ok: false, reason: 'notFound' } as const;
    const usage = await listMediaUsage(tx, row);
    if (usage.length > 0) return { ok: false, reason: 'inUse', usage } as const;
    await tx.delete(media).where(eq(media.id, id));
    await writeAudit(tx, {
      userId: actorId,
      action: 'media.delete',
      entity: 'media',
      entityId: id,
      details: { stem: row.stem, alt: row.alt },
    });
    // No story shows it (checked above): the row only says the change is known.
    await outbox.record([]);
    return { ok: true, stem: row.stem } as const;
  });
}
