import type { MediaView } from '@/db/queries/views';
import { MEDIA_WIDTHS } from './urls';

/**
 * Every card (home blocks, listings, related stories) shows its picture at one ratio, 16:9,
 * whatever shape was uploaded: the largest 16:9 box of the image, centred on its focal point and
 * pushed back inside the picture where the point is near an edge. Pure maths, shared by the
 * renderer (URLs, width and height) and the writer of the files (lib/media/card-variants.ts).
 */
export const CARD_RATIO = { width: 16, height: 9 } as const;

export interface FocalPoint {
  /** 0 = the image's left edge, 1 = its right edge (physical, whatever the page's direction). */
  x: number;
  /** 0 = top, 1 = bottom. */
  y: number;
}

export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

type Sized = Pick<MediaView, 'width' | 'height' | 'variantWidths'>;
type WithFocal = Pick<MediaView, 'stem' | 'focalX' | 'focalY'> & Sized;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export function focalOf(m: Pick<MediaView, 'focalX' | 'focalY'>): FocalPoint {
  if (m.focalX == null || m.focalY == null) return CENTRE;
  return { x: clamp(m.focalX, 0, 1), y: clamp(m.focalY, 0, 1) };
}

/** The 16:9 box, in the source's pixels, centred on the focal point and kept inside the source. */
export function cardCropBox(source: { width: number; height: number }, focal: FocalPoint) {
  const width = Math.max(
    1,
    Math.min(source.width, Math.floor((source.height * CARD_RATIO.width) / CARD_RATIO.height)),
  );
  const height = Math.max(
    1,
    Math.min(source.height, Math.round((width * CARD_RATIO.height) / CARD_RATIO.width)),
  );
  const left = clamp(Math.round(focal.x * source.width - width / 2), 0, source.width - width);
  const top = clamp(Math.round(focal.y * source.height - height / 2), 0, source.height - height);
  return { left, top, width, height };
}

/** The height of a 16:9 card variant `width` pixels wide. */
export function cardHeight(width: number): number {
  return Math.round((width * CARD_RATIO.height) / CARD_RATIO.width);
}

/**
 * The widths of the card variants: the stored widths that fit inside the 16:9 box of the largest
 * stored variant (the original is not kept), or that box's own width for a small image.
 */
export function cardWidths(m: Sized): number[] {
  const largest = Math.max(0, ...m.variantWidths);
  if (largest === 0 || m.width === 0) return [];
  const largestHeight = Math.round((m.height * largest) / m.width);
  const box = cardCropBox({ width: largest, height: largestHeight }, CENTRE).width;
  const widths: number[] = MEDIA_WIDTHS.filter((w) => w <= box);
  return widths.length ? widths : [box];
}

/** `f708-250`: the focal point in thousandths. It is part of the file names, so a moved point is a new URL. */
export function focalToken(focal: FocalPoint): string {
  return `f${Math.round(focal.x * 1000)}-${Math.round(focal.y * 1000)}`;
}

/** `{stem}-f{x}-{y}-{width}.webp`. */
export const CARD_FILE_PATTERN = /^([a-z0-9][a-z0-9-]{0,80}?)-f(\d{1,4})-(\d{1,4})-(\d{2,4})\.webp$/;

export function cardUrl(m: Pick<MediaView, 'stem' | 'focalX' | 'focalY'>, width: number): string {
  return `/media/${m.stem}-${focalToken(focalOf(m))}-${width}.webp`;
}

export function cardSrcSet(m: WithFocal): string {
  return cardWidths(m)
    .map((w) => `${cardUrl(m, w)} ${w}w`)
    .join(', ');
}

/** The card variant to use as `src` (smallest at least `target` wide, else the largest) and its size. */
export function cardFallback(m: WithFocal, target = 960) {
  const widths = cardWidths(m);
  const width = widths.find((w) => w >= target) ?? widths.at(-1) ?? target;
  return { src: cardUrl(m, width), width, height: cardHeight(width) };
}
