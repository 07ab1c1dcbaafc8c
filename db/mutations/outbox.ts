import { randomUUID } from 'node:crypto';
import { lt, or, and, lte } from 'drizzle-orm';
import { getArticleCacheFacts } from '../queries/articles';
import { readContentVersion } from '../queries/outbox';
import { cacheInvalidations } from '../schema';
import {
  invalidateAllPages,
  invalidatePages,
  tagsForArticleChange,
  EVERY_PAGE,
  type ArticleCacheFacts,
} from '@/lib/cache-tags';
import { onCommit, type WriteTx } from '../tx';

/**
 * CASE: which writes record an invalidation. Every write that changes what a reader can see —
 * articles (their text, state, section, tags, bylines, translations, corrections), sections,
 * tags, settings, the site's pages, media text and crops, bylines and author pages, redirects —
 * records one row, in its own transaction, with the tags of the pages it changed (or `*`). The
 * database enforces the list: those tables bump content_version by trigger (migration 0010), and
 * a bump no row explains makes every instance mark every page stale (a forgotten row costs
 * speed, never correctness; the sqlite3 shell and the seed are caught the same way). Views,
 * sessions, login throttles, edit locks, audit rows, revisions and invitations record nothing and
 * bump nothing: they never change a cached page, so another process's view-count flush or login
 * no longer empties every cache (it did, with data_version alone). The "most read" block follows
 * the views and refreshes with the cache's TTL.
 */

/** How many rows and how long the outbox keeps: an instance further behind marks everything stale. */
export const OUTBOX_KEEP_ROWS = 1000;
export const OUTBOX_KEEP_MS = 10 * 60_000;
/** Every this many rows, the writer that adds one also trims the table (in its own transaction). */
const PRUNE_EVERY = 64;

/**
 * This process's name in the outbox. On globalThis, because the Next server's bundle and the
 * custom server (scripts/start.ts) load this module separately and must agree.
 */
export function instanceId(): string {
  const g = globalThis as { midadInstanceId?: string };
  g.midadInstanceId ??= `${process.pid}-${randomUUID().slice(0, 8)}`;
  return g.midadInstanceId;
}

export interface Outbox {
  /** The pages this transaction changed (tags, or EVERY_PAGE); call once, after the last write. */
  record(tags: readonly string[] | typeof EVERY_PAGE): Promise<void>;
}

/**
 * Opens the outbox of one write transaction: call it inside the transaction before its first
 * write (it notes the content version the change starts from), and `record` after the last. The
 * row goes in with the change or not at all; this process's own cache is invalidated right after
 * the commit (db/tx.ts onCommit), when the change is visible to the renders it causes. A render
 * that started before then is not kept as fresh (lib/page-cache/store.ts generations).
 */
export async function openOutbox(tx: WriteTx): Promise<Outbox> {
  const from = await readContentVersion(tx);
  return {
    async record(tags) {
      const to = await readContentVersion(tx);
      const list = tags === EVERY_PAGE ? tags : [...new Set(tags)];
      // Nothing changed and nothing to say: no row (a refused or empty change).
      if (list !== EVERY_PAGE && list.length === 0 && to === from) return;
      const id = (
        await tx
          .insert(cacheInvalidations)
          .values({
            tags: list === EVERY_PAGE ? EVERY_PAGE : JSON.stringify(list),
            origin: instanceId(),
            contentFrom: from,
            contentTo: to,
          })
          .returning({ id: cacheInvalidations.id })
      )[0]!.id;
      if (id % PRUNE_EVERY === 0) await pruneInvalidations(tx, id);
      // This process's own cache: once the change is visible (its row tells the other instances).
      onCommit(tx, () => (list === EVERY_PAGE ? invalidateAllPages() : invalidatePages(list)));
    },
  };
}

/**
 * Trims the outbox: keeps the newest OUTBOX_KEEP_ROWS rows, and of those only the ones younger
 * than OUTBOX_KEEP_MS, but always the newest (a follower tells "nothing new" from "pruned past
 * me" by it). One DELETE in a writer's transaction, so several processes can never race.
 */
export async function pruneInvalidations(tx: WriteTx, newestId: number, now = Date.now()): Promise<void> {
  await tx
    .delete(cacheInvalidations)
    .where(
      or(
        lte(cacheInvalidations.id, newestId - OUTBOX_KEEP_ROWS),
        and(
          lt(cacheInvalidations.id, newestId),
          lt(cacheInvalidations.createdAt, new Date(now - OUTBOX_KEEP_MS)),
        ),
      ),
    );
}

/**
 * Runs a change to some articles inside the caller's transaction and records the pages it
 * changed, comparing what readers could see of each article before and after
 * (tagsForArticleChange). `ids` may name articles that do not exist yet or any more.
 */
export async function recordArticleChanges<T>(
  tx: WriteTx,
  ids: readonly (number | null | undefined)[],
  change: () => Promise<T>,
  now?: Date,
): Promise<T> {
  const outbox = await openOutbox(tx);
  const known = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  // One after the other: a transaction's statements share one connection on either engine.
  const facts = async () => {
    const list: (ArticleCacheFacts | null)[] = [];
    for (const id of known) list.push(await getArticleCacheFacts(tx, id, now));
    return list;
  };
  const before = await facts();
  const result = await change();
  const after = await facts();
  await outbox.record(before.flatMap((was, i) => tagsForArticleChange(was, after[i] ?? null)));
  return result;
}
