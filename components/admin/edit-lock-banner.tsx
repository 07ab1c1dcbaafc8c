'use client';

import { useTranslations } from 'next-intl';

export type LockView =
  /** Not known yet, or this tab holds the lock: nothing to say. */
  { kind: 'none' } | { kind: 'other'; name: string; self: boolean };

export type LostNotice = { name: string | null; revisionId: number | null };

interface Props {
  lock: LockView;
  lost: LostNotice | null;
  revisionsHref: string | null;
  busy: boolean;
  onTakeOver: () => void;
  onDismissLost: () => void;
}

/**
 * «يحرّره الآن»: someone else (or this person in another tab) has the story open. The lock is soft:
 * this tab may still edit and save (a stale save then shows the conflict view), or take over.
 */
export function EditLockBanner({ lock, lost, revisionsHref, busy, onTakeOver, onDismissLost }: Props) {
  const t = useTranslations('Admin.editor.lock');
  return (
    <>
      {lost && (
        <div
          role="alert"
          className="sticky top-2 z-10 space-y-1 rounded border border-accent-600 bg-accent-50 p-3 text-sm shadow-md"
        >
          <p className="font-bold">{lost.name ? t('lostTo', { name: lost.name }) : t('lost')}</p>
          {lost.revisionId !== null && (
            <p>
              {t('keptAsRevision')}{' '}
              {revisionsHref && (
                <a href={revisionsHref} className="font-semibold underline">
                  {t('openRevisions')}
                </a>
              )}
            </p>
          )}
          <button type="button" className="underline" onClick={onDismissLost}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {lock.kind === 'other' && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded border border-sky-600 bg-sky-50 p-3 text-sm"
        >
          <span>
            {lock.self ? (
              t('selfOtherTab')
            ) : (
              <>
                {t('heldBy')} <bdi className="font-bold">{lock.name}</bdi>
              </>
            )}
          </span>
          <span className="text-muted">{t('softHint')}</span>
          <button
            type="button"
            disabled={busy}
            onClick={onTakeOver}
            className="rounded border border-ink-900 px-3 py-1 font-bold disabled:opacity-50"
          >
            {t('takeOver')}
          </button>
        </div>
      )}
    </>
  );
}
