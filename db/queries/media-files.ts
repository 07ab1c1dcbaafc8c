import type { Db } from '../client';
import { media } from '../schema';

/** Every stored image's file-name stem, for matching files on disk to their rows. */
export function listMediaStems(db: Db): Set<string> {
  return new Set(
    db
      .select({ stem: media.stem })
      .from(media)
      .all()
      .map((r) => r.stem),
  );
}
