import fs from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/db/client';
import { getMediaByStem } from '@/db/queries/media';
import { getMediaDir } from '@/lib/config';
import { CARD_FILE_PATTERN, cardUrl } from '@/lib/media/card-crop';
import { writeCardVariants } from '@/lib/media/card-variants';
import { CROP_FILE_PATTERN, readOrMakeCrop, type CropRatio } from '@/lib/media/crops';
import { MEDIA_FILE_PATTERN } from '@/lib/media/urls';

const HEADERS = {
  'Content-Type': 'image/webp',
  // Variant names never change content: a new upload gets a new stem.
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
};

/** Serves stored image variants and fixed-ratio crops. Names must match a strict pattern (no paths). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  try {
    const card = CARD_FILE_PATTERN.exec(file);
    if (card) {
      const bytes = await fs.readFile(path.join(getMediaDir(), file)).catch(() => null);
      if (bytes) return new Response(new Uint8Array(bytes), { headers: HEADERS });
      // Cards of images stored before card variants existed are made on first request, but only
      // for the image's current focal point: made-up names cannot fill the disk.
      const m = getMediaByStem(getDb(), card[1]!);
      if (m && cardUrl(m, Number(card[4])) === `/media/${file}`) {
        await writeCardVariants(getMediaDir(), m);
        const made = await fs.readFile(path.join(getMediaDir(), file));
        return new Response(new Uint8Array(made), { headers: HEADERS });
      }
      return new Response('Not found', { status: 404 });
    }
    if (MEDIA_FILE_PATTERN.test(file)) {
      const bytes = await fs.readFile(path.join(getMediaDir(), file));
      return new Response(new Uint8Array(bytes), { headers: HEADERS });
    }
    const crop = CROP_FILE_PATTERN.exec(file);
    if (crop) {
      const bytes = await readOrMakeCrop(getMediaDir(), crop[1]!, crop[2] as CropRatio);
      if (bytes) return new Response(new Uint8Array(bytes), { headers: HEADERS });
    }
  } catch {
    // a missing file or an unreadable image: the same answer as an unknown name
  }
  return new Response('Not found', { status: 404 });
}
