import { desc, eq, or, sql } from 'drizzle-orm';
import { normaliseForSearch } from '@/lib/search/normalise';
import type { Db } from '../client';
import { asciiLower } from '../engine';
import { articles, media } from '../schema';
import { likeLiteral } from './text-filter';
import type { MediaView } from './views';

export interface MediaLibraryItem extends MediaView {
  id: number;
  uploadedBy: number | null;
}

const libraryColumns = {
  id: media.id,
  stem: media.stem,
  width: media.width,
  height: media.height,
  variantWidths: media.variantWidths,
  alt: media.alt,
  caption: media.caption,
  credit: media.credit,
  focalX: media.focalX,
  focalY: media.focalY,
  uploadedBy: media.uploadedBy,
};

/**
 * The library, newest first, optionally only the images whose alt text, caption or credit hold
 * every word of `q`, compared as search compares them (hamza, ta marbuta and harakat folded).
 * The folding runs here rather than in SQL: a newsroom's library is thousands of short rows.
 */
export async function searchMediaLibrary(
  db: Db,
  { q = '', limit = 48 }: { q?: string; limit?: number } = {},
): Promise<MediaLibraryItem[]> {
  const words = normaliseForSearch(q).split(/\s+/).filter(Boolean);
  const rows = db.select(libraryColumns).from(media).orderBy(desc(media.id));
  if (words.length === 0) return (await rows.limit(limit)) satisfies MediaLibraryItem[];
  const found: MediaLibraryItem[] = [];
  for (const row of await rows) {
    const text = normaliseForSearch(`${row.alt} ${row.caption} ${row.credit}`);
    if (words.every((w) => text.includes(w))) found.push(row);
    if (found.length >= limit) break;
  }
  return found;
}

export async function getMediaById(db: Db, id: number): Promise<MediaLibraryItem | null> {
  const [row] = await db.select(libraryColumns).from(media).where(eq(media.id, id)).limit(1);
  return row ?? null;
}

export async function getMediaByStem(db: Db, stem: string): Promise<MediaLibraryItem | null> {
  const [row] = await db.select(libraryColumns).from(media).where(eq(media.stem, stem)).limit(1);
  return row ?? null;
}

/** The images of `stems`, for sizing inline images of bodies stored before they carried sizes. */
export async function listMediaByStems(db: Db, stems: string[]): Promise<MediaLibraryItem[]> {
  if (stems.length === 0) return [];
  return await db
    .select(libraryColumns)
    .from(media)
    .where(or(...stems.map((s) => eq(media.stem, s))));
}

/**
 * The stories that show an image: as their lead image, or inside their body (a body refers to
 * an image by the stem in its /media/{stem}-{width}.webp URL). Trashed stories count too: they
 * can be restored.
 */
export async function listMediaUsage(db: Db, m: { id: number; stem: string }) {
  // Folded on both sides, A–Z only: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
  const inBody = sql`${asciiLower(articles.body)} LIKE ${`%/media/${likeLiteral(m.stem.toLowerCase())}-%`} ESCAPE '\\'`;
  return (
    await db
      .select({
        id: articles.id,
        title: articles.title,
        status: articles.status,
        asHero: eq(articles.heroMediaId, m.id),
      })
      .from(articles)
      .where(or(eq(articles.heroMediaId, m.id), inBody))
      .orderBy(desc(articles.id))
  ).map((a) => ({ ...a, asHero: Boolean(a.asHero) }));
}
