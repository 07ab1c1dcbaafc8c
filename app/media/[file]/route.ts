import fs from 'node:fs/promises';
import path from 'node:path';
import { getMediaDir } from '@/lib/config';
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
