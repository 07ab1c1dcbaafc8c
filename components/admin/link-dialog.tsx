'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { normaliseLinkInput } from '@/lib/admin/link-url';

interface Props {
  open: boolean;
  /** The link under the cursor, when there is one (the dialog then offers to remove it). */
  currentHref: string;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

/**
 * A small modal for a link in the story: a native <dialog> (focus moves in and back, Escape
 * closes), one address field that takes «www.…» and bare domains, and a clear refusal of other
 * schemes. Replaces window.prompt, which had no validation, no removal and no Arabic labels.
 */
export function LinkDialog({ open, currentHref, onApply, onRemove, onClose }: Props) {
  const t = useTranslations('Admin.editor.linkDialog');
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [value, setValue] = useState(currentHref);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValue(currentHref);
      setError(null);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, currentHref]);

  const apply = () => {
    const result = normaliseLinkInput(value);
    if (!result.ok) {
      setError(t(`errors.${result.error}`));
      return;
    }
    onApply(result.href);
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-md bg-white p-5 shadow-xl backdrop:bg-ink-950/40"
    >
      {/* A <form method="dialog"> would submit the story's own form around it; buttons do the work. */}
      <h2 id={`${id}-title`} className="text-lg font-bold text-ink-950">
        {currentHref ? t('editTitle') : t('addTitle')}
      </h2>
      <label htmlFor={`${id}-href`} className="mt-3 block text-sm font-semibold text-ink-900">
        {t('address')}
      </label>
      <input
        id={`${id}-href`}
        type="text"
        inputMode="url"
        dir="ltr"
        autoComplete="off"
        value={value}
        placeholder="www.example.com"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          // Enter applies the link instead of submitting the story's form.
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
        className="mt-1 block w-full rounded border border-gray-400 px-3 py-2"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
        {t('hint')}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-accent-700">
          {error}
        </p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={apply}
          className="rounded bg-ink-900 px-4 py-2 font-semibold text-white"
        >
          {t('apply')}
        </button>
        {currentHref && (
          <button
            type="button"
            onClick={onRemove}
            className="rounded border border-accent-600 px-4 py-2 font-semibold text-accent-700"
          >
            {t('remove')}
          </button>
        )}
        <button type="button" onClick={onClose} className="rounded border border-ink-900 px-4 py-2">
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
