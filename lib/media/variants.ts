import sharp from 'sharp';
import type { MediaStorage } from './storage';
import { memoImage } from './test-memo';
import { MEDIA_WIDTHS } from './urls';

/**
 * Stores the resized WebP variants of an image (never wider than the original) and returns
 * its size and the widths stored. sharp drops EXIF and other metadata unless asked to keep it.
 */
export async function writeMediaVariants(
  storage: MediaStorage,
  input: Buffer,
  stem: string,
): Promise<{ width: number; height: number; variantWidths: number[] }> {
  const meta = await sharp(input).metadata();
  // Portrait photos stored sideways (EXIF orientation 5–8) swap their sides once rotated.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  const widths: number[] = MEDIA_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(width);
  for (const w of widths) {
    // rotate() applies the EXIF orientation; the output keeps no EXIF, GPS or other metadata.
    const bytes = await memoImage(input, { variant: w }, () =>
      sharp(input).rotate().resize({ width: w }).webp({ quality: 72 }).toBuffer(),
    );
    await storage.putIfAbsent(`${stem}-${w}.webp`, bytes);
  }
  return { width, height, variantWidths: widths };
}
