import type { Db } from '../client';
import { media } from '../schema';
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
    const id = tx.insert(media).values(m).returning({ id: media.id }).get().id;
    writeAudit(tx, { userId: actorId, action: 'media.upload', entity: 'media', entityId: id });
    return id;
  });
}
