export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

/**
 * The image type by its first bytes, never by its name or Content-Type. Anything else,
 * SVG and HTML included, is not an image we accept.
 */
export function sniffImageType(bytes: Uint8Array): ImageKind | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return 'avif';
  return null;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

// CASE: a decoded image costs memory by its pixels, not its bytes: a 50 KB PNG can claim
// 20000×20000. Anything above a large camera's sensor is refused from the header, before decoding.
export const MAX_UPLOAD_PIXELS = 50_000_000;

/**
 * True when the file carries markup a browser would run if it ever sniffed the file as a page:
 * a JPEG with HTML appended, a GIF that is also a script. Our variants are re-encoded and never
 * carry it, but a file built to be two things at once is not a photo, so it is refused.
 */
export function hasMarkup(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /<(?:script|html|body|svg|iframe|object|embed)[\s/>]|<!doctype[\s>]/i.test(text);
}
