/**
 * What the export generator takes and what it promises: the options, and the expectations a
 * test checks an import against (the counts a WordPress admin shows, and each post as the
 * old site had it).
 */
import { zoneOffsetMs } from '@/lib/time/site-zone';

export interface GenerateOptions {
  /** Items of post_type "post" in the file, both editions counted. */
  posts: number;
  seed?: number | string;
  /** The old site's address, no trailing slash. */
  siteUrl?: string;
  /** When the export was made (ISO); stories end before it, scheduled ones come after. */
  exportedAt?: string;
  /** The old site's zone: local times are written in it (+2 and +3 around DST for Beirut). */
  timeZone?: string;
}

export const GENERATE_DEFAULTS = {
  seed: 1,
  siteUrl: 'https://old.example',
  exportedAt: '2026-11-30T09:00:00Z',
  timeZone: 'Asia/Beirut',
} as const;

/** An image file the export names, for writing under an uploads folder. */
export interface UploadFile {
  attachmentId: number;
  /** Relative to the uploads folder: "2025/05/beirut-street-1234.jpg". */
  file: string;
  width: number;
  height: number;
  mime: 'image/jpeg' | 'image/png';
  /** WordPress's resized copies, in the same folder. */
  sizes: { name: string; file: string; width: number; height: number }[];
}

export interface FeaturedImageExpectation {
  /** The `_thumbnail_id`. */
  id: number;
  /** Whether the attachment item is in the file. */
  inExport: boolean;
  /** Whether its files are written when an uploads folder is given. */
  onDisk: boolean;
  file: string | null;
  url: string | null;
  alt: string | null;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

export interface PostExpectation {
  id: number;
  type: 'post' | 'page';
  status: string;
  language: 'ar' | 'en';
  title: string;
  /** The slug decoded (NFC); bytes of a letter cut by the 200-byte cap stay as uppercase %XX. */
  slug: string;
  /** `<wp:post_name>` as written. */
  slugRaw: string;
  /** False for the slugs cut inside a letter, which decodeURIComponent refuses. */
  slugComplete: boolean;
  /** `<link>` as written (uppercase hex on some items, `?p=` for drafts and scheduled posts). */
  link: string;
  author: string;
  postDate: string;
  postDateGmt: string;
  modifiedGmt: string;
  sticky: boolean;
  passwordProtected: boolean;
  excerpt: string;
  featuredImage: FeaturedImageExpectation | null;
  /** The largest of the view counters the post carries, or null. */
  views: number | null;
  /** The Polylang partner's id (English for Arabic, Arabic for English), or null. */
  translation: number | null;
  /** Names of the post's main category and its ancestors, top first. */
  categoryPath: string[];
  /** The same categories' decoded slugs. */
  categorySlugs: string[];
  tags: string[];
  /** As the meta presets read it: the old term id (59 is a deleted category), or null. */
  primaryCategory: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
  subtitle: string | null;
  source: string | null;
  comments: number;
  /** The earlier post with the same title and date (WordPress's importer skips this one). */
  duplicateOf: number | null;
  body: 'blocks' | 'classic' | 'elementor';
  /** What the body holds that an importer must handle. */
  features: string[];
}

/** The counts a WordPress admin would show for the old site (all languages). */
export interface AdminCounts {
  posts: {
    all: number;
    publish: number;
    draft: number;
    pending: number;
    future: number;
    private: number;
    trash: number;
  };
  postsByLanguage: { ar: number; en: number };
  pages: { all: number; publish: number; draft: number };
  attachments: number;
  categories: number;
  tags: number;
  authors: number;
  comments: { all: number; approved: number; pending: number; spam: number; trash: number };
  menuItems: number;
  sticky: number;
}

/** What summariseExport() should report for the file (the same field names). */
export interface SummaryExpectation {
  items: number;
  byType: Record<string, Record<string, number>>;
  authors: number;
  categories: number;
  tags: number;
  terms: Record<string, number>;
  attachments: number;
  comments: number;
  missingThumbnails: { count: number };
  dangling: { undeclaredItemTerms: Record<string, number>; parents: string[]; primaryCategories: number[] };
  unknownShortcodes: Record<string, number>;
  captions: number;
  blockComments: number;
  dynamicBlocks: Record<string, number>;
  elementorItems: number;
  metaKeys: Record<string, number>;
  dates: { withoutGmt: number; undated: number; offsets: Record<string, number> };
  slugs: { percentEncoded: number; incomplete: number };
  timeSpan: { first: string | null; last: string | null };
}

export interface GeneratorInfo {
  seed: number | string;
  posts: number;
  siteUrl: string;
  exportedAt: string;
  /** The zone to read drafts' local-only dates in. */
  timeZone: string;
}

export interface ExportTotals {
  generator: GeneratorInfo;
  admin: AdminCounts;
  summary: SummaryExpectation;
}

export interface ExportExpectations extends ExportTotals {
  posts: PostExpectation[];
}

export interface GenerateHooks {
  /** Each post and page, in file order. */
  onPost?: (post: PostExpectation) => void;
  /** Each attachment whose files should exist under an uploads folder. */
  onUpload?: (file: UploadFile) => void;
}

export function describeGenerator(options: GenerateOptions): GeneratorInfo {
  if (!Number.isInteger(options.posts) || options.posts < 1)
    throw new RangeError('posts must be a positive whole number');
  const siteUrl = (options.siteUrl ?? GENERATE_DEFAULTS.siteUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(siteUrl))
    throw new RangeError(`not a site address: ${siteUrl}`);
  const exportedAt = new Date(options.exportedAt ?? GENERATE_DEFAULTS.exportedAt);
  if (Number.isNaN(exportedAt.getTime())) throw new RangeError('exportedAt is not a date');
  const timeZone = options.timeZone ?? GENERATE_DEFAULTS.timeZone;
  zoneOffsetMs(exportedAt.getTime(), timeZone);
  return {
    seed: options.seed ?? GENERATE_DEFAULTS.seed,
    posts: options.posts,
    siteUrl,
    exportedAt: exportedAt.toISOString(),
    timeZone,
  };
}
