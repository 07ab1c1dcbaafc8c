'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/forms';

type Failed = Extract<FormState, { ok: false }>;

interface Props {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  locale: string;
  submitLabel: string;
  /** The fields, given the last failed answer (its errors and what the user typed). */
  children: (failed: Failed | null) => ReactNode;
}

/** A server-action form that keeps what was typed and shows the server's errors. */
export function ActionForm({ action, locale, submitLabel, children }: Props) {
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
      {children(failed)}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-ink-900 px-4 py-2.5 font-bold text-white hover:bg-ink-800 disabled:opacity-60"
      >
        {submitLabel}
      </button>
    </form>
  );
}
