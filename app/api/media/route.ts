import { getDb } from '@/db/client';
import { insertMedia } from '@/db/mutations/media';
import { getCurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import sharp from 'sharp';
import { hasMarkup, MAX_UPLOAD_BYTES, MAX_UPLOAD_PIXELS, sniffImageType } from '@/lib/media/sniff';
import { getMediaStorage, MediaStorageError } from '@/lib/media/storage';
import { storeImage, uploadStem } from '@/lib/media/upload';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

type ErrorKey = keyof typeof ar.Admin.media.errors;

function fail(locale: string, key: ErrorKey, status: number) {
  const messages = locale === 'en' ? en : ar;
  return Response.json(
    { error: key, message: messages.Admin.media.errors[key] },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Route handlers get no built-in origin check (server actions do): refuse cross-site posts here. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return false;
  }
}

// Upload an image: type decided by its bytes, metadata stripped, WebP variants made.
export async function POST(request: Request) {
  const locale = new URL(request.url).searchParams.get('locale') === 'en' ? 'en' : 'ar';
  if (!isSameOrigin(request)) return fail(locale, 'origin', 403);
  const user = await getCurrentUser();
  if (!user) return fail(locale, 'session', 401);
  if (!can(user, 'media.upload')) return fail(locale, 'forbidden', 403);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024)
    return fail(locale, 'tooLarge', 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(locale, 'type', 400);
  }
  const file = form.get('file');
  const alt = String(form.get('alt') ?? '')
    .trim()
    .slice(0, 300);
  if (!(file instanceof File) || file.size === 0) return fail(locale, 'type', 400);
  if (file.size > MAX_UPLOAD_BYTES) return fail(locale, 'tooLarge', 413);
  if (!alt) return fail(locale, 'alt', 400);
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!sniffImageType(bytes) || hasMarkup(bytes)) return fail(locale, 'type', 415);
  // The header alone gives the size (sharp's metadata() decodes no pixels).
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!header?.width || !header.height) return fail(locale, 'broken', 400);
  if (header.width * header.height > MAX_UPLOAD_PIXELS) return fail(locale, 'dimensions', 413);
  let stored: Awaited<ReturnType<typeof storeImage>>;
  try {
    stored = await storeImage(getMediaStorage(), bytes, uploadStem(bytes));
  } catch (e) {
    // The storage down is not the photo's fault: the editor is told to try again.
    return e instanceof MediaStorageError ? fail(locale, 'storage', 503) : fail(locale, 'broken', 400);
  }
  const text = {
    alt,
    caption: String(form.get('caption') ?? '')
      .trim()
      .slice(0, 500),
    credit: String(form.get('credit') ?? '')
      .trim()
      .slice(0, 200),
  };
  const id = await insertMedia(getDb(), user.id, { ...stored, ...text });
  return Response.json(
    { id, ...stored, ...text, uploadedBy: user.id },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
