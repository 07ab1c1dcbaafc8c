'use client';

import type { FormState } from '@/lib/forms';
import { ActionForm } from './action-form';
import { Field } from './field';

interface Props {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  locale: string;
  token: string;
  labels: { token: string; name: string; email: string; password: string; submit: string };
}

export function SetupForm({ action, locale, token, labels }: Props) {
  return (
    <ActionForm action={action} locale={locale} submitLabel={labels.submit}>
      {(failed) => (
        <>
          <Field
            name="token"
            label={labels.token}
            dir="ltr"
            required
            defaultValue={failed?.values.token ?? token}
            error={failed?.fieldErrors.token}
          />
          <Field
            name="name"
            label={labels.name}
            dir="auto"
            required
            defaultValue={failed?.values.name ?? ''}
            error={failed?.fieldErrors.name}
          />
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
            autoComplete="new-password"
            dir="ltr"
            required
            error={failed?.fieldErrors.password}
          />
        </>
      )}
    </ActionForm>
  );
}
