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
import { memoImage } from './test-memo';

type CardSource = Pick<MediaView, 'stem' | 'width' | 'height' | 'variantWidths' | 'focalX' | 'focalY'>;

/**
 * The focal point sharp's attention strategy picks (the region with the most luminance, skin and
 * saturation). Two thin probes find it: a tall strip slid across the picture gives x, a wide
 * strip slid down gives y; where a strip has nowhere to slide, that axis stays at the middle.
 */
export async function attentionFocalPoint(input: Buffer): Promise<FocalPoint> {
  const found = await memoImage(input, 'attention', async () =>
    Buffer.from(JSON.stringify(await findAttentionFocalPoint(input))),
  );
  return JSON.parse(found.toString()) as FocalPoint;
}

async function findAttentionFocalPoint(input: Buffer): Promise<FocalPoint> {
  const raw = await sharp(input).metadata();
  const turned = (raw.orientation ?? 1) >= 5;
  const size = {
    width: (turned ? raw.height : raw.width) ?? 1,
    height: (turned ? raw.width : raw.height) ?? 1,
  };
  async function probe(width: number, height: number) {
    const { info } = await sharp(input)
      .rotate()
      .resize({ width, height, fit: 'cover', position: sharp.strategy.attention })
      .toBuffer({ resolveWithObject: true });
    // The picture was first scaled to cover the probe, then cut; the offsets are of that cut.
    const scale = Math.max(width / size.width, height / size.height);
    return {
      scaled: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      left: -(info.cropOffsetLeft ?? 0),
      top: -(info.cropOffsetTop ?? 0),
    };
  }
  const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
  const tall = await probe(60, 320);
  const wide = await probe(320, 60);
  return {
    x: tall.scaled.width > 60 ? round((tall.left + 30) / tall.scaled.width) : 0.5,
    y: wide.scaled.height > 60 ? round((wide.top + 30) / wide.scaled.height) : 0.5,
  };
}

/** Writes the 16:9 card variants for the image's current focal point, from its largest stored variant. */
export async function writeCardVariants(dir: string, m: CardSource): Promise<string[]> {
  const largest = Math.max(...m.variantWidths);
  const sourceFile = path.join(dir, `${m.stem}-${largest}.webp`);
  const source = sharp(sourceFile);
  const meta = await source.metadata();
  const focal = focalOf(m);
  const box = cardCropBox({ width: meta.width ?? 0, height: meta.height ?? 0 }, focal);
  const written: string[] = [];
  for (const w of cardWidths(m)) {
    const name = `${m.stem}-${focalToken(focal)}-${w}.webp`;
    const bytes = await memoImage(sourceFile, { card: box, w }, () =>
      source
        .clone()
        .extract(box)
        .resize({ width: w, height: cardHeight(w), fit: 'fill' })
        .webp({ quality: 74 })
        .toBuffer(),
    );
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
