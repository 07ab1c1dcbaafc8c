/**
 * Cache tags, in one place. A cached reader page carries:
 * - LAYOUT, because its header and footer show the section names, the settings and the ticker;
 * - a tag for what its URL lists (home, latest, a section, a tag, an author, feeds, search…);
 * - `article:N` for every article it links to (its own, cards, the ticker, related stories),
 *   read from the page itself, so an edit reaches exactly the pages that show that article.
 * The newsroom invalidates the tags a change touches; see tagsForArticleChange.
 */
export const CACHE_TAGS = {
  layout: 'layout',
  home: 'home',
  latest: 'latest',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  search: 'search',
  article: (id: number | string) => `article:${id}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** The site's own pages: /about, /contact, /privacy (both editions). */
  page: (slug: string) => `page:${slug}`,
} as const;

const STATIC_PAGE_PATHS = new Set(['about', 'contact', 'privacy']);

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
  else if (/^\/sitemaps\/|sitemap[^/]*\.xml$|^\/robots\.txt$/.test(path)) tags.push(CACHE_TAGS.sitemaps);
  else if (path.endsWith('.xml')) tags.push(CACHE_TAGS.feeds);
  else if (kind === 'latest') tags.push(CACHE_TAGS.latest);
  else if (kind === 'search') tags.push(CACHE_TAGS.search);
  else if (kind === 'news' && key) tags.push(CACHE_TAGS.article(key));
  else if (kind === 'category' && key) tags.push(CACHE_TAGS.section(key));
  else if (kind === 'tag' && key) tags.push(CACHE_TAGS.tag(safeDecode(key)));
  else if (kind === 'author' && key) tags.push(CACHE_TAGS.author(key));
  else if (kind && !key && STATIC_PAGE_PATHS.has(kind)) tags.push(CACHE_TAGS.page(kind));
  return tags;
}

const ARTICLE_LINK = /\/news\/(\d{1,12})\//g;
const SCRIPT = /<script\b[\s\S]*?<\/script>/gi;
const TICKER = /<section aria-labelledby="ticker-label"[\s\S]*?<\/section>/;

/**
 * A cached page's tag for what only its chrome shows: `~tag`. An invalidation of `tag` marks a
 * page carrying `~tag` softly stale (see PageCacheStore.invalidate): re-rendered at once when the
 * server has a render to spare, served as it is while it is busy rendering the pages whose own
 * content changed.
 */
export const softTag = (tag: string) => `~${tag}`;

/**
 * The tags of a rendered page: its URL's, plus one per article it links to.
 * CASE: LAYOUT (the header's sections, the settings, the ticker) and the stories that appear only
 * in the ticker are soft: a publish reaches every page's ticker, and on a busy day re-rendering
 * the whole site for it would delay the very listings and pages that must show the story first.
 * Links are read from the markup alone: Next's flight data inside scripts repeats it, ticker
 * included.
 */
export function tagsForPage(pathname: string, body: Buffer | string): string[] {
  const tags = new Set(tagsForPath(pathname).map((t) => (t === CACHE_TAGS.layout ? softTag(t) : t)));
  const markup = (typeof body === 'string' ? body : body.toString('latin1')).replace(SCRIPT, '');
  const ticker = TICKER.exec(markup)?.[0] ?? '';
  const content = ticker ? markup.replace(ticker, '') : markup;
  for (const match of content.matchAll(ARTICLE_LINK)) tags.add(CACHE_TAGS.article(match[1]!));
  for (const match of ticker.matchAll(ARTICLE_LINK)) {
    const tag = CACHE_TAGS.article(match[1]!);
    if (!tags.has(tag)) tags.add(softTag(tag));
  }
  return [...tags];
}

/** What the cache needs to know of an article before and after a change. */
export interface ArticleCacheFacts {
  id: number;
  /** Readers can see it: published and not deleted. */
  visible: boolean;
  publishedAt: number | null;
  sectionSlug: string;
  tagSlugs: string[];
  authorSlugs: string[];
  breaking: boolean;
  featured: boolean;
}

/** Every listing an article appears in (or shifts by being added or removed). */
function listingTags(a: ArticleCacheFacts): string[] {
  return [
    CACHE_TAGS.home,
    CACHE_TAGS.latest,
    CACHE_TAGS.feeds,
    CACHE_TAGS.sitemaps,
    CACHE_TAGS.search,
    CACHE_TAGS.section(a.sectionSlug),
    ...a.tagSlugs.map(CACHE_TAGS.tag),
    ...a.authorSlugs.map(CACHE_TAGS.author),
  ];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The tags to invalidate for one article's change. A story that goes live is the newest story,
 * so it enters the ticker on every page (LAYOUT, which pages carry softly) and every listing it
 * belongs to (home, latest, feeds, search, its section, tags and authors). A story that leaves drops from every page
 * linking to it and shifts the listings it was in. An edit reaches the pages that link to it,
 * plus the listings it moves between, plus everything when its breaking flag changes.
 */
export function tagsForArticleChange(
  before: ArticleCacheFacts | null,
  after: ArticleCacheFacts | null,
): string[] {
  const was = before?.visible ? before : null;
  const is = after?.visible ? after : null;
  if (!was && !is) return [];
  // Every page's ticker (softly), and at once the listings the story joins.
  if (!was) return [CACHE_TAGS.layout, ...listingTags(is!)];
  if (!is) return [CACHE_TAGS.article(was.id), ...listingTags(was)];
  const tags = new Set<string>([
    CACHE_TAGS.article(is.id),
    CACHE_TAGS.feeds,
    CACHE_TAGS.sitemaps,
    CACHE_TAGS.search,
  ]);
  if (was.breaking !== is.breaking) tags.add(CACHE_TAGS.layout);
  if (was.featured !== is.featured) tags.add(CACHE_TAGS.home);
  if (
    was.sectionSlug !== is.sectionSlug ||
    was.publishedAt !== is.publishedAt ||
    !sameSet(was.tagSlugs, is.tagSlugs) ||
    !sameSet(was.authorSlugs, is.authorSlugs)
  )
    for (const tag of [...listingTags(was), ...listingTags(is)]) tags.add(tag);
  return [...tags];
}

/** In the outbox and on the bus: every page may have changed (a write that cannot name its pages). */
export const EVERY_PAGE = '*';

type CacheHandle = { invalidate(tags: string[]): number; invalidateAll(): void };

const pageCache = () => (globalThis as { midadPageCache?: CacheHandle }).midadPageCache;

/**
 * Invalidates reader pages in this process's page cache (set up by scripts/start.ts, which hands
 * them to its invalidation bus). Without one (next dev, tests of the data layer) it does nothing.
 * Other processes learn of the change from the outbox row written with it (db/mutations/outbox.ts).
 */
export function invalidatePages(tags: string[]): void {
  if (tags.length === 0) return;
  pageCache()?.invalidate(tags);
}

/** Marks every page of this process's cache stale. */
export function invalidateAllPages(): void {
  pageCache()?.invalidateAll();
}
