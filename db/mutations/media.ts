import type { Db } from '../client';
import { media } from '../schema';
import { cleanCredit } from '@/lib/media/credit';
import { writeAudit } from './audit';

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
  },
): number {
  return db.transaction((tx) => {
    // CASE: the site prints «تصوير:» before a credit; a typed one is dropped so it never doubles.
    const id = tx
      .insert(media)
      .values({ ...m, credit: cleanCredit(m.credit) })
      .returning({ id: media.id })
      .get().id;
    writeAudit(tx, { userId: actorId, action: 'media.upload', entity: 'media', entityId: id });
    return id;
  });
}
