/**
 * A WordPress post body as Midad keeps it: block comments gone (blocks.ts), `[caption]` as a
 * figure and other shortcodes reported (shortcodes.ts), the line breaks the classic editor left
 * for wpautop made into paragraphs, video iframes as the links Midad embeds, images from the old
 * site noted for the media job, and the result through the editor's own allowlist.
 */
import { htmlToText, sanitizeArticleHtml } from '@/lib/html/sanitize';
import { stripBlockComments } from './blocks';
import { convertShortcodes, type UnknownShortcodes } from './shortcodes';

export interface ImageReference {
  url: string;
  alt: string;
}

export interface ConvertedBody {
  /** Sanitised HTML, ready for articles.body. */
  html: string;
  /** Its plain text (for the word count with the summary, as the editor counts). */
  text: string;
  /** Images of the old site found in the body, in order (each one once). */
  images: ImageReference[];
  /** Shortcodes not converted, by name. */
  unknownShortcodes: Map<string, number>;
  /** Dynamic blocks (`<!-- wp:latest-posts /-->`) that saved no HTML, by name. */
  dynamicBlocks: Map<string, number>;
  /** Elements the allowlist removed (scripts, iframes that are not video, forms…), by tag name. */
  removed: Map<string, number>;
}

const BLOCK_TAGS =
  /<\/?(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|hr|section|article|aside|header|footer|iframe|form|dl|dt|dd)\b/i;

/**
 * WordPress's wpautop, in the part that matters for imported text: where the body holds no block
 * elements of its own, blank lines separate paragraphs and single line breaks become <br>. Bodies
 * written in the block editor already have their paragraphs and are left as they are.
 */
export function paragraphs(html: string): string {
  const text = html.replace(/\r\n?/g, '\n').trim();
  if (!text) return '';
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_TAGS.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

function attribute(tag: string, name: string): string {
  const m = ATTR(name).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The watch URL of a YouTube embed iframe, or null. */
function videoLink(src: string): string | null {
  const m =
    /^(?:https?:)?\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com\/embed\/|youtu\.be\/)([\w-]{6,20})/i.exec(src);
  return m ? `https://www.youtube.com/watch?v=${m[1]}` : null;
}

function countTags(html: string, into: Map<string, number>, names: RegExp): void {
  for (const m of html.matchAll(names)) {
    const name = m[1]!.toLowerCase();
    into.set(name, (into.get(name) ?? 0) + 1);
  }
}

const DROPPED = /<(script|style|iframe|form|input|button|object|embed|svg|noscript|table|video|audio)\b/gi;

/**
 * Converts one post body. Images that are not Midad's own media become links to where they were
 * (the allowlist keeps images from /media/ only), so nothing is lost before the media job swaps
 * them for imported images.
 */
export function convertWpBody(
  raw: string,
  options: { unknownShortcodes?: UnknownShortcodes } = {},
): ConvertedBody {
  const blocks = stripBlockComments(raw);
  const shortcodes = convertShortcodes(blocks.html, { unknown: options.unknownShortcodes ?? 'strip' });
  let html = paragraphs(shortcodes.html);
  const images: ImageReference[] = [];
  const seen = new Set<string>();
  html = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = attribute(tag, 'src').trim();
    if (!src || src.startsWith('/media/')) return tag;
    const alt = attribute(tag, 'alt').trim();
    if (!seen.has(src)) {
      seen.add(src);
      images.push({ url: src, alt });
    }
    return `<a href="${escapeAttr(src)}">${escapeAttr(alt || 'صورة')}</a>`;
  });
  html = html.replace(/<iframe\b[^>]*>(?:[\s\S]*?<\/iframe>)?/gi, (tag) => {
    const link = videoLink(attribute(tag, 'src'));
    return link ? `<a href="${link}">${link}</a>` : tag;
  });
  const removed = new Map<string, number>();
  countTags(html, removed, DROPPED);
  const clean = sanitizeArticleHtml(html);
  return {
    html: clean,
    text: htmlToText(clean),
    images,
    unknownShortcodes: shortcodes.unknown,
    dynamicBlocks: blocks.dynamic,
    removed,
  };
}
