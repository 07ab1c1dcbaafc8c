import type { MediaView } from '@/db/queries/views';
import { mediaFallbackSrc, mediaSrcSet } from './urls';

/** How wide an image inside a story's body is drawn: the article column. */
export const INLINE_IMAGE_SIZES = '(min-width: 1024px) 760px, 100vw';

/** The size of one stored variant, `width` pixels wide, of an image. */
export function variantHeight(m: Pick<MediaView, 'width' | 'height'>, width: number): number {
  return m.width > 0 ? Math.round((m.height * width) / m.width) : width;
}

/** What an inline figure's <img> carries: a variant, its size and the whole srcset. */
export function inlineImageAttrs(m: Pick<MediaView, 'stem' | 'width' | 'height' | 'variantWidths'>) {
  const src = mediaFallbackSrc(m);
  const width = Number(/-(\d+)\.webp$/.exec(src)?.[1] ?? m.width);
  return { src, width, height: variantHeight(m, width), srcset: mediaSrcSet(m), sizes: INLINE_IMAGE_SIZES };
}

const IMG_TAG = /<img\b[^>]*>/g;
const MEDIA_SRC = /\ssrc="\/media\/([a-z0-9][a-z0-9-]{0,80})-(\d{2,4})\.webp"/;

/** The stems of the library images a body shows. */
export function inlineImageStems(html: string): string[] {
  const stems = new Set<string>();
  for (const tag of html.match(IMG_TAG) ?? []) {
    const m = MEDIA_SRC.exec(tag);
    if (m) stems.add(m[1]!);
  }
  return [...stems];
}

/**
 * Gives every library image in a (sanitised) body its width, height, srcset and sizes from the
 * media rows, where the stored HTML has none (stories written before figures carried them), so
 * the page keeps its layout while they load. Runs after sanitising: what it adds comes from the
 * database, never from the body.
 */
export function addInlineImageSizes(html: string, images: MediaView[]): string {
  const byStem = new Map(images.map((m) => [m.stem, m]));
  return html.replace(IMG_TAG, (tag) => {
    const found = MEDIA_SRC.exec(tag);
    const m = found ? byStem.get(found[1]!) : undefined;
    if (!found || !m) return tag;
    const width = Number(found[2]);
    const extra: string[] = [];
    if (!/\swidth="/.test(tag)) extra.push(`width="${width}" height="${variantHeight(m, width)}"`);
    if (!/\ssrcset="/.test(tag) && m.variantWidths.length > 1) extra.push(`srcset="${mediaSrcSet(m)}"`);
    if (!/\ssizes="/.test(tag)) extra.push(`sizes="${INLINE_IMAGE_SIZES}"`);
    if (extra.length === 0) return tag;
    return tag.replace(/^<img\b/, `<img ${extra.join(' ')}`);
  });
}
