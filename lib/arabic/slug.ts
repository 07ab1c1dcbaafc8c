import { stripArabicMarks } from './normalise';

/**
 * Longest slug, in characters. An Arabic letter is six bytes once percent-encoded, and caches
 * name files after URLs: 40 letters stay well under the 255-byte file-name limit.
 */
export const SLUG_MAX_LENGTH = 40;

/** Makes a URL slug from a headline: words of any script, joined by hyphens, cut at a word. */
export function slugify(title: string, maxLength = SLUG_MAX_LENGTH): string {
  const words = stripArabicMarks(title)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than the cap is cut at a letter: still a valid, stable slug.
  return slug || (words[0] ?? '').slice(0, maxLength);
}

/** Decodes a route segment the way it arrives from Next (percent-encoded), or null when malformed. */
export function decodeSlugParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw).normalize('NFC');
  } catch {
    return null;
  }
}

/** ASCII slug for sections, tags in English and authors. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
