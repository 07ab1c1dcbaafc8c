'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clientAddress, adminPath } from '@/lib/auth/guard';
import { attemptLogin } from '@/lib/auth/login';
import { startSession } from '@/lib/auth/session';
import { formValues, type FormState } from '@/lib/forms';

const FIELDS = ['email', 'password', 'locale'] as const;

// Log a user in: same answer for unknown e-mail and wrong password, throttled per account and address.
export async function loginAction(_prev: FormState, data: FormData): Promise<FormState> {
  const values = formValues(data, FIELDS);
  const locale = values.locale === 'en' ? 'en' : 'ar';
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const parsed = z
    .object({
      email: z.email({ error: t('errors.email') }).max(320),
      password: z.string().min(1, t('errors.required')).max(1000),
    })
    .safeParse({ email: values.email.trim(), password: values.password });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, fieldErrors, values: { email: values.email } };
  }
  const result = await attemptLogin(getDb(), { ...parsed.data, ip: await clientAddress() });
  if (!result.ok) {
    return {
      ok: false,
      error: t(`login.${result.reason}`),
      fieldErrors: {},
      values: { email: values.email },
    };
  }
  await startSession(result.user.id);
  redirect(adminPath(locale));
}
