import { eq, inArray, sql } from 'drizzle-orm';
import { redirects } from '../schema';
import type { WriteTx } from '../tx';
import { canonicalTarget } from '@/lib/import/wordpress/legacy-urls';

/**
 * A path on this site. `//host/x` and `/\host/x` are read by browsers as another site's
 * address, and the proxy answers stored rows too (proxy.ts, storedRedirect): such a row is
 * never stored, nor is another site's URL (a redirect cannot lead off the site).
 */
function isSitePath(to: string): boolean {
  return /^\/(?![/\\])/.test(to);
}

/** Rows per INSERT: three parameters each, far below either engine's limit on parameters. */
export const REDIRECT_BATCH = 500;

/**
 * Stores an import's old addresses (`from`: a key of lib/import/wordpress/legacy-urls.ts) →
 * their new paths, inside the caller's transaction, which also records the outbox row (this
 * records none). Upserts by from_path: a re-import updates its rows and those of another import,
 * but never replaces a redirect the newsroom left when it renamed a listing. A row leading to
 * itself, or anywhere but a path on this site, is skipped; a target that is itself an old
 * address leads where that one does, so a reader is never sent through two hops. Returns how
 * many rows were written.
 */
export async function saveImportedRedirects(
  tx: WriteTx,
  source: string,
  rows: { from: string; to: string }[],
): Promise<number> {
  // One row per key (the last given wins): an upsert may not touch one row twice.
  const wanted = new Map<string, string>();
  for (const { from, to } of rows) {
    const target = canonicalTarget(to);
    // CASE: `/tag/سوريا` → `/tag/سوريا` is kept (as `/tag/%D8%B3…`): it answers the old
    // `/tag/%d8%b3…/` in one hop, where the proxy would take two (slash, then hex case).
    if (from === target || !from.startsWith('/') || !isSitePath(target)) continue;
    wanted.set(from, target);
  }
  const entries = [...wanted];
  let written = 0;
  for (let i = 0; i < entries.length; i += REDIRECT_BATCH) {
    const batch = entries.slice(i, i + REDIRECT_BATCH);
    const targets = [...new Set(batch.map(([, to]) => to))];
    const onward = new Map(
      (
        await tx
          .select({ from: redirects.fromPath, to: redirects.toPath })
          .from(redirects)
          .where(inArray(redirects.fromPath, targets))
      ).map((r) => [r.from, r.to]),
    );
    const values = batch.flatMap(([fromPath, to]) => {
      const toPath = onward.get(to) ?? to;
      return fromPath === toPath ? [] : [{ fromPath, toPath, source }];
    });
    if (values.length === 0) continue;
    const saved = await tx
      .insert(redirects)
      .values(values)
      .onConflictDoUpdate({
        target: redirects.fromPath,
        set: { toPath: sql`excluded.to_path`, source: sql`excluded.source` },
        setWhere: sql`${redirects.source} is not null`,
      })
      .returning({ id: redirects.id });
    written += saved.length;
  }
  return written;
}

/** Removes every redirect an import source brought in (the newsroom's own stay); how many went. */
export async function removeImportedRedirects(tx: WriteTx, source: string): Promise<number> {
  const removed = await tx
    .delete(redirects)
    .where(eq(redirects.source, source))
    .returning({ id: redirects.id });
  return removed.length;
}
