import type { Db } from '../client';
import { settings } from '../schema';
import { writeTx } from '../tx';
import { writeAudit } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

export async function saveSettings(
  db: Db,
  actorId: number | null,
  values: Record<string, string>,
): Promise<void> {
  await writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    for (const [key, value] of Object.entries(values)) {
      await tx
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } });
    }
    await writeAudit(tx, { userId: actorId, action: 'settings.update', entity: 'settings', details: values });
    // The site's name, ticker and footer are in every page's header and footer.
    await outbox.record([CACHE_TAGS.layout]);
  });
}
