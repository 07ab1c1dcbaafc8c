import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropSize, readOrMakeCrop } from '@/lib/media/crops';
import { createMediaStorage } from '@/lib/media/storage';

describe('lead image crops', () => {
  it('are the largest box of the ratio inside the source, at most 1200 wide, never upscaled', () => {
    expect(cropSize({ width: 1440, height: 810 }, '16x9')).toEqual({ width: 1200, height: 675 });
    expect(cropSize({ width: 1440, height: 810 }, '4x3')).toEqual({ width: 1080, height: 810 });
    expect(cropSize({ width: 1440, height: 810 }, '1x1')).toEqual({ width: 810, height: 810 });
    expect(cropSize({ width: 480, height: 270 }, '16x9')).toEqual({ width: 480, height: 270 });
  });

  it('are made once from the largest variant and then read back', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'midad-crops-'));
    try {
      const image = sharp({ create: { width: 1440, height: 810, channels: 3, background: '#336699' } });
      await image.clone().webp().toFile(path.join(dir, 'pic-1440.webp'));
      await image.clone().resize({ width: 480 }).webp().toFile(path.join(dir, 'pic-480.webp'));
      const storage = createMediaStorage({ kind: 'local', dir });
      const made = await readOrMakeCrop(storage, 'pic', '1x1');
      expect(await sharp(made!).metadata()).toMatchObject({ width: 810, height: 810, format: 'webp' });
      expect(await fs.readdir(dir)).toContain('pic-1x1.webp');
      expect((await readOrMakeCrop(storage, 'pic', '1x1'))!.equals(made!)).toBe(true);
      expect(await readOrMakeCrop(storage, 'nothing', '16x9')).toBeNull();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
