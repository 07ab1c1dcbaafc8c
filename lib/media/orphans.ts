import type { MediaStorage } from './storage';
import { UPLOAD_STEM, uploadTimeOf } from './upload';

/** How far back a bucket is swept at start, and how many keys at most. */
const BUCKET_SWEEP = { graceMs: 10 * 60_000, lookbackMs: 2 * 24 * 3_600_000, limit: 20_000 };

export interface OrphanSweep {
  now?: number;
  /** Uploads begun less than this long ago are left alone: they may still be on their way to their row. */
  graceMs?: number;
  /** Only uploads begun within this long are looked at (their base-36 times sort). */
  lookbackMs?: number;
  /** At most this many keys are listed. */
  limit?: number;
}

/**
 * An upload stores its files first and its row last, so a crash in between (kill -9, power)
 * leaves files that no row names: the upload never got its answer. Run at start, before any
 * request, they are removed, so no such file is ever served. Returns how many were removed.
 *
 * On local disk the folder is read whole at every start, as it always was, with no grace: one
 * machine's upload in flight died with the process. A bucket is shared by every instance and may
 * be huge, so there only the last two days of uploads are listed (at most 20,000 keys, about 20
 * list requests), and uploads younger than ten minutes are left to the instance making them.
 */
export async function removeOrphanUploads(
  storage: MediaStorage,
  stems: Set<string>,
  sweep: OrphanSweep = storage.kind === 's3' ? BUCKET_SWEEP : {},
): Promise<number> {
  const now = sweep.now ?? Date.now();
  const lookback = sweep.lookbackMs ?? Infinity;
  const keys = await storage.list('u', {
    startAfter: Number.isFinite(lookback) ? `u${Math.max(0, now - lookback).toString(36)}` : undefined,
    limit: sweep.limit,
  });
  const orphans = keys.filter((key) => {
    const stem = UPLOAD_STEM.exec(key)?.[1];
    return stem !== undefined && !stems.has(stem) && uploadTimeOf(key)! <= now - (sweep.graceMs ?? 0);
  });
  await storage.delete(orphans);
  return orphans.length;
}
