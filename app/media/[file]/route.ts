import { getDb } from '@/db/client';
import { getMediaByStem } from '@/db/queries/media';
import { serveMediaFile } from '@/lib/media/serve';
import { getMediaStorage } from '@/lib/media/storage';

/** Serves stored image variants, 16:9 cards and fixed-ratio crops from the media storage. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveMediaFile(getMediaStorage(), file, {
    findMedia: (stem) => getMediaByStem(getDb(), stem),
    ifNoneMatch: request.headers.get('if-none-match'),
  });
}
