'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { SlugTakenError, saveSection, saveTag } from '@/db/mutations/taxonomy';
import { adminPath } from '@/lib/article-url';
import { slugify } from '@/lib/arabic/slug';
import { requirePermission } from '@/lib/auth/guard';

const sectionSchema = z.object({
  id: z.string().regex(/^\d*$/),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60),
  nameAr: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().min(1).max(80),
  parentId: z.string().regex(/^\d*$/),
  position: z.coerce.number().int().min(0).max(999),
});

function back(locale: string, page: string, status: string): never {
  redirect(adminPath(locale, `${page}?status=${status}`));
}

// Create or rename a section; a new slug leaves 301s behind for the old URLs (editors).
export async function saveSectionAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const user = await requirePermission('taxonomy.manage', locale);
  const parsed = sectionSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) back(locale, '/sections', 'invalid');
  const { id, parentId, ...rest } = parsed.data;
  try {
    await saveSection(getDb(), user.id, id ? Number(id) : null, {
      ...rest,
      parentId: parentId ? Number(parentId) : null,
    });
  } catch (error) {
    if (error instanceof SlugTakenError) back(locale, '/sections', 'slugTaken');
    throw error;
  }
  back(locale, '/sections', 'saved');
}

// Rename a tag or its slug; old tag URLs answer 301 (editors).
export async function saveTagAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const user = await requirePermission('taxonomy.manage', locale);
  const parsed = z
    .object({
      id: z.coerce.number().int().positive(),
      name: z.string().trim().min(1).max(60),
      slug: z.string().trim().max(60),
    })
    .safeParse(Object.fromEntries(data));
  if (!parsed.success) back(locale, '/tags', 'invalid');
  const slug = slugify(parsed.data.slug || parsed.data.name);
  if (!slug) back(locale, '/tags', 'invalid');
  try {
    await saveTag(getDb(), user.id, parsed.data.id, { name: parsed.data.name, slug });
  } catch (error) {
    if (error instanceof SlugTakenError) back(locale, '/tags', 'slugTaken');
    throw error;
  }
  back(locale, '/tags', 'saved');
}
