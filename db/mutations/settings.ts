import type { Db } from '../client';
import { settings } from '../schema';
import { writeTx } from '../tx';
import { writeAudit, type Tx } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

export async function saveSettings(
  db: Db,
  actorId: number | null,
  values: Record<string, string>,
): Promise<void> {
  await writeTx(db, async (tx) => {
    // STAGE2: openOutbox still types its handle as the synchronous Tx; the writer's is a Db.
    const outbox = openOutbox(tx as unknown as Tx);
    for (const [key, value] of Object.entries(values)) {
      await tx
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } });
    }
    writeAudit(tx, { userId: actorId, action: 'settings.update', entity: 'settings', details: values });
    // The site's name, ticker and footer are in every page's header and footer.
    outbox.record([CACHE_TAGS.layout]);
  });
}
