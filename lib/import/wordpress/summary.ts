/**
 * What an export holds, in one streaming pass and without writing anything: the numbers an
 * operator checks before importing (and against the old site's dashboard), and the problems the
 * import will report. Holds ids and names, never items.
 */
import { stripBlockComments } from './blocks';
import { parseWpGmt, resolveItemDates } from './dates';
import { mapItemMeta } from './meta-presets';
import { convertShortcodes } from './shortcodes';
import { decodeWpSlug } from './slugs';
import type { WxrSite } from './types';
import { readWxr } from './wxr-reader';

export interface ExportSummary {
  site: WxrSite | null;
  items: number;
  /** Post ids that more than one item carries (hand-edited files); the import is keyed on them. */
  duplicatePostIds: number[];
  /** post_type → status → count. */
  byType: Record<string, Record<string, number>>;
  authors: number;
  categories: number;
  tags: number;
  /** Channel terms of other taxonomies, by taxonomy. */
  terms: Record<string, number>;
  attachments: number;
  comments: number;
  /** `_thumbnail_id`s naming an attachment that is not in the file. */
  missingThumbnails: { count: number; examples: { postId: number; thumbnailId: number }[] };
  dangling: {
    /** Item terms the channel does not declare, by taxonomy; importable from the item itself. */
    undeclaredItemTerms: Record<string, number>;
    /** Categories and terms whose parent is not in the file. */
    parents: string[];
    /** Primary-category term ids that no term in the file has. */
    primaryCategories: number[];
  };
  unknownShortcodes: Record<string, number>;
  captions: number;
  blockComments: number;
  /** Self-closing blocks, which saved no HTML. */
  dynamicBlocks: Record<string, number>;
  /** Items carrying Elementor's layout data. */
  elementorItems: number;
  metaKeys: Record<string, number>;
  dates: {
    /** Items with a zero or missing GMT date (read in the chosen time zone instead). */
    withoutGmt: number;
    /** Items with no usable date at all. */
    undated: number;
    /** Local minus GMT, in minutes → items. */
    offsets: Record<string, number>;
  };
  slugs: { percentEncoded: number; incomplete: number };
  /** First and last publish time of published posts (ISO), or null. */
  timeSpan: { first: string | null; last: string | null };
}

const inc = (o: Record<string, number>, k: string, by = 1) => {
  o[k] = (o[k] ?? 0) + by;
};
const sorted = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));

const EXAMPLES = 10;

/** Reads the whole file once; `timeZone` reads local-only dates (default UTC). */
export async function summariseExport(
  path: string,
  options: { timeZone?: string } = {},
): Promise<ExportSummary> {
  const timeZone = options.timeZone ?? 'UTC';
  const s: ExportSummary = {
    site: null,
    items: 0,
    duplicatePostIds: [],
    byType: {},
    authors: 0,
    categories: 0,
    tags: 0,
    terms: {},
    attachments: 0,
    comments: 0,
    missingThumbnails: { count: 0, examples: [] },
    dangling: { undeclaredItemTerms: {}, parents: [], primaryCategories: [] },
    unknownShortcodes: {},
    captions: 0,
    blockComments: 0,
    dynamicBlocks: {},
    elementorItems: 0,
    metaKeys: {},
    dates: { withoutGmt: 0, undated: 0, offsets: {} },
    slugs: { percentEncoded: 0, incomplete: 0 },
    timeSpan: { first: null, last: null },
  };
  const declared = new Set<string>();
  const termIds = new Set<number>();
  const parents: { taxonomy: string; slug: string; parent: string }[] = [];
  const itemTerms = new Set<string>();
  const attachmentIds = new Set<number>();
  const postIds = new Set<number>();
  const duplicates = new Set<number>();
  const thumbnails: { postId: number; thumbnailId: number }[] = [];
  const primaries = new Set<number>();
  let first = Infinity;
  let last = -Infinity;

  for await (const r of readWxr(path)) {
    switch (r.type) {
      case 'site':
        s.site = r;
        break;
      case 'author':
        s.authors++;
        break;
      case 'category':
        s.categories++;
        declared.add(`category:${r.nicename}`);
        if (r.termId !== null) termIds.add(r.termId);
        if (r.parent) parents.push({ taxonomy: 'category', slug: r.nicename, parent: r.parent });
        break;
      case 'tag':
        s.tags++;
        declared.add(`post_tag:${r.slug}`);
        if (r.termId !== null) termIds.add(r.termId);
        break;
      case 'term':
        inc(s.terms, r.taxonomy);
        declared.add(`${r.taxonomy}:${r.slug}`);
        if (r.termId !== null) termIds.add(r.termId);
        if (r.parent) parents.push({ taxonomy: r.taxonomy, slug: r.slug, parent: r.parent });
        break;
      case 'item': {
        s.items++;
        if (r.postId !== null) {
          if (postIds.has(r.postId)) duplicates.add(r.postId);
          postIds.add(r.postId);
        }
        s.byType[r.postType] ??= {};
        inc(s.byType[r.postType]!, r.status);
        s.comments += r.comments.length;
        if (r.postType === 'attachment') {
          s.attachments++;
          if (r.postId !== null) attachmentIds.add(r.postId);
        }
        for (const t of r.terms) {
          // WXR 1.0 repeats each category without a domain; 1.0 also says "tag" for post_tag.
          if (t.domain === null) continue;
          itemTerms.add(`${t.domain === 'tag' ? 'post_tag' : t.domain}:${t.nicename}`);
        }
        for (const m of r.meta) inc(s.metaKeys, m.key);
        const thumb = r.meta.find((m) => m.key === '_thumbnail_id')?.value.trim();
        if (thumb && /^\d+$/.test(thumb) && r.postId !== null)
          thumbnails.push({ postId: r.postId, thumbnailId: Number(thumb) });
        if (r.meta.some((m) => m.key === '_elementor_data')) s.elementorItems++;
        const primary = mapItemMeta(r.meta).primaryCategory;
        if (primary !== null) primaries.add(primary);

        const blocks = stripBlockComments(r.content);
        s.blockComments += blocks.comments;
        for (const [name, n] of blocks.dynamic) inc(s.dynamicBlocks, name, n);
        const shortcodes = convertShortcodes(blocks.html);
        s.captions += shortcodes.captions;
        for (const [name, n] of shortcodes.unknown) inc(s.unknownShortcodes, name, n);

        const dates = resolveItemDates(r, timeZone);
        if (!parseWpGmt(r.postDateGmt)) s.dates.withoutGmt++;
        if (!dates.published) s.dates.undated++;
        if (dates.offsetMinutes !== null) inc(s.dates.offsets, String(dates.offsetMinutes));
        if (r.postType === 'post' && r.status === 'publish' && dates.published) {
          first = Math.min(first, dates.published.getTime());
          last = Math.max(last, dates.published.getTime());
        }
        if (r.postName.includes('%')) s.slugs.percentEncoded++;
        if (!decodeWpSlug(r.postName).complete) s.slugs.incomplete++;
        break;
      }
    }
  }

  for (const t of thumbnails) {
    if (attachmentIds.has(t.thumbnailId)) continue;
    s.missingThumbnails.count++;
    if (s.missingThumbnails.examples.length < EXAMPLES) s.missingThumbnails.examples.push(t);
  }
  for (const k of itemTerms)
    if (!declared.has(k)) inc(s.dangling.undeclaredItemTerms, k.slice(0, k.indexOf(':')));
  s.dangling.undeclaredItemTerms = sorted(s.dangling.undeclaredItemTerms);
  s.dangling.parents = parents
    .filter((p) => !declared.has(`${p.taxonomy}:${p.parent}`))
    .map((p) => `${p.taxonomy}:${p.slug} → ${p.parent}`);
  s.dangling.primaryCategories = [...primaries].filter((id) => !termIds.has(id)).sort((a, b) => a - b);
  s.duplicatePostIds = [...duplicates].sort((a, b) => a - b);
  s.metaKeys = sorted(s.metaKeys);
  s.unknownShortcodes = sorted(s.unknownShortcodes);
  s.dynamicBlocks = sorted(s.dynamicBlocks);
  if (first <= last)
    s.timeSpan = { first: new Date(first).toISOString(), last: new Date(last).toISOString() };
  return s;
}
