/** Tags whose edges separate words: "<p>a</p><p>b</p>" is two words, not "ab". Inline tags join. */
const BLOCK_TAG =
  /<\/?(?:p|h[1-6]|blockquote|footer|ul|ol|li|figure|figcaption|br|img|div|table|tr|td|th)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Runs of white space and lone white space other than " ": replacing only these leaves most text untouched. */
const SPACING = /\s{2,}|[^\S ]/g;

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name.toLowerCase()]!;
  const code = dec ? Number(dec) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/**
 * The reader-visible text of a stored (already sanitised) article body, for the search index and
 * its snippets. Plain regex passes rather than an HTML parser: this runs over every article on a
 * reindex, and the sanitiser has already reduced bodies to a few simple tags.
 */
export function htmlToPlainText(html: string): string {
  let text = html.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  return text.replace(SPACING, ' ').trim();
}
