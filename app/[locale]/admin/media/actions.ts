'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { deleteMedia, setMediaFocalPoint, updateMediaText } from '@/db/mutations/media';
import { getMediaById, searchMediaLibrary, type MediaLibraryItem } from '@/db/queries/media';
import { can, canManageMedia } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { removeCardVariants, removeMediaFiles, writeCardVariants } from '@/lib/media/card-variants';
import { getMediaStorage } from '@/lib/media/storage';

type Failure = { ok: false; error: 'session' | 'forbidden' | 'notFound' | 'invalid' | 'broken' };


// Search the library (alt text, caption, credit) for a picker or the library page.
export async function searchMediaAction(q: string): Promise<MediaLibraryItem[]> {
  const user = await getCurrentUser();
  if (!user || !can(user, 'media.upload')) return [];
  return await searchMediaLibrary(getDb(), { q: z.string().max(200).catch('').parse(q) });
}

const textSchema = z.object({
  id: z.number().int().positive(),
  alt: z.string().trim().min(1, 'alt').max(300, 'tooLong'),
  caption: z.string().trim().max(500, 'tooLong'),
  credit: z.string().trim().max(200, 'tooLong'),
});

// Correct an image's alt text, caption and credit.
export async function updateMediaTextAction(
  input: z.input<typeof textSchema>,
): Promise<{ ok: true } | Failure | { ok: false; error: 'invalid'; field: string; reason: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: 'session' };
  const parsed = textSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: 'invalid', field: String(issue.path[0]), reason: issue.message };
  }
  const db = getDb();
  const m = await getMediaById(db, parsed.data.id);
  if (!m) return { ok: false, error: 'notFound' };
  if (!canManageMedia(user, m.uploadedBy)) return { ok: false, error: 'forbidden' };
  const { id, ...text } = parsed.data;
  await updateMediaText(db, user.id, id, text);
  return { ok: true };
}

const focalSchema = z.object({
  id: z.number().int().positive(),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

// Move the focal point: new 16:9 card files, the old ones removed, the pages showing it refreshed.
export async function setFocalPointAction(
  input: z.input<typeof focalSchema>,
): Promise<{ ok: true; focalX: number; focalY: number } | Failure> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: 'session' };
  const parsed = focalSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const db = getDb();
  const m = await getMediaById(db, parsed.data.id);
  if (!m) return { ok: false, error: 'notFound' };
  if (!canManageMedia(user, m.uploadedBy)) return { ok: false, error: 'forbidden' };
  const focal = { x: Math.round(parsed.data.x * 1000) / 1000, y: Math.round(parsed.data.y * 1000) / 1000 };
  let written: string[];
  try {
    // Files first: a page that reads the new point from the row finds its crops already there.
    written = await writeCardVariants(getMediaStorage(), { ...m, focalX: focal.x, focalY: focal.y });
  } catch {
    return { ok: false, error: 'broken' };
  }
  await setMediaFocalPoint(db, user.id, m.id, focal);
  await removeCardVariants(getMediaStorage(), m.stem, written);
  return { ok: true, focalX: focal.x, focalY: focal.y };
}

export type DeleteMediaActionResult =
  | { ok: true }
  | Failure
  | { ok: false; error: 'inUse'; usage: { id: number; title: string; asHero: boolean }[] };

// Delete an unused image: its row, then its files.
export async function deleteMediaAction(id: number): Promise<DeleteMediaActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: 'session' };
  if (!Number.isInteger(id) || id <= 0) return { ok: false, error: 'invalid' };
  const db = getDb();
  const m = await getMediaById(db, id);
  if (!m) return { ok: false, error: 'notFound' };
  if (!canManageMedia(user, m.uploadedBy)) return { ok: false, error: 'forbidden' };
  const result = await deleteMedia(db, user.id, id);
  if (!result.ok && result.reason === 'inUse')
    return {
      ok: false,
      error: 'inUse',
      usage: result.usage.map(({ id, title, asHero }) => ({ id, title, asHero })),
    };
  if (!result.ok) return { ok: false, error: 'notFound' };
  await removeMediaFiles(getMediaStorage(), result.stem);
  return { ok: true };
}
