'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { TagMergeError, deleteTag, mergeTags } from '@/db/mutations/taxonomy';
import { getTagByName } from '@/db/queries/taxonomy';
import { adminPath } from '@/lib/article-url';
import { requirePermission } from '@/lib/auth/guard';

function back(locale: string, status: string, q = ''): never {
  const query = new URLSearchParams({ status, ...(q ? { q } : {}) });
  redirect(adminPath(locale, `/tags?${query}`));
}

const mergeSchema = z.object({
  id: z.coerce.number().int().positive(),
  into: z.string().trim().min(1).max(100),
  q: z.string().max(100).default(''),
});

// Merge one tag into another, named by its name: the stories get the other tag and the old tag's
// URL answers 301 to the other's (editors).
export async function mergeTagAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const user = await requirePermission('taxonomy.manage', locale);
  const parsed = mergeSchema.safeParse({
    id: data.get('id'),
    into: data.get('into'),
    q: data.get('q') ?? '',
  });
  if (!parsed.success) back(locale, 'mergeMissing');
  const db = getDb();
  const into = await getTagByName(db, parsed.data.into);
  if (!into) back(locale, 'mergeMissing', parsed.data.q);
  try {
    await mergeTags(db, user.id, parsed.data.id, into.id);
  } catch (error) {
    if (error instanceof TagMergeError) back(locale, error.reason === 'same' ? 'mergeSame' : 'mergeMissing');
    throw error;
  }
  back(locale, 'merged', parsed.data.q);
}

// Delete a tag: its stories lose it; its page then answers 404 (editors).
export async function deleteTagAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const user = await requirePermission('taxonomy.manage', locale);
  const id = Number(data.get('id'));
  const q = String(data.get('q') ?? '').slice(0, 100);
  if (!Number.isSafeInteger(id) || id <= 0) back(locale, 'invalid');
  const result = await deleteTag(getDb(), user.id, id);
  if (!result) back(locale, 'invalid', q);
  back(locale, 'deleted', q);
}
