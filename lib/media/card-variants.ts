import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaView } from '@/db/queries/views';
import {
  CARD_FILE_PATTERN,
  cardCropBox,
  cardHeight,
  cardWidths,
  focalOf,
  focalToken,
  type FocalPoint,
} from './card-crop';

type CardSource = Pick<MediaView, 'stem' | 'width' | 'height' | 'variantWidths' | 'focalX' | 'focalY'>;

/**
 * The focal point sharp's attention strategy picks (the region with the most luminance, skin and
 * saturation): crop the image to 16:9 with it and take the crop's centre. Only the axis that
 * gets cropped moves; the other stays at the middle.
 */
export async function attentionFocalPoint(input: Buffer): Promise<FocalPoint> {
  const probe = { width: 320, height: 180 };
  const { info } = await sharp(input)
    .rotate()
    .resize({ ...probe, fit: 'cover', position: sharp.strategy.attention })
    .toBuffer({ resolveWithObject: true });
  const raw = await sharp(input).metadata();
  const turned = (raw.orientation ?? 1) >= 5;
  const meta = {
    width: (turned ? raw.height : raw.width) ?? 1,
    height: (turned ? raw.width : raw.height) ?? 1,
  };
  // The probe covers 320×180: the picture was first scaled so that its short side fits.
  const scale = Math.max(probe.width / meta.width, probe.height / meta.height);
  const scaled = { width: Math.round(meta.width * scale), height: Math.round(meta.height * scale) };
  const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
  return {
    x:
      scaled.width > probe.width
        ? round((-(info.cropOffsetLeft ?? 0) + probe.width / 2) / scaled.width)
        : 0.5,
    y:
      scaled.height > probe.height
        ? round((-(info.cropOffsetTop ?? 0) + probe.height / 2) / scaled.height)
        : 0.5,
  };
}

/** Writes the 16:9 card variants for the image's current focal point, from its largest stored variant. */
export async function writeCardVariants(dir: string, m: CardSource): Promise<string[]> {
  const largest = Math.max(...m.variantWidths);
  const source = sharp(path.join(dir, `${m.stem}-${largest}.webp`));
  const meta = await source.metadata();
  const focal = focalOf(m);
  const box = cardCropBox({ width: meta.width ?? 0, height: meta.height ?? 0 }, focal);
  const written: string[] = [];
  for (const w of cardWidths(m)) {
    const name = `${m.stem}-${focalToken(focal)}-${w}.webp`;
    const bytes = await source
      .clone()
      .extract(box)
      .resize({ width: w, height: cardHeight(w), fit: 'fill' })
      .webp({ quality: 74 })
      .toBuffer();
    // A temporary name first: a concurrent request never reads half a file.
    const temporary = path.join(dir, `${name}.${process.pid}.${Date.now()}.tmp`);
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, path.join(dir, name));
    written.push(name);
  }
  return written;
}

/** Removes card variants of other focal points (after a move), or all of them (`keep` empty). */
export async function removeCardVariants(dir: string, stem: string, keep: string[] = []): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => CARD_FILE_PATTERN.exec(n)?.[1] === stem && !keep.includes(n))
      .map((n) => fs.rm(path.join(dir, n), { force: true })),
  );
}

/** Every file of one image: its variants, its crops and its cards. */
export async function removeMediaFiles(dir: string, stem: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const mine = new RegExp(`^${stem}-(\\d{2,4}|16x9|4x3|1x1|f\\d{1,4}-\\d{1,4}-\\d{2,4})\\.webp$`);
  await Promise.all(names.filter((n) => mine.test(n)).map((n) => fs.rm(path.join(dir, n), { force: true })));
}
