'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createFirstAdmin } from '@/db/mutations/users';
import { asciiSlug } from '@/lib/arabic/slug';
import { adminPath } from '@/lib/auth/guard';
import { MIN_PASSWORD_LENGTH, checkNewPassword, hashPassword } from '@/lib/auth/password';
import { isSetupTokenValid } from '@/lib/auth/setup';
import { startSession } from '@/lib/auth/session';
import { formValues, type FormState } from '@/lib/forms';

const FIELDS = ['token', 'name', 'email', 'password', 'locale'] as const;

// Create the first admin of a fresh install: only with the setup token from the server log.
export async function setupAction(_prev: FormState, data: FormData): Promise<FormState> {
  const values = formValues(data, FIELDS);
  const locale = values.locale === 'en' ? 'en' : 'ar';
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const keep = { token: values.token, name: values.name, email: values.email };
  const parsed = z
    .object({
      token: z.string().min(1, t('errors.required')).max(200),
      name: z.string().trim().min(1, t('errors.required')).max(120, t('errors.tooLong')),
      email: z.email({ error: t('errors.email') }).max(320),
      password: z.string().max(1000, t('errors.tooLong')),
    })
    .safeParse({ ...values, email: values.email.trim() });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, fieldErrors, values: keep };
  }
  const problem = checkNewPassword(parsed.data.password, parsed.data.email);
  if (problem) {
    return {
      ok: false,
      fieldErrors: { password: t(`errors.${problem}`, { min: MIN_PASSWORD_LENGTH }) },
      values: keep,
    };
  }
  const db = getDb();
  if (!(await isSetupTokenValid(db, parsed.data.token))) {
    return { ok: false, fieldErrors: { token: t('setup.badToken') }, values: keep };
  }
  const id = await createFirstAdmin(db, {
    email: parsed.data.email,
    name: parsed.data.name,
    slug: asciiSlug(parsed.data.email.split('@')[0]!) || 'admin',
    passwordHash: await hashPassword(parsed.data.password),
  });
  if (id === null) return { ok: false, error: t('setup.done'), fieldErrors: {}, values: keep };
  await startSession(id);
  redirect(adminPath(locale));
}
