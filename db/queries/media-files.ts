import type { Db } from '../client';
import { media } from '../schema';

/** Every stored image's file-name stem, for matching files on disk to their rows. */
export async function listMediaStems(db: Db): Promise<Set<string>> {
  const rows = await db.select({ stem: media.stem }).from(media);
  return new Set(rows.map((r) => r.stem));
}
