import 'server-only';
import { getDb } from '@/db/client';
import { addArticleViews } from '@/db/mutations/views';
import { utcDay } from '@/db/queries/most-read';

/**
 * Views are counted in memory and written in one transaction every few seconds, so a
 * spike of readers costs a map increment each, not a database write each.
 */
const FLUSH_MS = 5_000;
// One map per process, not per bundle copy: the shutdown (lib/server/shutdown.ts) flushes it
// through globalThis after the last request is answered, so no counted view is lost.
const shared = globalThis as {
  midadPendingViews?: Map<number, number>;
  midadFlushViews?: () => Promise<void>;
};
const pending = (shared.midadPendingViews ??= new Map<number, number>());
let timer: NodeJS.Timeout | null = null;

/** Writes what is counted so far; resolves once it is written (or reported as lost). */
export async function flushViews(): Promise<void> {
  timer = null;
  if (pending.size === 0) return;
  const batch = new Map(pending);
  pending.clear();
  try {
    await addArticleViews(getDb(), utcDay(new Date()), batch);
  } catch (error) {
    console.error('views: could not write a batch', error instanceof Error ? error.message : error);
  }
}

shared.midadFlushViews = flushViews;

export function countView(articleId: number): void {
  pending.set(articleId, (pending.get(articleId) ?? 0) + 1);
  timer ??= setTimeout(() => void flushViews(), FLUSH_MS).unref();
}
