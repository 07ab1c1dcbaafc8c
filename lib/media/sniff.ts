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
