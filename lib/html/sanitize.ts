import sanitizeHtml from 'sanitize-html';

/**
 * The only HTML an article body may hold. Everything else (scripts, styles, event handlers,
 * iframes, forms, SVG, javascript: and data: URLs) is dropped, on save and again when rendered.
 */
const SRCSET = /^\/media\/[a-z0-9-]+-\d+\.webp \d{2,4}w(, \/media\/[a-z0-9-]+-\d+\.webp \d{2,4}w)*$/;
const SIZES = /^[a-z0-9 ():,.-]{1,200}$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'blockquote',
    'footer',
    'cite',
    'ul',
    'ol',
    'li',
    'a',
    'br',
    'figure',
    'figcaption',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target', 'data-embed'],
    img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
    p: ['dir'],
    blockquote: ['dir'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: [] },
  // Images only from our own media store (relative /media/… URLs).
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !/^\/media\/[a-z0-9-]+-\d+\.webp$/.test(frame.attribs.src ?? ''),
  transformTags: {
    // srcset and sizes only in the shapes the editor writes: our own variants, plain media conditions.
    img: (tagName, attribs) => {
      const { srcset, sizes, width, height, ...rest } = attribs;
      const kept: Record<string, string> = { ...rest };
      if (srcset && SRCSET.test(srcset)) kept.srcset = srcset;
      if (sizes && SIZES.test(sizes)) kept.sizes = sizes;
      if (width && height && /^\d{1,5}$/.test(width) && /^\d{1,5}$/.test(height))
        Object.assign(kept, { width, height });
      return { tagName, attribs: kept };
    },
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        rel: 'noopener noreferrer nofollow',
        ...(attribs.target ? { target: '_blank' } : {}),
      },
    }),
  },
  disallowedTagsMode: 'discard',
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Plain text of an article body, for word counts and search. */
export function htmlToText(html: string): string {
  // Block ends become spaces, so "<p>a</p><p>b</p>" is two words, not one.
  const spaced = html.replace(/<\/(?:p|h2|h3|li|blockquote|figcaption|footer)>|<br\s*\/?>/gi, ' $&');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
}
