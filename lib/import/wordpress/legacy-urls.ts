/**
 * The keys old WordPress addresses are stored and looked up under: an imported row of the
 * redirects table has `legacyKeys(oldUrl)[0]` as its from_path, and the server looks up every key
 * of an incoming URL (lib/server/legacy-urls.ts). A key stands for every spelling WordPress
 * answered at one address: a path decoded in either hex case, NFC, without its trailing slash
 * (wpPathKey), or a query-style address reduced to the one parameter that names the page.
 */
import { decodePercentSafe, wpPathKey } from './slugs';

/** Query-style addresses, in this order of precedence when several are given. */
const QUERY_KEYS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author'] as const;
const NUMERIC_KEYS = new Set(['p', 'page_id', 'attachment_id', 'cat', 'author']);
/** Parameters that are WordPress's own, not carried on to the new address. */
export const WORDPRESS_PARAMS = new Set([
  ...QUERY_KEYS,
  's',
  'feed',
  'm',
  'amp',
  'paged',
  'preview',
  'preview_id',
  'preview_nonce',
  'replytocom',
]);
/** Where WordPress reads query-style addresses: the site's root (of either edition). */
const ROOTS = new Set(['/', '/index.php', '/en', '/en/index.php']);
const SITE_FEED = /^(?:\/en)?(?:\/comments)?\/feed(?:\/(?:rss2?|atom|rdf))?$/;
const FEED_SUFFIX = /^(.+?)\/feed(?:\/(?:rss2?|atom|rdf))?$/;
const PAGE_SUFFIX = /^(.*?)\/page\/([1-9]\d{0,5})$/;
const AMP_SUFFIX = /^(.+?)\/amp$/;
const DATE_ARCHIVE = /^(?:\/en)?\/(?:19|20)\d\d(?:\/(?:0[1-9]|1[0-2])(?:\/(?:0[1-9]|[12]\d|3[01]))?)?$/;
const IMAGE = /^(.*\/)([^/]+?)(\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic))$/i;

export type Edition = 'ar' | 'en';

/** What the server does with an old address before anything else sees it. */
export type LegacyPlan =
  /** Not an address of WordPress's: the request goes on. */
  | { kind: 'none' }
  /** Answered without a lookup: a search, the site's feed, a page of the front page. */
  | { kind: 'answer'; location: string }
  | LegacyLookup;

export interface LegacyLookup {
  kind: 'lookup';
  edition: Edition;
  /** Keys naming this very address, most specific first. */
  keys: string[];
  /**
   * A feed, an AMP copy or a later page of another address (`/category/x/feed/`): that one's
   * keys, and what is wanted of the page they lead to.
   */
  of: { keys: string[]; want: 'feed' | 'page' | 'same'; page?: number } | null;
  /** A date archive (`/2024/05/`): when no key matches, the latest stories. */
  dateArchive: boolean;
}

/**
 * The lookup keys of an old address (a path with its query, or a whole URL), most specific first;
 * none for an address that is answered without a lookup (a search, the site's feed).
 */
export function legacyKeys(pathAndQuery: string): string[] {
  const plan = planLegacyUrl(pathAndQuery);
  return plan.kind === 'lookup' ? [...plan.keys, ...(plan.of?.keys ?? [])] : [];
}

/** How a request for an old address is answered: by itself, by a lookup, or not at all. */
export function planLegacyUrl(pathAndQuery: string): LegacyPlan {
  const { path, query } = splitUrl(pathAndQuery);
  const key = wpPathKey(path);
  const edition: Edition = /^\/en(?:\/|$)/.test(key) ? 'en' : 'ar';
  const prefix = edition === 'en' ? '/en' : '';
  if (ROOTS.has(key)) return query ? planQuery(queryParams(query), edition) : { kind: 'none' };

  if (SITE_FEED.test(key)) return { kind: 'answer', location: `${prefix}/feed.xml` };
  const search = /^(?:\/en)?\/search\/(.+)$/.exec(key);
  if (search) return { kind: 'answer', location: searchPath(prefix, search[1]!.replace(/\+/g, ' ')) };
  const paged = PAGE_SUFFIX.exec(key);
  if (paged && (paged[1] === '' || paged[1] === '/en'))
    return { kind: 'answer', location: `${prefix}/latest?page=${paged[2]}` };

  const base = FEED_SUFFIX.exec(key) ?? paged ?? AMP_SUFFIX.exec(key);
  const of: LegacyLookup['of'] = !base
    ? null
    : base === paged
      ? { keys: pathKeys(base[1]!), want: 'page', page: Number(base[2]) }
      : { keys: pathKeys(base[1]!), want: base[0].endsWith('/amp') ? 'same' : 'feed' };
  return {
    kind: 'lookup',
    edition,
    keys: pathKeys(key),
    of,
    dateArchive: DATE_ARCHIVE.test(of ? of.keys[0]! : key),
  };
}

/** `/?p=123`, `/?cat=12&feed=rss2`, `/?s=words`, `/?m=202405`. */
function planQuery(params: Map<string, string>, edition: Edition): LegacyPlan {
  const prefix = edition === 'en' ? '/en' : '';
  const wantsFeed = params.has('feed');
  for (const name of QUERY_KEYS) {
    const value = params.get(name);
    if (value === undefined) continue;
    const key = queryKey(name, value);
    if (key === null) continue;
    return wantsFeed
      ? { kind: 'lookup', edition, keys: [], of: { keys: [key], want: 'feed' }, dateArchive: false }
      : { kind: 'lookup', edition, keys: [key], of: null, dateArchive: false };
  }
  if (wantsFeed) return { kind: 'answer', location: `${prefix}/feed.xml` };
  const words = params.get('s');
  if (words !== undefined) return { kind: 'answer', location: searchPath(prefix, words) };
  if (/^(?:19|20)\d\d(?:0[1-9]|1[0-2])?(?:\d\d)?$/.test(params.get('m') ?? ''))
    return { kind: 'answer', location: `${prefix}/latest` };
  return { kind: 'none' };
}

function queryKey(name: string, value: string): string | null {
  if (NUMERIC_KEYS.has(name)) {
    // WordPress reads these as integers: `p=0123` is post 123.
    const digits = /^\d{1,15}$/.test(value) ? value.replace(/^0+/, '') : '';
    return digits ? `/?${name}=${digits}` : null;
  }
  const slug = value.trim();
  return slug ? `/?${name}=${slug}` : null;
}

function searchPath(prefix: string, words: string): string {
  const q = words.trim();
  return q ? `${prefix}/search?${new URLSearchParams({ q })}` : `${prefix}/search`;
}

/**
 * A path's keys: itself, then what else it may have been stored under. A PATHINFO permalink
 * (`/index.php/2024/…`) is also tried without `index.php`; an uploaded image also as the
 * attachment it is a copy of: WordPress serves `name-300x200.jpg` (a resized copy), `name-scaled.jpg`
 * (the copy it makes of a large upload, which is then the attachment's URL), `name-rotated.jpg`
 * and `name-e1712345678901.jpg` (an edit) beside the upload `name.jpg`.
 */
function pathKeys(key: string): string[] {
  const keys = [key];
  const add = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  if (key.startsWith('/index.php/')) add(key.slice('/index.php'.length));
  const image = IMAGE.exec(key);
  if (image) {
    const [, dir, stem, ext] = image as unknown as [string, string, string, string];
    const full = stem.replace(/-\d{1,5}x\d{1,5}(?:@[1-4]x)?$/, '');
    add(dir + full + ext);
    const original = full.replace(/-(?:scaled|rotated)$/, '');
    add(dir + (original === full ? `${full}-scaled` : original) + ext);
    const unedited = original.replace(/-e\d{13}$/, '');
    if (unedited !== original) add(dir + unedited + ext);
  }
  return keys;
}

function splitUrl(input: string): { path: string; query: string } {
  let s = input.trim();
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(s);
  if (origin) s = s.slice(origin[0].length);
  s = s.replace(/#.*$/s, '');
  const q = s.indexOf('?');
  const path = q < 0 ? s : s.slice(0, q);
  return { path: path || '/', query: q < 0 ? '' : s.slice(q + 1) };
}

/**
 * A query string's parameters, decoded as WordPress reads them (`+` is a space, either hex
 * case, undecodable bytes kept), the first value of each; never throws.
 */
export function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => decodePercentSafe(s.replace(/\+/g, ' ')).text;
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (!params.has(name)) params.set(name, eq < 0 ? '' : decode(part.slice(eq + 1)));
  }
  return params;
}

/**
 * A redirect target in the one spelling Midad's own links have (lib/article-url.ts): each path
 * segment percent-encoded from its NFC text, query kept. Stored so, an imported row pointing at
 * a listing is found by the update that keeps redirects one hop when that listing is renamed
 * (db/mutations/taxonomy.ts). Anything but a path on this site is returned as it is.
 */
export function canonicalTarget(to: string): string {
  const cut = to.search(/[?#]/);
  const path = cut < 0 ? to : to.slice(0, cut);
  if (!path.startsWith('/')) return to;
  const segments = path.split('/').map((segment) => {
    const decoded = decodePercentSafe(segment);
    return decoded.complete ? encodeURIComponent(decoded.text) : segment;
  });
  return segments.join('/') + (cut < 0 ? '' : to.slice(cut));
}
