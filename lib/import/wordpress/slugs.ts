/**
 * WordPress slugs and paths. WordPress stores a non-ASCII slug percent-encoded in lowercase hex
 * and cuts it at 200 bytes, which can fall inside a letter's UTF-8 bytes; browsers and editors
 * copy links in uppercase hex. decodeURIComponent throws "URI malformed" on the cut ones (Ghost's
 * migrator stops there), so bytes are decoded here by hand and whatever cannot be read is kept.
 */

export interface DecodedSlug {
  /** The slug as the file has it, for a redirect from the exact old address. */
  raw: string;
  /** Percent-decoded, NFC; undecodable bytes stay as uppercase %XX. */
  decoded: string;
  /** False when some bytes were not UTF-8 (a cut letter at the end, or damage). */
  complete: boolean;
}

/** Length of the UTF-8 sequence starting at `bytes[i]` if it is valid there, else 0. */
function sequenceLength(bytes: number[], i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let n: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [n, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [n, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [n, min] = [4, 0x10000];
  else return 0;
  if (i + n > bytes.length) return 0;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return 0;
  return n;
}

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** One run of %XX bytes as text: valid sequences decoded, stray bytes kept as %XX. */
function decodeRun(bytes: number[]): { text: string; complete: boolean } {
  let text = '';
  let complete = true;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i);
    if (n === 0) {
      text += hex(bytes[i]!);
      complete = false;
      i++;
    } else {
      text += Buffer.from(bytes.slice(i, i + n)).toString('utf8');
      i += n;
    }
  }
  return { text, complete };
}

/**
 * Percent-decodes in either hex case, never throwing; a `%` not followed by two hex digits stays
 * as it is (and the result is marked incomplete). Returns NFC text so that the same title typed on two keyboards (precomposed
 * or combining hamza) is one key.
 */
export function decodePercentSafe(input: string): { text: string; complete: boolean } {
  let out = '';
  let complete = true;
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const r = decodeRun(run);
    out += r.text;
    complete &&= r.complete;
    run = [];
  };
  for (let i = 0; i < input.length;) {
    if (input[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(input.slice(i + 1, i + 3))) {
      run.push(parseInt(input.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      flush();
      // WordPress never leaves a bare "%" in a slug: this is an escape cut short, kept in
      // uppercase like the whole escapes around it, so both hex cases of it are one key.
      if (input[i] === '%') {
        complete = false;
        const digit = /^[0-9A-Fa-f]$/.test(input[i + 1] ?? '') ? input[i + 1]!.toUpperCase() : '';
        out += `%${digit}`;
        i += 1 + digit.length;
        continue;
      }
      out += input[i];
      i++;
    }
  }
  flush();
  return { text: out.normalize('NFC'), complete };
}

/** An item's post_name (or a term's nicename) as stored, decoded and whether it decoded whole. */
export function decodeWpSlug(raw: string): DecodedSlug {
  const { text, complete } = decodePercentSafe(raw.trim());
  return { raw, decoded: text, complete };
}

/**
 * The comparison key of an old URL's path: decoded, NFC, no trailing slash, no query or fragment.
 * `/fa/%D8%A2…/` and `/fa/%d8%a2…` give the same key; undecodable bytes compare in uppercase hex.
 */
export function wpPathKey(urlOrPath: string): string {
  let path = urlOrPath.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  path = path.replace(/[?#].*$/s, '');
  const key = decodePercentSafe(path).text.replace(/\/+$/, '');
  return key.startsWith('/') ? key : `/${key}`;
}
