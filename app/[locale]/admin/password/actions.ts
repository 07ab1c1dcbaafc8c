'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { setPasswordFromLink } from '@/db/mutations/account-tokens';
import { getPasswordLinkAccount } from '@/db/queries/users';
import { adminPath } from '@/lib/auth/guard';
import { MIN_PASSWORD_LENGTH, checkNewPassword, hashPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/auth/tokens';
import { formValues, type FormState } from '@/lib/forms';

const FIELDS = ['token', 'password', 'confirm', 'locale'] as const;

// Choose a password from a one-time link (invitation or reset). No session is needed: the
// link is the permission; it works once, before it expires, and ends the account's sessions.
export async function setPasswordFromLinkAction(_prev: FormState, data: FormData): Promise<FormState> {
  const values = formValues(data, FIELDS);
  const locale = values.locale === 'en' ? 'en' : 'ar';
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const db = getDb();
  const tokenHash = hashToken(values.token.slice(0, 200));
  const account = await getPasswordLinkAccount(db, tokenHash, new Date());
  if (!account) return { ok: false, error: t('passwordLink.invalid'), fieldErrors: {}, values: {} };
  if (values.password !== values.confirm)
    return { ok: false, fieldErrors: { confirm: t('passwordLink.mismatch') }, values: {} };
  const problem = checkNewPassword(values.password.slice(0, 1000), account.email);
  if (problem)
    return {
      ok: false,
      fieldErrors: { password: t(`errors.${problem}`, { min: MIN_PASSWORD_LENGTH }) },
      values: {},
    };
  const userId = await setPasswordFromLink(db, tokenHash, await hashPassword(values.password));
  // Someone else used the link between the check and now.
  if (userId === null) return { ok: false, error: t('passwordLink.invalid'), fieldErrors: {}, values: {} };
  redirect(adminPath(locale, '/login?password=set'));
}
