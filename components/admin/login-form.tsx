'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';
import { Field } from './field';

interface Props {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  locale: string;
  labels: { email: string; password: string; submit: string };
}

export function LoginForm({ action, locale, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {failed?.error && (
        <p
          role="alert"
          className="rounded border border-accent-600 bg-accent-50 px-3 py-2 text-sm text-accent-700"
        >
          {failed.error}
        </p>
      )}
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
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-ink-900 px-4 py-2.5 font-bold text-white hover:bg-ink-800 disabled:opacity-60"
      >
        {labels.submit}
      </button>
    </form>
  );
}
