import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { redirects } from '../schema';
import { allRows, preparedPerDb } from './prepared';

/** An old address's row: the key it matched and where it leads. */
export interface LegacyRedirect {
  from: string;
  to: string;
}

/** An old URL has a handful of keys (lib/import/wordpress/legacy-urls.ts): one statement per count. */
const PREPARED_UP_TO = 8;

const lookupStatements = Array.from({ length: PREPARED_UP_TO }, (_, i) =>
  preparedPerDb((db) =>
    db
      .select({ from: redirects.fromPath, to: redirects.toPath })
      .from(redirects)
      .where(
        inArray(
          redirects.fromPath,
          Array.from({ length: i + 1 }, (_, k) => sql.placeholder(`k${k}`)),
        ),
      )
      .prepare(),
  ),
);

/**
 * The redirect of the first of `keys` that has one (in the order given: most specific first), or
 * null. One query, on the unique index of from_path.
 */
export async function findLegacyRedirect(db: Db, keys: string[]): Promise<LegacyRedirect | null> {
  if (keys.length === 0) return null;
  const rows =
    keys.length <= PREPARED_UP_TO
      ? await allRows(
          lookupStatements[keys.length - 1]!(db),
          Object.fromEntries(keys.map((key, k) => [`k${k}`, key])),
        )
      : await db
          .select({ from: redirects.fromPath, to: redirects.toPath })
          .from(redirects)
          .where(inArray(redirects.fromPath, keys));
  for (const key of keys) {
    const row = rows.find((r) => r.from === key);
    if (row) return row;
  }
  return null;
}
