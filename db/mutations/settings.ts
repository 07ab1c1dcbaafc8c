import { IMMEDIATE } from './immediate';
import type { Db } from '../client';
import { settings } from '../schema';
import { writeAudit } from './audit';
import { openOutbox } from './outbox';
import { CACHE_TAGS } from '@/lib/cache-tags';

export function saveSettings(db: Db, actorId: number | null, values: Record<string, string>): void {
  db.transaction((tx) => {
    const outbox = openOutbox(tx);
    for (const [key, value] of Object.entries(values)) {
      tx.insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } })
        .run();
    }
    writeAudit(tx, { userId: actorId, action: 'settings.update', entity: 'settings', details: values });
    // The site's name, ticker and footer are in every page's header and footer.
    outbox.record([CACHE_TAGS.layout]);
  }, IMMEDIATE);
}
