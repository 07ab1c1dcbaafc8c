import type { Invalidation } from './bus';

/**
 * Notices writes made by other processes (a second instance, the user CLI, tests) without paying
 * a `PRAGMA data_version` on every cached request: under load that pragma was about an eighth of
 * the hit path. The version is read at most once per `intervalMs`; `onChange` runs when it moved
 * (scripts/start.ts then reads the outbox: followOutbox below).
 *
 * CASE: why invalidation stays correct. data_version changes whenever another connection commits;
 * this process's own writes invalidate by tag as they record their outbox row. A commit made
 * elsewhere at time T is seen by the first cached request arriving after T + intervalMs at the
 * latest, and from then on the pages its outbox row names are stale and re-rendered (every page,
 * when the change cannot be explained). A request inside that window got the copy it would have
 * got had it arrived a moment before the commit — the same as any request racing a write. When
 * the server is idle (more than intervalMs since the last look) the very next request checks, so
 * a single reader after a quiet spell never sees an old page.
 */
export function changeGate(
  readVersion: () => number | undefined,
  onChange: () => void,
  intervalMs = 2,
  now: () => number = performance.now.bind(performance),
): () => void {
  let seen: number | undefined;
  let checkedAt = -Infinity;
  return () => {
    const t = now();
    if (t - checkedAt < intervalMs) return;
    checkedAt = t;
    const version = readVersion();
    if (version === undefined) return;
    if (seen !== undefined && version !== seen) onChange();
    seen = version;
  };
}

/** Where a follower of the outbox stands: the last row it read, and the content version it explains. */
export interface OutboxPosition {
  lastId: number;
  contentVersion: number;
}

interface OutboxEntry {
  id: number;
  tags: string;
  origin: string;
  contentFrom: number;
  contentTo: number;
}

const EVERYTHING: Invalidation = { all: true };

function parseTags(text: string): string[] | null {
  try {
    const tags: unknown = JSON.parse(text);
    return Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? tags : null;
  } catch {
    return null;
  }
}

/**
 * What the outbox rows written since `at` invalidate (db/mutations/outbox.ts writes them).
 * CASE: rows of this instance (`self`) are skipped: it invalidated its own cache as it wrote.
 * CASE: everything is stale when the rows cannot be trusted to be complete — a row says `*` or
 * cannot be read; rows this follower never saw were pruned; or the content version moved in a
 * step no row covers (a write that recorded no row: the sqlite3 shell, a script, a forgotten
 * call). Rows of nested transactions overlap, so the check is that their ranges leave no gap.
 * CASE: nothing at all when no row is new and the content version did not move: the data_version
 * that woke the follower moved for views, sessions, locks or audit rows, which no page shows.
 */
export function followOutbox(
  at: OutboxPosition,
  read: { rows: OutboxEntry[]; contentVersion: number; oldestId: number | null },
  self: string,
): { at: OutboxPosition; invalidation: Invalidation | null } {
  const next = { lastId: read.rows.at(-1)?.id ?? at.lastId, contentVersion: read.contentVersion };
  let all = read.rows.length > 0 && read.oldestId !== null && read.oldestId > at.lastId + 1;
  const tags = new Set<string>();
  let covered = at.contentVersion;
  for (const row of read.rows) {
    if (row.contentFrom > covered) all = true;
    covered = Math.max(covered, row.contentTo);
    if (row.origin === self || all) continue;
    const rowTags = row.tags === '*' ? null : parseTags(row.tags);
    if (rowTags) for (const tag of rowTags) tags.add(tag);
    else all = true;
  }
  // Ahead of every row (a change without one), or behind (the database was replaced).
  if (read.contentVersion !== covered) all = true;
  if (all) return { at: next, invalidation: EVERYTHING };
  return { at: next, invalidation: tags.size ? { tags: [...tags] } : null };
}
