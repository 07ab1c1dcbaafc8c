'use client';

import { useActionState } from 'react';

type State = {
  status: 'saved' | 'invalid';
  fieldErrors: Partial<Record<'title' | 'body', string>>;
  values: { title: string; body: string };
} | null;

interface Props {
  action: (prev: State, data: FormData) => Promise<State>;
  /** The newsroom's language (messages, redirects). */
  locale: string;
  slug: string;
  edition: 'ar' | 'en';
  name: string;
  initial: { title: string; body: string };
  labels: { title: string; body: string; bodyHelp: string; save: string; saved: string; view: string };
  viewHref: string;
}

/** One edition of one site page: its title and HTML body; keeps what was typed on an error. */
export function StaticPageForm({ action, locale, slug, edition, name, initial, labels, viewHref }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? initial;
  const errors = state?.fieldErrors ?? {};
  const id = `page-${slug}-${edition}`;
  const dir = edition === 'ar' ? 'rtl' : 'ltr';
  return (
    <form
      action={formAction}
      aria-label={name}
      className="space-y-3 rounded-md bg-white p-4 shadow-sm"
      noValidate
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="edition" value={edition} />
      <h3 className="font-bold text-ink-900">{name}</h3>
      <div>
        <label htmlFor={`${id}-title`} className="block text-sm font-semibold text-ink-900">
          {labels.title}
        </label>
        <input
          // A new key after each answer: the fields show what the server kept or refused.
          key={`t-${JSON.stringify(state)}`}
          id={`${id}-title`}
          name="title"
          dir={dir}
          lang={edition}
          defaultValue={values.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900"
        />
        {errors.title && (
          <p id={`${id}-title-error`} className="mt-1 text-sm text-accent-700">
            {errors.title}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block text-sm font-semibold text-ink-900">
          {labels.body}
        </label>
        <p id={`${id}-body-help`} className="text-xs text-muted">
          {labels.bodyHelp}
        </p>
        <textarea
          key={`b-${JSON.stringify(state)}`}
          id={`${id}-body`}
          name="body"
          // HTML source reads left to right (its tags are Latin); Arabic runs inside stay RTL.
          dir="ltr"
          lang={edition}
          rows={10}
          defaultValue={values.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-body-help${errors.body ? ` ${id}-body-error` : ''}`}
          className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-sm text-gray-900"
        />
        {errors.body && (
          <p id={`${id}-body-error`} className="mt-1 text-sm text-accent-700">
            {errors.body}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-ink-900 px-4 py-2 font-bold text-white hover:bg-ink-800 disabled:opacity-60"
        >
          {labels.save}
        </button>
        <a href={viewHref} className="text-sm font-semibold text-ink-700 underline">
          {labels.view}
        </a>
        {state?.status === 'saved' && (
          <p role="status" className="text-sm text-green-800">
            {labels.saved}
          </p>
        )}
      </div>
    </form>
  );
}
