import sharp from 'sharp';
import type { MediaView } from '@/db/queries/views';
import type { MediaStorage } from './storage';

/**
 * Fixed-ratio crops of a lead image for search engines and social cards (Google asks for 16:9,
 * 4:3 and 1:1 in NewsArticle.image). Made on first request from the largest stored variant,
 * centred on the most interesting region, never upscaled, and stored beside the variants.
 */
export const CROP_RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;

/** `{stem}-16x9.webp` and friends. */
export const CROP_FILE_PATTERN = /^([a-z0-9][a-z0-9-]{0,80})-(16x9|4x3|1x1)\.webp$/;
const MAX_CROP_WIDTH = 1200;

export function mediaCropUrl(stem: string, ratio: CropRatio): string {
  return `/media/${stem}-${ratio}.webp`;
}

/** The crop's size: the largest box of that ratio inside the source, at most 1200 wide. */
export function cropSize(source: { width: number; height: number }, ratio: CropRatio) {
  const [rw, rh] = CROP_RATIOS[ratio];
  let width = Math.min(source.width, Math.floor((source.height * rw) / rh));
  width = Math.min(width, MAX_CROP_WIDTH);
  return { width, height: Math.round((width * rh) / rw) };
}

/** Stores the crop if it is not there yet; returns its bytes, or null when the source is missing. */
export async function readOrMakeCrop(
  storage: MediaStorage,
  stem: string,
  ratio: CropRatio,
): Promise<Buffer | null> {
  const target = `${stem}-${ratio}.webp`;
  const existing = await storage.get(target);
  if (existing) return existing;
  const variant = new RegExp(`^${stem}-(\\d+)\\.webp$`);
  const widths = (await storage.list(`${stem}-`))
    .map((name) => variant.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => b - a);
  if (widths.length === 0) return null;
  const input = await storage.get(`${stem}-${widths[0]}.webp`);
  if (!input) return null;
  const source = sharp(input);
  const meta = await source.metadata();
  const size = cropSize({ width: meta.width ?? 0, height: meta.height ?? 0 }, ratio);
  const bytes = await source
    .resize({ ...size, fit: 'cover', position: sharp.strategy.attention })
    .webp({ quality: 75 })
    .toBuffer();
  // Another request (or machine) may have stored it meanwhile: same name, same picture.
  await storage.putIfAbsent(target, bytes);
  return bytes;
}

/** Absolute URLs of an image's three crops, for JSON-LD. */
export function cropUrls(siteUrl: string, image: Pick<MediaView, 'stem'> | null): string[] {
  if (!image) return [];
  return (Object.keys(CROP_RATIOS) as CropRatio[]).map((r) => `${siteUrl}${mediaCropUrl(image.stem, r)}`);
}
