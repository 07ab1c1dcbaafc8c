import { articlePath, homePath, localePrefix, parseArticlePath, parseId } from './article-url';

export type Edition = 'ar' | 'en';

/** Reader pages both editions have at the same path (after the /en prefix). */
const SHARED_PAGE = /^\/(?:latest|search|category\/[a-z0-9-]+|author\/[a-z0-9-]+)$/;

/**
 * Where the header's edition switch takes a reader who was on `from` (a path of this site): the
 * story's translation when it has a live one, the same section, author, latest or search page in
 * the other edition, and otherwise that edition's home. Tags are per edition, so a tag page goes
 * home. Only ever a path of this site, whatever `from` holds.
 */
export async function editionSwitchTarget(
  from: string | null,
  to: Edition,
  liveTranslation: (articleId: number) => Promise<{ id: number; slug: string; locale: string } | null>,
): Promise<string> {
  if (!from) return homePath(to);
  const [pathname = '', query = ''] = from.split('?', 2);
  const article = parseArticlePath(pathname);
  if (article) {
    const id = parseId(article.id);
    const translation = id === null ? null : await liveTranslation(id);
    return translation && translation.locale === to ? articlePath(translation) : homePath(to);
  }
  const bare = pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  if (!SHARED_PAGE.test(bare)) return homePath(to);
  // A search keeps its words; other pages start again from their first page.
  const q = bare === '/search' ? new URLSearchParams(query).get('q') : null;
  return `${localePrefix(to)}${bare}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
}
