'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { FormState, LinkFormState } from '@/lib/forms';
import { Field } from './field';

const ROLES = ['admin', 'editor', 'writer'] as const;
type Failed = Extract<FormState, { ok: false }>;

function AccountFields({ failed, prefix }: { failed: Failed | null; prefix: string }) {
  const t = useTranslations('Admin');
  return (
    <>
      <Field
        name="name"
        id={`${prefix}-name`}
        label={t('users.name')}
        dir="auto"
        required
        maxLength={120}
        defaultValue={failed?.values.name ?? ''}
        error={failed?.fieldErrors.name}
      />
      <Field
        name="email"
        id={`${prefix}-email`}
        type="email"
        label={t('users.email')}
        dir="ltr"
        required
        defaultValue={failed?.values.email ?? ''}
        error={failed?.fieldErrors.email}
      />
      <div>
        <label htmlFor={`${prefix}-role`} className="block text-sm font-semibold text-ink-900">
          {t('users.role')}
        </label>
        <select
          id={`${prefix}-role`}
          name="role"
          defaultValue={failed?.values.role || 'writer'}
          className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

const submit = 'rounded bg-ink-900 px-4 py-2 font-semibold text-white hover:bg-ink-800 disabled:opacity-60';

/** A new account with a password the admin types; a refused password keeps the rest. */
export function UserCreateForm({
  action,
  locale,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  locale: string;
}) {
  const t = useTranslations('Admin.users');
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate className="grid items-start gap-3 sm:grid-cols-2">
      <input type="hidden" name="locale" value={locale} />
      <AccountFields failed={failed} prefix="create" />
      <Field
        name="password"
        id="create-password"
        type="password"
        label={t('password')}
        autoComplete="new-password"
        dir="ltr"
        required
        error={failed?.fieldErrors.password}
      />
      <div className="sm:col-span-2">
        <button disabled={pending} className={submit}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}

/** The one-time link an action made, shown once, ready to copy. */
function LinkResult({ link, hint }: { link: string; hint: string }) {
  const id = useId();
  return (
    <div role="status" className="rounded border border-green-700 bg-green-50 p-3 text-sm">
      <label htmlFor={id} className="block font-semibold text-green-900">
        {hint}
      </label>
      <input
        id={id}
        readOnly
        value={link}
        dir="ltr"
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-2 py-1 font-mono text-xs"
      />
    </div>
  );
}

/** Invite someone: their account waits for them to choose a password from a one-time link. */
export function InviteForm({
  action,
  locale,
}: {
  action: (prev: LinkFormState, data: FormData) => Promise<LinkFormState>;
  locale: string;
}) {
  const t = useTranslations('Admin.users');
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate className="grid items-start gap-3 sm:grid-cols-2">
      <input type="hidden" name="locale" value={locale} />
      {state?.ok && (
        <div className="sm:col-span-2">
          <LinkResult link={state.link} hint={t('inviteLink')} />
        </div>
      )}
      <AccountFields failed={failed} prefix="invite" />
      <div className="self-end">
        <button disabled={pending} className={submit}>
          {t('invite')}
        </button>
      </div>
    </form>
  );
}

/** A password reset link for one account. */
export function ResetLinkForm({
  action,
  locale,
  userId,
  userName,
}: {
  action: (prev: LinkFormState, data: FormData) => Promise<LinkFormState>;
  locale: string;
  userId: number;
  userName: string;
}) {
  const t = useTranslations('Admin.users');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={userId} />
      <button
        disabled={pending}
        aria-label={`${t('resetLink')}: ${userName}`}
        className="rounded border border-ink-900 px-2 py-1"
      >
        {t('resetLink')}
      </button>
      {state?.ok && (
        <div className="basis-full">
          <LinkResult link={state.link} hint={t('resetLinkHint', { name: userName })} />
        </div>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-accent-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
