/**
 * Importing a WordPress export into Midad, on either engine. Two streaming passes over the file:
 * the first reads it whole and writes nothing (a malformed file stops there, with its line and
 * column, and the site is as it was), collecting what the second needs before it meets the
 * posts — authors, categories, tags, attachments, Polylang's pairs; the second imports each post
 * in its own transaction. Everything is keyed on the source site and the old id (import_items),
 * so a second run of the same file creates nothing twice and updates only what changed.
 */
import { createHash } from 'node:crypto';
import { asciiSlug } from '@/lib/arabic/slug';
import { countWords } from '@/lib/text';
import type { Db } from '@/db/client';
import {
  finishImportRun,
  importAuthors,
  importPosts,
  importRedirects,
  importSections,
  importTags,
  linkImportedTranslations,
  readImportMap,
  startImportRun,
  updateImportRun,
  type ImportedPost,
  type ImportMap,
  type ImportOutcome,
} from '@/db/mutations/import';
import { firstSectionForImport } from '@/db/queries/import';
import type { ArticleStatus, ImportCount, ImportReport } from '@/db/schema';
import { convertWpBody } from './body';
import { resolveItemDates } from './dates';
import { mapItemMeta } from './meta-presets';
import { looksSerialized, unserializePhp } from './php-unserialize';
import type { UnknownShortcodes } from './shortcodes';
import { legacyKeys } from './legacy-urls';
import { decodeWpSlug } from './slugs';
import type { WxrAuthor, WxrCategory, WxrItem, WxrSite } from './types';
import { readWxr } from './wxr-reader';

export interface ImportOptions {
  /** The old site's address, when the file's own is not the one readers used. */
  siteUrl?: string;
  /** The old site's time zone, for dates the file gives in local time only. */
  timeZone?: string;
  /** Where categories go: sections (default), tags, or nowhere (one section for all). */
  categories?: 'sections' | 'tags' | 'one';
  /** The section of every story when categories are not sections (default: the site's first). */
  section?: string;
  /** The old site's archive bases (WordPress's defaults: category, tag, author). */
  bases?: { category?: string; tag?: string; author?: string };
  /** The edition of stories without a Polylang language (default: from the file's language). */
  locale?: 'ar' | 'en';
  unknownShortcodes?: UnknownShortcodes;
  dryRun?: boolean;
  /** Who started it (the newsroom's import page), for the audit log. */
  startedBy?: number | null;
  fileName?: string;
  /** Called with the figures so far, about twice a second, and at the end. */
  onProgress?: (report: ImportReport) => void;
}

/** An option that cannot work with this site (a section that does not exist). */
export class ImportOptionError extends Error {}

/** Stories per write transaction (each in a savepoint of its own). */
const BATCH = 100;

export interface ImportResult {
  runId: number | null;
  source: string;
  report: ImportReport;
}

/** The source key of a site: its address without scheme, `www.` or trailing slash. */
export function sourceKey(siteUrl: string): string {
  return siteUrl
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** The key an old URL is stored under (lib/import/wordpress/legacy-urls.ts), or null for none. */
export function oldUrlKey(url: string): string | null {
  return legacyKeys(url)[0] ?? null;
}

/** The keys of some old URLs, each once. */
function oldUrlKeys(...urls: (string | null)[]): string[] {
  const keys = new Set<string>();
  for (const url of urls) {
    const key = url === null ? null : oldUrlKey(url);
    if (key) keys.add(key);
  }
  return [...keys];
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Titles and names come with HTML entities (`&#8211;`, `&amp;`): as text. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return HTML_ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const plainText = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).normalize('NFC');

interface Attachment {
  url: string;
  alt: string;
  caption: string;
  parent: number | null;
  link: string;
}

/** What the first pass learns: all the second needs before it meets the posts. */
interface Survey {
  site: WxrSite | null;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  tags: Map<string, { slug: string; name: string; termId: number | null }>;
  attachments: Map<number, Attachment>;
  /** Polylang: post id → its group's language → post id. */
  translationGroups: Map<string, Map<string, number>>;
  hasLanguages: boolean;
  items: number;
  posts: number;
  byType: Record<string, number>;
  comments: number;
  /** Logins that posts name as their author. */
  creators: Set<string>;
}

/**
 * A string the survey keeps, copied out of the parser's text: a field of a record is a slice of
 * a 256 KB chunk of the file, and keeping it keeps the whole chunk (50,000 attachments' URLs
 * held 800 MB of the file that way).
 */
const keep = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

async function survey(file: string): Promise<Survey> {
  const s: Survey = {
    site: null,
    authors: [],
    categories: [],
    tags: new Map(),
    attachments: new Map(),
    translationGroups: new Map(),
    hasLanguages: false,
    items: 0,
    posts: 0,
    byType: {},
    comments: 0,
    creators: new Set(),
  };
  for await (const r of readWxr(file)) {
    if (r.type === 'site') s.site = r;
    else if (r.type === 'author') s.authors.push(r);
    else if (r.type === 'category') s.categories.push(r);
    else if (r.type === 'tag')
      s.tags.set(keep(r.slug), { slug: keep(r.slug), name: keep(r.name), termId: r.termId });
    else if (r.type === 'term') {
      if (r.taxonomy === 'post_translations')
        s.translationGroups.set(keep(r.slug), translationGroup(r.description));
      if (r.taxonomy === 'language') s.hasLanguages = true;
    } else {
      s.items++;
      s.byType[r.postType] = (s.byType[r.postType] ?? 0) + 1;
      s.comments += r.comments.length;
      if (r.postType === 'post') {
        s.posts++;
        if (r.creator && !s.creators.has(r.creator)) s.creators.add(keep(r.creator));
        for (const t of r.terms)
          if (t.domain === 'post_tag' && !s.tags.has(t.nicename))
            s.tags.set(keep(t.nicename), { slug: keep(t.nicename), name: keep(t.name), termId: null });
          else if (t.domain === 'language') s.hasLanguages = true;
      }
      if (r.postType === 'attachment' && r.postId !== null) {
        const meta = new Map(r.meta.map((m) => [m.key, m.value]));
        s.attachments.set(r.postId, {
          url: keep(r.attachmentUrl || r.guid),
          alt: keep(meta.get('_wp_attachment_image_alt')?.trim() ?? ''),
          caption: keep(plainText(r.excerpt)),
          parent: r.postParent || null,
          link: keep(r.link),
        });
      }
    }
  }
  return s;
}

/** Polylang keeps a pair as `a:2:{s:2:"en";i:325;s:2:"fa";i:349;}` in the term's description. */
function translationGroup(description: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!looksSerialized(description)) return out;
  try {
    const value = unserializePhp(description);
    if (value instanceof Map)
      for (const [lang, id] of value)
        if (typeof id === 'number' && typeof lang === 'string') out.set(lang, id);
  } catch {
    // Not a pair we can read: the stories stay unlinked (and are counted).
  }
  return out;
}

const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');

const emptyCount = (): ImportCount => ({ imported: 0, updated: 0, unchanged: 0, skipped: 0 });

class Reporter {
  readonly report: ImportReport;
  private last = 0;
  constructor(
    total: number,
    private readonly onProgress?: (report: ImportReport) => void,
    private readonly persist?: (report: ImportReport) => Promise<void>,
  ) {
    this.report = { read: 0, total, counts: {}, notes: [] };
  }
  count(kind: string, outcome: ImportOutcome | keyof ImportCount, by = 1): void {
    (this.report.counts[kind] ??= emptyCount())[outcome] += by;
  }
  note(code: string, example?: string, by = 1): void {
    let n = this.report.notes.find((x) => x.code === code);
    if (!n) this.report.notes.push((n = { code, count: 0, examples: [] }));
    n.count += by;
    if (example && n.examples.length < 5 && !n.examples.includes(example)) n.examples.push(example);
  }
  async tick(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.last < 500) return;
    this.last = now;
    this.onProgress?.(this.report);
    await this.persist?.(this.report);
  }
}

function statusOf(item: WxrItem, published: Date | null, now: Date): ArticleStatus | null {
  switch (item.status) {
    case 'publish':
      return published && published > now ? 'scheduled' : 'published';
    case 'future':
      return published && published > now ? 'scheduled' : 'published';
    case 'pending':
      return 'review';
    case 'draft':
    case 'private':
      return 'draft';
    default:
      return null;
  }
}

/** The old site's base URL: the option, else the file's, else its link. */
function oldSiteUrl(options: ImportOptions, site: WxrSite | null): string {
  return (options.siteUrl || site?.baseBlogUrl || site?.link || site?.baseSiteUrl || '').replace(/\/+$/, '');
}

function absolute(url: string, siteUrl: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('//')) return `https:${url}`;
  return `${siteUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * Imports a WordPress export. Throws WxrParseError (line and column) for a malformed file before
 * writing anything. A dry run reads both passes, writes nothing and reports what would happen.
 */
export async function importWordPress(
  db: Db,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = Date.now();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  sampler.unref();
  try {
    const s = await survey(file);
    const siteUrl = oldSiteUrl(options, s.site);
    const source = sourceKey(siteUrl || file);
    const dry = options.dryRun === true;
    const bases = { category: 'category', tag: 'tag', author: 'author', ...options.bases };
    const defaultLocale = options.locale ?? (/^en\b/i.test(s.site?.language ?? '') ? 'en' : 'ar');
    const mode = options.categories ?? 'sections';
    const timeZone = options.timeZone ?? 'UTC';
    const now = new Date();

    let runId: number | null = null;
    const reporter = new Reporter(s.items, options.onProgress, async (report) => {
      if (runId !== null) await updateImportRun(db, runId, report);
    });
    const r = reporter;
    if (!dry)
      runId = await startImportRun(db, {
        source,
        fileName: options.fileName ?? file.split('/').pop()!,
        dryRun: false,
        startedBy: options.startedBy ?? null,
        report: r.report,
      });
    try {
      // Every option that changes what a post becomes is part of its digest.
      const shape = hash([mode, options.section, timeZone, defaultLocale, options.unknownShortcodes, bases]);

      // People: the file's authors, and the logins its posts name that it does not list (WXR 1.0).
      const knownAuthors = await readImportMap(db, source, 'author');
      const listed = new Set(s.authors.map((a) => a.login));
      for (const login of s.creators)
        if (!listed.has(login))
          s.authors.push({
            type: 'author',
            line: 0,
            id: null,
            login,
            email: '',
            displayName: login,
            firstName: '',
            lastName: '',
          });
      const people = s.authors.map((a) => {
        const name = decodeEntities(
          a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login,
        );
        return {
          oldId: a.login,
          email: a.email || `${asciiSlug(a.login) || 'author'}.${a.id ?? 0}@imported.invalid`,
          name,
          slug: asciiSlug(a.login) || asciiSlug(name) || `author-${a.id ?? 0}`,
          digest: hash([name, a.email]),
          redirects: oldUrlKeys(
            `/${bases.author}/${encodeURIComponent(a.login.toLowerCase())}/`,
            a.id ? `/?author=${a.id}` : null,
          ),
        };
      });
      const authors = dry
        ? wouldImport(people, knownAuthors)
        : await importAuthors(db, source, people, knownAuthors, now);
      for (const a of authors.values()) r.count('authors', a.outcome);
      const authorSlugs = new Map<number, string>();
      for (const p of people) authorSlugs.set(authors.get(p.oldId)!.id, p.slug);

      // Categories.
      const byNicename = new Map(s.categories.map((c) => [c.nicename, c]));
      const categoryPath = (c: WxrCategory): string => {
        const chain: string[] = [];
        const seen = new Set<string>();
        for (
          let at: WxrCategory | undefined = c;
          at && !seen.has(at.nicename);
          at = byNicename.get(at.parent)
        ) {
          seen.add(at.nicename);
          chain.unshift(at.nicename);
        }
        return chain.join('/');
      };
      const sectionsByNicename = new Map<string, { id: number; slug: string }>();
      let fallback: { id: number; slug: string } | null = null;
      const knownSections = await readImportMap(db, source, 'category');
      if (mode === 'sections') {
        const list = s.categories.map((c) => {
          const decoded = decodeWpSlug(c.nicename).decoded;
          const name = decodeEntities(c.name) || decoded;
          return {
            oldId: c.nicename,
            slug:
              asciiSlug(decoded) || asciiSlug(name) || `section-${c.termId ?? s.categories.indexOf(c) + 1}`,
            name,
            parent: c.parent || null,
            digest: hash([name, c.parent]),
            redirects: oldUrlKeys(
              `/${bases.category}/${categoryPath(c)}/`,
              `/${bases.category}/${c.nicename}/`,
              c.termId ? `/?cat=${c.termId}` : null,
            ),
          };
        });
        const made = dry
          ? wouldImport(list, knownSections)
          : await importSections(db, source, list, knownSections, now);
        for (const [nicename, m] of made) {
          sectionsByNicename.set(nicename, m);
          r.count('categories', m.outcome);
        }
      } else r.note(`categories-as-${mode}`, undefined, s.categories.length);
      // The section of stories no category places: the one named, the site's first, or a new one.
      fallback = await firstSectionForImport(db, options.section);
      if (!fallback && options.section)
        throw new ImportOptionError(`no section with the slug "${options.section}"`);
      if (!fallback) {
        const general = {
          oldId: '(default)',
          slug: 'general',
          name: 'عام',
          parent: null,
          digest: '',
          redirects: [],
        };
        fallback = dry
          ? { id: 0, slug: general.slug }
          : (await importSections(db, source, [general], knownSections, now)).get(general.oldId)!;
      }

      // Tags (and categories, when they are to be tags).
      const knownTags = await readImportMap(db, source, 'tag');
      const tagList = [...s.tags.values()].map((t) => {
        const slug = decodeWpSlug(t.slug).decoded.toLowerCase();
        const name = decodeEntities(t.name) || slug;
        return {
          oldId: t.slug,
          slug,
          name,
          digest: hash([name]),
          redirects: oldUrlKeys(`/${bases.tag}/${t.slug}/`, `/?tag=${encodeURIComponent(slug)}`),
        };
      });
      if (mode === 'tags')
        for (const c of s.categories) {
          const slug = decodeWpSlug(c.nicename).decoded.toLowerCase();
          tagList.push({
            oldId: `category:${c.nicename}`,
            slug,
            name: decodeEntities(c.name) || slug,
            digest: hash([c.name]),
            redirects: oldUrlKeys(
              `/${bases.category}/${categoryPath(c)}/`,
              c.termId ? `/?cat=${c.termId}` : null,
            ),
          });
        }
      const madeTags = dry
        ? wouldImport(tagList, knownTags)
        : await importTags(db, source, tagList, knownTags, now);
      for (const t of madeTags.values()) r.count('tags', t.outcome);
      await r.tick(true);

      // Posts.
      const knownPosts = await readImportMap(db, source, 'post');
      const imported = new Map<number, { id: number; path: string; locale: string }>();
      const authorIds = new Map(people.map((p) => [p.oldId, authors.get(p.oldId)!.id]));
      let batch: {
        post: ImportedPost;
        known: { newId: number; digest: string } | undefined;
        item: WxrItem;
        locale: string;
        label: string;
      }[] = [];
      // A hand-edited file may give two items one post id: the second is a story of its own.
      const occurrences = new Map<number, number>();
      for await (const record of readWxr(file)) {
        if (record.type !== 'item') continue;
        r.report.read++;
        const item = record;
        if (item.postType !== 'post') {
          if (item.postType !== 'attachment')
            r.count(item.postType === 'page' ? 'pages' : `other:${item.postType}`, 'skipped');
          await r.tick();
          continue;
        }
        if (item.comments.length) r.count('comments', 'skipped', item.comments.length);
        const seen = item.postId === null ? 0 : (occurrences.get(item.postId) ?? 0);
        if (item.postId !== null) occurrences.set(item.postId, seen + 1);
        if (seen) r.note('duplicate-post-id', String(item.postId));
        const result = await importOne(item, seen ? `${item.postId}#${seen + 1}` : String(item.postId));
        if (result) r.count('posts', result);
        if (batch.length >= BATCH) await flush();
        await r.tick();
      }
      await flush();

      async function flush(): Promise<void> {
        if (!batch.length) return;
        const results = await importPosts(db, source, batch, now);
        for (const [i, done] of results.entries()) {
          const { post, item, locale, label } = batch[i]!;
          r.count('posts', done.outcome);
          if (done.id === null) {
            r.note('could-not-write', `${label}: ${done.error}`);
            continue;
          }
          if (done.outcome === 'skipped') r.note('edited-in-midad-since-import', label);
          if (!post.oldId.includes('#')) imported.set(item.postId!, { id: done.id, path: done.path, locale });
        }
        batch = [];
      }

      /** Converts one post: its outcome when it goes no further, or null once it is queued. */
      async function importOne(item: WxrItem, oldId: string): Promise<ImportOutcome | null> {
        const label = `${item.postId ?? '?'} ${item.title.slice(0, 60)}`;
        if (item.postId === null) {
          r.note('post-without-id', label);
          return 'skipped';
        }
        const dates = resolveItemDates(item, timeZone);
        const status = statusOf(item, dates.published, now);
        if (status === null) {
          r.note(`status-${item.status || 'none'}`, label);
          return 'skipped';
        }
        if (item.status === 'private') r.note('private-as-draft', label);
        if (item.postPassword) r.note('password-protected-as-draft', label);
        const meta = mapItemMeta(item.meta);
        const body = convertWpBody(item.content, { unknownShortcodes: options.unknownShortcodes });
        for (const [name, n] of body.unknownShortcodes) r.note(`shortcode:${name}`, label, n);
        for (const [name, n] of body.dynamicBlocks) r.note(`dynamic-block:${name}`, label, n);
        for (const [name, n] of body.removed) r.note(`removed:${name}`, label, n);
        if (item.meta.some((m) => m.key === '_elementor_data')) r.note('elementor-layout', label);

        const slug = decodeWpSlug(item.postName || '');
        if (!slug.complete) r.note('slug-cut-mid-letter', item.postName);
        const midadSlug =
          slug.decoded.replace(/%[0-9A-F]{2}/g, '').replace(/-+$/, '') ||
          asciiSlug(item.title) ||
          String(item.postId);

        const language = item.terms.find((t) => t.domain === 'language')?.nicename;
        const locale = language ? (language === 'en' ? 'en' : 'ar') : defaultLocale;
        if (language && language !== 'en' && language !== 'ar')
          r.note(`language-${language}-as-arabic-edition`, label);

        const cats = item.terms
          .filter((t) => t.domain === 'category' || t.domain === null)
          .map((t) => t.nicename);
        let section = fallback!;
        if (mode === 'sections') {
          const primary = meta.primaryCategory
            ? s.categories.find((c) => c.termId === meta.primaryCategory)?.nicename
            : undefined;
          const chosen = [primary, ...cats].find((n) => n && sectionsByNicename.has(n));
          if (chosen) section = sectionsByNicename.get(chosen)!;
        }
        const tagKeys = item.terms.filter((t) => t.domain === 'post_tag').map((t) => t.nicename);
        if (mode === 'tags') tagKeys.push(...cats.map((c) => `category:${c}`));
        const postTags = [...new Set(tagKeys)].flatMap((k) => {
          const t = madeTags.get(k);
          return t ? [{ id: t.id, slug: t.slug }] : [];
        });
        const authorId = authorIds.get(item.creator);
        if (authorId === undefined && item.creator) r.note('author-not-in-file', item.creator);
        const title = decodeEntities(item.title) || midadSlug;
        const dek = (plainText(item.excerpt) || meta.subtitle || '').slice(0, 1000);

        const thumbnail = Number(item.meta.find((m) => m.key === '_thumbnail_id')?.value);
        const images: ImportedPost['images'] = [];
        if (thumbnail) {
          const a = s.attachments.get(thumbnail);
          if (a) images.push({ url: absolute(a.url, siteUrl), role: 'hero', alt: a.alt, caption: a.caption });
          else r.note('featured-image-not-in-file', `${item.postId} → ${thumbnail}`);
        }
        for (const img of body.images)
          images.push({ url: absolute(img.url, siteUrl), role: 'body', alt: img.alt, caption: '' });
        if (images.length) r.note('images-for-the-media-job', undefined, images.length);

        const redirects = oldUrlKeys(
          item.link,
          ...(oldId.includes('#') ? [] : [`/?p=${item.postId}`, item.guid]),
        );
        const post: ImportedPost = {
          oldId,
          digest: hash([shape, item]),
          locale,
          title,
          slug: midadSlug,
          dek,
          body: body.html,
          wordCount: countWords(`${dek} ${body.text}`),
          status,
          // A draft's date is when it was started, not when it will be read.
          publishedAt: status === 'published' || status === 'scheduled' ? dates.published : null,
          updatedAt: dates.modified ?? dates.published ?? now,
          section,
          tags: postTags,
          authors: authorId === undefined ? [] : [{ id: authorId, slug: authorSlugs.get(authorId) ?? '' }],
          featured: item.isSticky,
          seoTitle: meta.seoTitle ? decodeEntities(meta.seoTitle) : null,
          seoDescription: meta.seoDescription,
          sourceOutlet: meta.source ?? '',
          views: meta.views,
          redirects,
          images,
        };
        if (dry) {
          const known = knownPosts.get(post.oldId);
          return known ? (known.digest.split(':')[0] === post.digest ? 'unchanged' : 'updated') : 'imported';
        }
        batch.push({ post, known: knownPosts.get(post.oldId), item, locale, label });
        return null;
      }

      // Attachments: their pages and files lead to the story they belong to.
      const attachmentRedirects: { from: string; to: string }[] = [];
      let orphans = 0;
      for (const [id, a] of s.attachments) {
        const story = a.parent ? imported.get(a.parent) : undefined;
        if (!story) {
          orphans++;
          continue;
        }
        for (const key of oldUrlKeys(a.url, a.link, `/?attachment_id=${id}`))
          attachmentRedirects.push({ from: key, to: story.path });
      }
      if (s.attachments.size > orphans) r.count('attachments', 'imported', s.attachments.size - orphans);
      if (orphans) {
        r.count('attachments', 'skipped', orphans);
        r.note('attachments-without-a-post', undefined, orphans);
      }
      if (!dry) await importRedirects(db, source, attachmentRedirects);

      // Polylang's pairs.
      const pairs: [number, number][] = [];
      for (const group of s.translationGroups.values()) {
        const stories = [...group.values()].map((id) => imported.get(id)).filter((x) => x !== undefined);
        const ar = stories.find((x) => x.locale === 'ar');
        const en = stories.find((x) => x.locale === 'en');
        if (ar && en) pairs.push([ar.id, en.id]);
      }
      const linked = dry ? pairs.length : await linkImportedTranslations(db, pairs);
      if (linked) r.count('translations', 'imported', linked);

      r.report.seconds = Math.round((Date.now() - started) / 100) / 10;
      r.report.peakMb = Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
      if (runId !== null) await finishImportRun(db, runId, { state: 'done', report: r.report });
      await r.tick(true);
      return { runId, source, report: r.report };
    } catch (error) {
      if (runId !== null)
        await finishImportRun(db, runId, {
          state: 'failed',
          report: r.report,
          error: error instanceof Error ? error.message : String(error),
        });
      throw error;
    }
  } finally {
    clearInterval(sampler);
  }
}

/** For a dry run: the row each item has already (0: none yet) and what a write would do to it. */
function wouldImport(
  list: { oldId: string; slug: string; digest: string }[],
  known: ImportMap,
): Map<string, { id: number; slug: string; outcome: ImportOutcome }> {
  return new Map(
    list.map((item) => {
      const k = known.get(item.oldId);
      const outcome = !k ? 'imported' : k.digest === item.digest ? 'unchanged' : 'updated';
      return [item.oldId, { id: k?.newId ?? 0, slug: item.slug, outcome }];
    }),
  );
}
