import type { Db } from '../client';
import { auditLog } from '../schema';
import type { WriteTx } from '../tx';

/**
 * better-sqlite3's synchronous transaction. Only db/seed and db/search still use it (both are
 * SQLite-only so far); every mutation takes WriteTx from db/tx.ts.
 */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity?: string;
  entityId?: number | null;
  details?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction of the change it records, with its `tx`. */
export async function writeAudit(tx: WriteTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity ?? '',
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
  });
}

export type { Tx };
