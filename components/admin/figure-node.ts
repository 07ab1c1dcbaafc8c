import { Node } from '@tiptap/core';
import type { MediaView } from '@/db/queries/views';
import { inlineImageAttrs } from '@/lib/media/inline-sizes';

/** The figure's attributes for a library image: its variant, size, srcset, alt text and caption line. */
export function figureAttrs(m: MediaView) {
  const caption = [m.caption, m.credit].filter(Boolean).join(' – ');
  return { ...inlineImageAttrs(m), alt: m.alt, caption };
}

const num = (v: string | null | undefined) => (v && /^\d{1,5}$/.test(v) ? Number(v) : null);

/**
 * An image from the media library inside the story, with its caption and credit:
 * <figure><img src="/media/…" width height srcset sizes alt="…"><figcaption>…</figcaption></figure>.
 * Width and height let the reader's browser keep the image's room before it arrives.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      caption: { default: '' },
      width: { default: null },
      height: { default: null },
      srcset: { default: null },
      sizes: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (el) => {
          const img = (el as HTMLElement).querySelector('img');
          return {
            src: img?.getAttribute('src') ?? '',
            alt: img?.getAttribute('alt') ?? '',
            caption: (el as HTMLElement).querySelector('figcaption')?.textContent ?? '',
            width: num(img?.getAttribute('width')),
            height: num(img?.getAttribute('height')),
            srcset: img?.getAttribute('srcset') || null,
            sizes: img?.getAttribute('sizes') || null,
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, width, height, srcset, sizes } = node.attrs;
    const attrs: Record<string, string> = { src, alt, loading: 'lazy', decoding: 'async' };
    if (width && height) Object.assign(attrs, { width: String(width), height: String(height) });
    if (srcset) attrs.srcset = srcset;
    if (sizes) attrs.sizes = sizes;
    const img = ['img', attrs];
    return node.attrs.caption ? ['figure', img, ['figcaption', node.attrs.caption]] : ['figure', img];
  },
});
