/**
 * How WordPress writes the pieces of an export, for the generator: CDATA as wxr_cdata() splits
 * it, slugs as sanitize_title() stores them (lowercase percent-encoded UTF-8, at most 200 bytes),
 * PHP's serialize() with byte lengths, MySQL-style dates and RSS dates. The reader's helpers
 * beside this file undo each of these; nothing here is shared with them, so a test of one
 * against the other means something.
 */

/** CDATA that survives "]]>" in the text. */
export const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Text for an element or a double-quoted attribute. */
export const esc = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export type PhpData = string | number | boolean | null | PhpData[] | { [key: string]: PhpData };

/** PHP's serialize(): string lengths in UTF-8 bytes, arrays as ordered maps. */
export function phpSerialize(value: PhpData): string {
  if (value === null) return 'N;';
  if (typeof value === 'boolean') return `b:${value ? 1 : 0};`;
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${String(value)};`;
  if (typeof value === 'string') return `s:${Buffer.byteLength(value, 'utf8')}:"${value}";`;
  const entries: [string | number, PhpData][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  let out = `a:${entries.length}:{`;
  for (const [k, v] of entries) {
    out += typeof k === 'number' || /^(0|[1-9]\d*)$/.test(k) ? `i:${k};` : phpSerialize(k);
    out += phpSerialize(v);
  }
  return `${out}}`;
}

/** One character of a slug: the decoded text and its stored form. */
interface SlugPiece {
  text: string;
  stored: string;
}

const DROPPED = /[\p{P}\p{S}]/u;
const KEPT_PUNCTUATION = new Set(['-', '_', '،', '؟']);

/**
 * sanitize_title_with_dashes(), enough for headlines: lowercase, ASCII punctuation, quotes and
 * guillemets dropped, Arabic comma and question mark kept (WordPress keeps them too), spaces to
 * hyphens, every other character percent-encoded in lowercase hex.
 */
function slugPieces(title: string): SlugPiece[] {
  const pieces: SlugPiece[] = [];
  let dash = false;
  for (const ch of title.normalize('NFC').toLowerCase()) {
    if (/\s/.test(ch) || ch === '-' || ch === '.') {
      dash = pieces.length > 0;
      continue;
    }
    if (DROPPED.test(ch) && !KEPT_PUNCTUATION.has(ch)) continue;
    if (dash) pieces.push({ text: '-', stored: '-' });
    dash = false;
    const stored = /^[a-z0-9_]$/.test(ch) ? ch : encodeURIComponent(ch).toLowerCase();
    pieces.push({ text: ch, stored });
  }
  return pieces;
}

export interface Slug {
  /** post_name as stored. */
  raw: string;
  /** What it reads as: the text, NFC; bytes of a cut letter as uppercase %XX. */
  decoded: string;
  /** False when the stored slug ends inside a letter's bytes. */
  complete: boolean;
}

/**
 * A title's slug cut as utf8_uri_encode() cuts it: before the first character that would pass
 * `maxBytes`, never inside one; a trailing hyphen then goes.
 */
export function wpSlug(title: string, maxBytes = 200): Slug {
  let raw = '';
  let decoded = '';
  for (const p of slugPieces(title)) {
    if (raw.length + p.stored.length > maxBytes) break;
    raw += p.stored;
    decoded += p.text;
  }
  while (raw.endsWith('-')) {
    raw = raw.slice(0, -1);
    decoded = decoded.slice(0, -1);
  }
  return { raw, decoded, complete: true };
}

/** The stored length of a title's slug without WordPress's cap. */
export function fullSlugLength(title: string): number {
  return slugPieces(title).reduce((n, p) => n + p.stored.length, 0);
}

/**
 * A slug cut at a byte count regardless of characters, as a column truncation does: the last
 * letter keeps only part of its stored form — "%d8" (its first byte), "%d8%a", "%d", "%"…
 * `inside` asks for how many characters of the letter's stored form to keep (1–5); the cut is
 * the longest one of at most `maxBytes` that does so, else the longest inside any letter. Null
 * when the slug is too short to cut between `min` and `maxBytes`.
 */
export function wpSlugCutMidLetter(title: string, inside?: number, maxBytes = 200, min = 185): Slug | null {
  const pieces = slugPieces(title);
  const stored = pieces.map((p) => p.stored).join('');
  const cuts: { cut: number; inside: number; decoded: string; piece: SlugPiece }[] = [];
  let at = 0;
  let decoded = '';
  for (const p of pieces) {
    if (at >= maxBytes) break;
    // Only letters of two or more bytes ("%d8%a7") can be cut inside.
    if (p.stored.length >= 6)
      for (let k = 1; k < p.stored.length && at + k <= maxBytes; k++)
        if (at + k >= min) cuts.push({ cut: at + k, inside: k, decoded, piece: p });
    at += p.stored.length;
    decoded += p.text;
  }
  const best = cuts.filter((c) => c.inside === inside).at(-1) ?? cuts.at(-1);
  if (!best) return null;
  // Undecodable bytes, and an escape cut short, read back in uppercase (decodePercentSafe).
  const tail = best.piece.stored.slice(0, best.inside).toUpperCase();
  return { raw: stored.slice(0, best.cut), decoded: (best.decoded + tail).normalize('NFC'), complete: false };
}

/** An ASCII slug ("Water cut to 5 districts" → "water-cut-to-5-districts"). */
export function asciiSlug(title: string, maxBytes = 200): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxBytes)
    .replace(/-+$/, '');
}

/**
 * A title's slug with a suffix ("-2" from wp_unique_post_slug(), "__trashed" from
 * wp_add_trashed_suffix_to_post_name_for_post()), the slug cut first to leave room for it.
 */
export function suffixedSlug(title: string, suffix: string): Slug {
  const base = wpSlug(title, 200 - suffix.length);
  return { raw: base.raw + suffix, decoded: base.decoded + suffix, complete: true };
}

/** Uppercase hex escapes, as a browser's address bar copies a link. */
export const upperHex = (url: string) => url.replace(/%[0-9a-f]{2}/g, (m) => m.toUpperCase());

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2025-05-03 14:07:09" of the UTC fields of `ms`. */
export function mysqlDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const ZERO_DATE = '0000-00-00 00:00:00';
/** WordPress 4.9 printed a zero GMT date this way in `<pubDate>`. */
export const MINUS_ONE_PUB_DATE = 'Mon, 30 Nov -0001 00:00:00 +0000';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `<pubDate>` of a GMT instant: "Sat, 03 May 2025 11:07:09 +0000". */
export function rssDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** The upload folder of a local time: "2025/05". */
export function uploadFolder(localMs: number): string {
  const d = new Date(localMs);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}`;
}

/** The date part of a permalink: "2025/05/03". */
export function datePath(localMs: number): string {
  const d = new Date(localMs);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** JSON as wp_json_encode() writes Elementor's data: non-ASCII as \uXXXX, slashes escaped. */
export function wpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('/', '\\/');
}
