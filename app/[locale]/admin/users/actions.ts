'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createResetLink, inviteUser } from '@/db/mutations/account-tokens';
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
import { MIN_PASSWORD_LENGTH, checkNewPassword, hashPassword } from '@/lib/auth/password';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { getSiteUrl } from '@/lib/config';
import { formValues, type FormState, type LinkFormState } from '@/lib/forms';

function back(locale: string, status: string): never {
  redirect(adminPath(locale, `/users?status=${status}`));
}

const accountFields = (t: (key: string) => string) => ({
  name: z.string().trim().min(1, t('errors.required')).max(120, t('errors.tooLong')),
  email: z.email({ error: t('errors.email') }).max(320, t('errors.tooLong')),
  role: z.enum(USER_ROLES),
});

const issuesByField = (issues: { path: PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));

const CREATE_FIELDS = ['name', 'email', 'role', 'password', 'locale'] as const;

// Create a newsroom account with a password the admin chooses (admins). A refused password
// keeps what was typed: the form gets the field errors and the values back.
export async function createUserAction(_prev: FormState, data: FormData): Promise<FormState> {
  const values = formValues(data, CREATE_FIELDS);
  const locale = values.locale === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('users.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const keep = { name: values.name, email: values.email, role: values.role };
  const parsed = z
    .object({ ...accountFields(t), password: z.string().max(1000, t('errors.tooLong')) })
    .safeParse({ ...values, email: values.email.trim() });
  if (!parsed.success) return { ok: false, fieldErrors: issuesByField(parsed.error.issues), values: keep };
  const problem = checkNewPassword(parsed.data.password, parsed.data.email);
  if (problem)
    return {
      ok: false,
      fieldErrors: { password: t(`errors.${problem}`, { min: MIN_PASSWORD_LENGTH }) },
      values: keep,
    };
  try {
    await createUser(
      getDb(),
      {
        ...parsed.data,
        slug: asciiSlug(parsed.data.email.split('@')[0]!) || 'user',
        passwordHash: await hashPassword(parsed.data.password),
      },
      admin.id,
    );
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { ok: false, fieldErrors: { email: t('users.taken') }, values: keep };
    throw error;
  }
  back(locale, 'saved');
}

function passwordLink(locale: string, token: string): string {
  return `${getSiteUrl()}${adminPath(locale, '/password')}?token=${token}`;
}

const INVITE_FIELDS = ['name', 'email', 'role', 'locale'] as const;

// Invite someone by a one-time link (72 h): the account exists without a password until the
// invitee opens the link and chooses one (admins).
export async function inviteUserAction(_prev: LinkFormState, data: FormData): Promise<LinkFormState> {
  const values = formValues(data, INVITE_FIELDS);
  const locale = values.locale === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('users.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const keep = { name: values.name, email: values.email, role: values.role };
  const parsed = z.object(accountFields(t)).safeParse({ ...values, email: values.email.trim() });
  if (!parsed.success) return { ok: false, fieldErrors: issuesByField(parsed.error.issues), values: keep };
  const token = newToken();
  try {
    await inviteUser(
      getDb(),
      admin.id,
      { ...parsed.data, slug: asciiSlug(parsed.data.email.split('@')[0]!) || 'user' },
      hashToken(token),
    );
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { ok: false, fieldErrors: { email: t('users.taken') }, values: keep };
    throw error;
  }
  revalidatePath(adminPath(locale, '/users'));
  return { ok: true, link: passwordLink(locale, token) };
}

// A one-time link for an existing account to choose a new password (admins; their own
// password they change by logging in). Using it ends the account's sessions.
export async function resetLinkAction(_prev: LinkFormState, data: FormData): Promise<LinkFormState> {
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const admin = await requirePermission('users.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.users' });
  const id = Number(data.get('id'));
  const token = newToken();
  if (
    !Number.isSafeInteger(id) ||
    id <= 0 ||
    !(await createResetLink(getDb(), admin.id, id, hashToken(token)))
  )
    return { ok: false, error: t('invalid'), fieldErrors: {}, values: {} };
  return { ok: true, link: passwordLink(locale, token) };
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
  if (op === 'disable' || op === 'enable') await setUserDisabled(db, id, op === 'disable', admin.id);
  else {
    const role = z.enum(USER_ROLES).safeParse(data.get('role'));
    if (!role.success) back(locale, 'invalid');
    await setUserRole(db, id, role.data, admin.id);
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
  if (!(await updateUserProfile(getDb(), id, profile, admin.id))) back(locale, 'invalid');
  back(locale, 'saved');
}
