import { getDb } from '@/db/client';
import { publishDueArticles } from '@/db/mutations/articles';

/**
 * How often scheduled articles are checked: well inside the one-minute promise.
 * MIDAD_SCHEDULER_MS shortens it for the multi-instance tests (every instance ticks; whichever
 * wins publishes, the others find nothing due).
 */
export const SCHEDULER_INTERVAL_MS = Number(process.env.MIDAD_SCHEDULER_MS) || 15_000;

/**
 * Puts scheduled articles live when their time comes. It runs at start too, so an article
 * whose time passed while the server was down goes live at once after a restart.
 */
export function startScheduler(): void {
  const g = globalThis as unknown as { midadScheduler?: NodeJS.Timeout };
  if (g.midadScheduler) return;
  const tick = async () => {
    try {
      const ids = await publishDueArticles(getDb());
      if (ids.length) {
        console.log(`scheduler: published ${ids.length} scheduled article(s): ${ids.join(', ')}`);
      }
    } catch (error) {
      console.error('scheduler:', error instanceof Error ? error.message : error);
    }
  };
  // tick catches and logs its own errors.
  void tick();
  g.midadScheduler = setInterval(() => void tick(), SCHEDULER_INTERVAL_MS);
  g.midadScheduler.unref();
}
