import type { Db } from '@/db/client';
import { getArticleCacheFacts } from '@/db/queries/articles';
import { invalidatePages, tagsForArticleChange } from '@/lib/cache-tags';

/**
 * Runs a change to some articles and then invalidates exactly the cached reader pages it
 * affects, comparing what readers could see of each article before and after. A change that
 * throws was rolled back by its transaction and invalidates nothing.
 */
export function changingArticles<T>(db: Db, ids: number[], change: () => T): T {
  const before = ids.map((id) => getArticleCacheFacts(db, id));
  const result = change();
  const tags = new Set<string>();
  ids.forEach((id, i) => {
    for (const tag of tagsForArticleChange(before[i] ?? null, getArticleCacheFacts(db, id))) tags.add(tag);
  });
  invalidatePages([...tags]);
  return result;
}
