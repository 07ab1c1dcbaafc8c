import type { Db } from '../client';
import { auditLog } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity?: string;
  entityId?: number | null;
  details?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export function writeAudit(tx: Tx | Db, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity ?? '',
      entityId: entry.entityId ?? null,
      details: entry.details ?? null,
    })
    .run();
}

export type { Tx };
