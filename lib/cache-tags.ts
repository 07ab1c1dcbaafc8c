/**
 * Cache tag names, in one place. Every reader page carries LAYOUT (its header shows the ticker
 * and the section names) plus tags for what it lists; a change invalidates the tags it touches.
 */
export const CACHE_TAGS = {
  layout: 'layout',
  home: 'home',
  latest: 'latest',
  feeds: 'feeds',
  article: (id: number | string) => `article:${id}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
} as const;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s).normalize('NFC');
  } catch {
    return s;
  }
}

/** The tags of a reader URL, from its path alone (the URL contract makes this possible). */
export function tagsForPath(pathname: string): string[] {
  const path = pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  const tags: string[] = [CACHE_TAGS.layout];
  const [, kind, key] = path.split('/');
  if (path === '/') tags.push(CACHE_TAGS.home);
  else if (path.endsWith('.xml')) tags.push(CACHE_TAGS.feeds);
  else if (kind === 'latest') tags.push(CACHE_TAGS.latest);
  else if (kind === 'news' && key) tags.push(CACHE_TAGS.article(key));
  else if (kind === 'category' && key) tags.push(CACHE_TAGS.section(key));
  else if (kind === 'tag' && key) tags.push(CACHE_TAGS.tag(safeDecode(key)));
  else if (kind === 'author' && key) tags.push(CACHE_TAGS.author(key));
  return tags;
}

type CacheHandle = { invalidate(tags: string[]): number };

/**
 * Invalidates reader pages in this process's page cache (set up by scripts/start.ts). Without
 * one (next dev, tests of the data layer) it does nothing. Later, several instances can publish
 * the same call to each other.
 */
export function invalidatePages(tags: string[]): void {
  const cache = (globalThis as { midadPageCache?: CacheHandle }).midadPageCache;
  cache?.invalidate(tags);
}
