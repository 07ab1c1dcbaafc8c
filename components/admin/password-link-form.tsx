'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';
import { ActionForm } from './action-form';
import { Field } from './field';

interface Props {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  locale: string;
  token: string;
}

/** Choosing a password from an invitation or reset link. */
export function PasswordLinkForm({ action, locale, token }: Props) {
  const t = useTranslations('Admin.passwordLink');
  return (
    <ActionForm action={action} locale={locale} submitLabel={t('submit')}>
      {(failed) => (
        <>
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            type="password"
            label={t('password')}
            autoComplete="new-password"
            dir="ltr"
            required
            error={failed?.fieldErrors.password}
          />
          <Field
            name="confirm"
            type="password"
            label={t('confirm')}
            autoComplete="new-password"
            dir="ltr"
            required
            error={failed?.fieldErrors.confirm}
          />
        </>
      )}
    </ActionForm>
  );
}
