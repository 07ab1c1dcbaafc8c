import { Node } from '@tiptap/core';

/**
 * An image from the media library inside the story, with its caption and credit:
 * <figure><img src="/media/…" alt="…"><figcaption>…</figcaption></figure>.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: '' }, alt: { default: '' }, caption: { default: '' } };
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
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const img = ['img', { src: node.attrs.src, alt: node.attrs.alt, loading: 'lazy' }];
    return node.attrs.caption ? ['figure', img, ['figcaption', node.attrs.caption]] : ['figure', img];
  },
});
