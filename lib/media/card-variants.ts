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
import type { MediaStorage } from './storage';
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

/**
 * Stores the 16:9 card variants for the image's current focal point, made from its largest stored
 * variant; names already stored are kept as they are (a name says what it holds). Returns every
 * card name of that focal point.
 */
export async function writeCardVariants(storage: MediaStorage, m: CardSource): Promise<string[]> {
  const focal = focalOf(m);
  const names = cardWidths(m).map((w) => ({ w, name: `${m.stem}-${focalToken(focal)}-${w}.webp` }));
  const missing: typeof names = [];
  for (const n of names) if (!(await storage.stat(n.name))) missing.push(n);
  if (missing.length > 0) {
    const largest = `${m.stem}-${Math.max(...m.variantWidths)}.webp`;
    const input = await storage.get(largest);
    if (!input) throw new Error(`media file ${largest} is missing`);
    const source = sharp(input);
    const meta = await source.metadata();
    const box = cardCropBox({ width: meta.width ?? 0, height: meta.height ?? 0 }, focal);
    for (const { w, name } of missing) {
      const bytes = await memoImage(input, { card: box, w }, () =>
        source
          .clone()
          .extract(box)
          .resize({ width: w, height: cardHeight(w), fit: 'fill' })
          .webp({ quality: 74 })
          .toBuffer(),
      );
      await storage.putIfAbsent(name, bytes);
    }
  }
  return names.map((n) => n.name);
}

/** Removes card variants of other focal points (after a move), or all of them (`keep` empty). */
export async function removeCardVariants(
  storage: MediaStorage,
  stem: string,
  keep: string[] = [],
): Promise<void> {
  const names = await storage.list(`${stem}-f`);
  await storage.delete(names.filter((n) => CARD_FILE_PATTERN.exec(n)?.[1] === stem && !keep.includes(n)));
}

/** Every file of one image: its variants, its crops and its cards. */
export async function removeMediaFiles(storage: MediaStorage, stem: string): Promise<void> {
  const mine = new RegExp(`^${stem}-(\\d{2,4}|16x9|4x3|1x1|f\\d{1,4}-\\d{1,4}-\\d{2,4})\\.webp$`);
  await storage.delete((await storage.list(`${stem}-`)).filter((n) => mine.test(n)));
}
