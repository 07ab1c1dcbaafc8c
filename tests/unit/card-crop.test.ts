import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  cardCropBox,
  cardFallback,
  cardSrcSet,
  cardWidths,
  CARD_FILE_PATTERN,
  focalOf,
} from '@/lib/media/card-crop';
import { attentionFocalPoint, removeMediaFiles, writeCardVariants } from '@/lib/media/card-variants';
import { addInlineImageSizes, inlineImageStems } from '@/lib/media/inline-sizes';
import { createMediaStorage } from '@/lib/media/storage';

describe('16:9 card crops', () => {
  it('take the largest 16:9 box, centred on the focal point and kept inside the picture', () => {
    const portrait = { width: 1200, height: 1600 };
    expect(cardCropBox(portrait, { x: 0.5, y: 0.5 })).toEqual({
      left: 0,
      top: 463,
      width: 1200,
      height: 675,
    });
    expect(cardCropBox(portrait, { x: 0.5, y: 0.25 })).toEqual({
      left: 0,
      top: 63,
      width: 1200,
      height: 675,
    });
    // Near an edge the box stops at the edge rather than leaving the picture.
    expect(cardCropBox(portrait, { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 1200, height: 675 });
    expect(cardCropBox(portrait, { x: 0.5, y: 1 })).toEqual({ left: 0, top: 925, width: 1200, height: 675 });
    const panorama = { width: 3000, height: 900 };
    expect(cardCropBox(panorama, { x: 0.9, y: 0.5 })).toEqual({
      left: 1400,
      top: 0,
      width: 1600,
      height: 900,
    });
    expect(cardCropBox({ width: 1440, height: 810 }, { x: 0.1, y: 0.9 })).toEqual({
      left: 0,
      top: 0,
      width: 1440,
      height: 810,
    });
  });

  it('come in the stored widths that fit, with 16:9 sizes and a focal token in the name', () => {
    const portrait = {
      stem: 'p',
      width: 1200,
      height: 1600,
      variantWidths: [480, 960],
      focalX: 0.3,
      focalY: 0.25,
    };
    expect(cardWidths(portrait)).toEqual([480, 960]);
    expect(cardFallback(portrait)).toEqual({ src: '/media/p-f300-250-960.webp', width: 960, height: 540 });
    expect(cardSrcSet(portrait)).toBe('/media/p-f300-250-480.webp 480w, /media/p-f300-250-960.webp 960w');
    // A small image gives one card as wide as its 16:9 box.
    expect(cardWidths({ width: 300, height: 400, variantWidths: [300] })).toEqual([300]);
    expect(focalOf({ focalX: null, focalY: null })).toEqual({ x: 0.5, y: 0.5 });
    expect(CARD_FILE_PATTERN.exec('demo-local-1-f500-120-480.webp')?.slice(1)).toEqual([
      'demo-local-1',
      '500',
      '120',
      '480',
    ]);
  });

  it('default to where sharp finds the subject, and are written as 16:9 files', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'midad-cards-'));
    try {
      // A grey portrait with a bright red disc in its upper part.
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600"><rect width="1200" height="1600" fill="#777"/><circle cx="850" cy="380" r="170" fill="#e02020"/></svg>`;
      const photo = await sharp(Buffer.from(svg)).jpeg().toBuffer();
      const focal = await attentionFocalPoint(photo);
      expect(focal.x).toBeGreaterThan(0.6);
      expect(focal.x).toBeLessThan(0.8);
      expect(focal.y).toBeGreaterThan(0.15);
      expect(focal.y).toBeLessThan(0.35);
      for (const w of [480, 960])
        await sharp(photo)
          .resize({ width: w })
          .webp()
          .toFile(path.join(dir, `pic-${w}.webp`));
      const m = {
        stem: 'pic',
        width: 1200,
        height: 1600,
        variantWidths: [480, 960],
        focalX: focal.x,
        focalY: focal.y,
      };
      const storage = createMediaStorage({ kind: 'local', dir });
      const written = await writeCardVariants(storage, m);
      expect(written).toHaveLength(2);
      const card = await sharp(path.join(dir, written[1]!)).metadata();
      expect([card.width, card.height]).toEqual([960, 540]);
      // The subject (red) is inside the crop around the focal point.
      const { data } = await sharp(path.join(dir, written[1]!))
        .resize(16, 9)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const reds = [...Array(16 * 9).keys()].filter((i) => data[i * 3]! > 180 && data[i * 3 + 1]! < 90);
      expect(reds.length).toBeGreaterThan(0);
      await removeMediaFiles(storage, 'pic');
      expect(await fs.readdir(dir)).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('inline image sizes', () => {
  const m = {
    stem: 'u1-ab',
    width: 2000,
    height: 1500,
    variantWidths: [480, 960, 1440],
    alt: '',
    caption: '',
    credit: '',
  };
  it('are added from the media row where a stored body has none, and kept where it has them', () => {
    const old = '<figure><img src="/media/u1-ab-960.webp" alt="x" /></figure><p>نص</p>';
    expect(inlineImageStems(old)).toEqual(['u1-ab']);
    const sized = addInlineImageSizes(old, [m]);
    expect(sized).toContain('width="960" height="720"');
    expect(sized).toContain(
      'srcset="/media/u1-ab-480.webp 480w, /media/u1-ab-960.webp 960w, /media/u1-ab-1440.webp 1440w"',
    );
    expect(sized).toContain('sizes="');
    expect(addInlineImageSizes(sized, [m])).toBe(sized);
    // An image not in the library is left alone.
    expect(addInlineImageSizes(old, [])).toBe(old);
  });
});

describe('the sanitiser and inline image sizes', () => {
  it('keeps width, height, srcset and sizes the editor writes and drops foreign ones', async () => {
    const { sanitizeArticleHtml } = await import('@/lib/html/sanitize');
    const good =
      '<figure><img src="/media/u1-ab-960.webp" alt="x" width="960" height="720" srcset="/media/u1-ab-480.webp 480w, /media/u1-ab-960.webp 960w" sizes="(min-width: 1024px) 760px, 100vw" /></figure>';
    const clean = sanitizeArticleHtml(good);
    expect(clean).toContain('srcset="/media/u1-ab-480.webp 480w, /media/u1-ab-960.webp 960w"');
    expect(clean).toContain('width="960" height="720"');
    expect(clean).toContain('sizes="(min-width: 1024px) 760px, 100vw"');
    const bad = sanitizeArticleHtml(
      '<img src="/media/u1-ab-960.webp" srcset="https://evil.example/x.png 480w" sizes="<script>" width="9e9" height="1">',
    );
    expect(bad).not.toContain('evil');
    expect(bad).not.toContain('sizes');
    expect(bad).not.toContain('width');
  });
});
