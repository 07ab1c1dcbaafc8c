'use client';

import type { FormState } from '@/lib/forms';
import { ActionForm } from './action-form';
import { Field } from './field';

interface Props {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  locale: string;
  labels: { email: string; password: string; submit: string };
}

export function LoginForm({ action, locale, labels }: Props) {
  return (
    <ActionForm action={action} locale={locale} submitLabel={labels.submit}>
      {(failed) => (
        <>
          <Field
            name="email"
            type="email"
            label={labels.email}
            autoComplete="username"
            dir="ltr"
            required
            defaultValue={failed?.values.email ?? ''}
            error={failed?.fieldErrors.email}
          />
          <Field
            name="password"
            type="password"
            label={labels.password}
            autoComplete="current-password"
            dir="ltr"
            required
            error={failed?.fieldErrors.password}
          />
        </>
      )}
    </ActionForm>
  );
}
