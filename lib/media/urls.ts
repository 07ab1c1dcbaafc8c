import type { MediaView } from '@/db/queries/views';

export const MEDIA_WIDTHS = [480, 960, 1440] as const;

/** Public URL of one stored variant. Stems are ASCII, so no encoding is needed. */
export function mediaUrl(stem: string, width: number): string {
  return `/media/${stem}-${width}.webp`;
}

export function mediaSrcSet(m: Pick<MediaView, 'stem' | 'variantWidths'>): string {
  return m.variantWidths.map((w) => `${mediaUrl(m.stem, w)} ${w}w`).join(', ');
}

/** The variant to use as `src`: the smallest at least `target` wide, else the largest. */
export function mediaFallbackSrc(m: Pick<MediaView, 'stem' | 'variantWidths'>, target = 960): string {
  const width = m.variantWidths.find((w) => w >= target) ?? m.variantWidths.at(-1) ?? target;
  return mediaUrl(m.stem, width);
}

/** A stored variant's file name: `{stem}-{width}.webp`, stem of [a-z0-9-]. */
export const MEDIA_FILE_PATTERN = /^([a-z0-9][a-z0-9-]{0,80})-(\d{2,4})\.webp$/;
