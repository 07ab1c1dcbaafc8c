'use client';

import { useTranslations } from 'next-intl';

interface Props {
  /** The field's id: the counter is `${id}-count`, for the field's aria-describedby. */
  id: string;
  value: string;
  max: number;
}

/**
 * «42 من 300 حرف» under a limited field. Over the limit it says by how much, in red; the field
 * itself has no maxLength, which would silently cut a pasted paragraph: nothing typed is lost.
 * Counts as the server does (trimmed, UTF-16 units), so the counter and the refusal agree.
 */
export function CharCount({ id, value, max }: Props) {
  const t = useTranslations('Admin.editor.counter');
  const used = value.trim().length;
  const over = used - max;
  return (
    <p
      id={`${id}-count`}
      className={`mt-1 text-xs ${over > 0 ? 'font-semibold text-accent-700' : 'text-muted'}`}
    >
      {t('used', { used, count: max, max })}
      {over > 0 && ` — ${t('over', { count: over, n: over })}`}
    </p>
  );
}
