'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  EmailTakenError,
  createUser,
  setUserDisabled,
  setUserRole,
  updateUserProfile,
} from '@/db/mutations/users';
import { USER_ROLES } from '@/db/schema';
import { adminPath } from '@/lib/article-url';
import { asciiSlug } from '@/lib/arabic/slug';
import { requirePermission } from '@/lib/auth/guard';
import { CACHE_TAGS, invalidatePages } from '@/lib/cache-tags';
import { checkNewPassword, hashPassword } from '@/lib/auth/password';

function back(locale: string, status: string): never {
  redirect(adminPath(locale, `/users?status=${status}`));
}

// Create a newsroom account (admins).
export async function createUserAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('users.manage', locale);
  const parsed = z
    .object({
      name: z.string().trim().min(1).max(120),
      email: z.email().max(320),
      role: z.enum(USER_ROLES),
      password: z.string().max(1000),
    })
    .safeParse({
      name: data.get('name'),
      email: String(data.get('email') ?? '').trim(),
      role: data.get('role'),
      password: data.get('password'),
    });
  if (!parsed.success) back(locale, 'invalid');
  if (checkNewPassword(parsed.data.password, parsed.data.email)) back(locale, 'weak');
  try {
    createUser(
      getDb(),
      {
        ...parsed.data,
        slug: asciiSlug(parsed.data.email.split('@')[0]!) || 'user',
        passwordHash: await hashPassword(parsed.data.password),
      },
      admin.id,
    );
  } catch (error) {
    if (error instanceof EmailTakenError) back(locale, 'taken');
    throw error;
  }
  back(locale, 'saved');
}

// Change a role, or disable/enable an account (admins; never their own).
export async function updateUserAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('users.manage', locale);
  const id = Number(data.get('id'));
  if (!Number.isSafeInteger(id) || id <= 0) back(locale, 'invalid');
  if (id === admin.id) back(locale, 'self');
  const db = getDb();
  const op = data.get('op');
  if (op === 'disable' || op === 'enable') setUserDisabled(db, id, op === 'disable', admin.id);
  else {
    const role = z.enum(USER_ROLES).safeParse(data.get('role'));
    if (!role.success) back(locale, 'invalid');
    setUserRole(db, id, role.data, admin.id);
  }
  back(locale, 'saved');
}

const profileSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().max(120),
  bio: z.string().trim().max(600),
  bioEn: z.string().trim().max(600),
});

// Edit the public byline and biography of an account, for each edition (admins).
export async function updateProfileAction(data: FormData): Promise<void> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('users.manage', locale);
  const parsed = profileSchema.safeParse({
    id: data.get('id'),
    name: data.get('name') ?? '',
    nameEn: data.get('nameEn') ?? '',
    bio: data.get('bio') ?? '',
    bioEn: data.get('bioEn') ?? '',
  });
  if (!parsed.success) back(locale, 'invalid');
  const { id, ...profile } = parsed.data;
  if (!updateUserProfile(getDb(), id, profile, admin.id)) back(locale, 'invalid');
  // Bylines appear on every page that shows this person's stories: refresh every reader page.
  invalidatePages([CACHE_TAGS.layout]);
  back(locale, 'saved');
}
