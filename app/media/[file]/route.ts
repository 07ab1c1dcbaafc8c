import fs from 'node:fs/promises';
import path from 'node:path';
import { getMediaDir } from '@/lib/config';
import { MEDIA_FILE_PATTERN } from '@/lib/media/urls';

/** Serves stored image variants. Names are checked against a strict pattern (no paths). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!MEDIA_FILE_PATTERN.test(file)) return new Response('Not found', { status: 404 });
  try {
    const bytes = await fs.readFile(path.join(getMediaDir(), file));
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': 'image/webp',
        // Variant names never change content: a new upload gets a new stem.
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
