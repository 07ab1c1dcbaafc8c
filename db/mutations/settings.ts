import { IMMEDIATE } from './immediate';
import type { Db } from '../client';
import { settings } from '../schema';
import { writeAudit } from './audit';

export function saveSettings(db: Db, actorId: number | null, values: Record<string, string>): void {
  db.transaction((tx) => {
    for (const [key, value] of Object.entries(values)) {
      tx.insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } })
        .run();
    }
    writeAudit(tx, { userId: actorId, action: 'settings.update', entity: 'settings', details: values });
  }, IMMEDIATE);
}
