'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { TransitionResult } from '@/app/[locale]/admin/articles/actions';
import { DateTimeField } from '@/components/ui/date-time-field';
import { parseWallClockValue } from '@/lib/time/site-zone';
import { ConfirmDialog } from './confirm-dialog';
import { PreviewLink } from './preview-link';

export type EditorTransition =
  'submit' | 'publish' | 'schedule' | 'unschedule' | 'unpublish' | 'archive' | 'return' | 'delete';

export type EditorTransitionFn = (
  id: number,
  t: EditorTransition,
  at?: string,
  note?: string,
) => Promise<TransitionResult>;

/** Steps that change what readers see: each asks once before it runs. */
type Confirmed = 'publish' | 'unpublish' | 'delete' | 'return';

export interface EditorSchedule {
  /** The scheduled time as the site's wall clock ("2026-12-02T22:00"), '' when not scheduled. */
  at: string;
  /** When it went (or goes) live, same format; '' when never. */
  publishedAt: string;
  /** «بتوقيت دمشق» */
  zoneLabel: string;
}

interface Props {
  articleId: number | null;
  status: string;
  /** The new status and the article version the step produced. */
  onStatus: (status: string, version: number) => void;
  dirty: boolean;
  ready: boolean;
  /** Saves what is unsaved (or a new story) first; null when that save failed. */
  ensureSaved: () => Promise<number | null>;
  transition: EditorTransitionFn;
  permissions: { publish: boolean; delete: boolean };
  schedule: EditorSchedule;
  adminBase: string;
}

/** "الأربعاء 2 كانون الأول 2026، 22:00": a site-time wall clock as words (no zone arithmetic). */
function formatWallClock(value: string, locale: string): string {
  const w = parseWallClockValue(value);
  if (!w) return value;
  const asUtc = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-SY-u-ca-gregory-nu-latn' : 'en-GB-u-ca-gregory', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(asUtc);
}

/**
 * The editor's status and workflow: submit, publish, schedule (in the site's time zone), change or
 * cancel a schedule, unpublish, and — set apart — delete. Live steps ask once in a dialog.
 */
export function EditorPublishPanel({
  articleId,
  status,
  onStatus,
  dirty,
  ready,
  ensureSaved,
  transition,
  permissions,
  schedule,
  adminBase,
}: Props) {
  const t = useTranslations('Admin.editor');
  const tp = useTranslations('Admin.publish');
  const td = useTranslations('DateField');
  const locale = useLocale();
  const router = useRouter();
  const [scheduledAt, setScheduledAt] = useState(schedule.at);
  const [scheduleInput, setScheduleInput] = useState(schedule.at);
  const [publishedAt, setPublishedAt] = useState(schedule.publishedAt);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<Confirmed | null>(null);
  const [note, setNote] = useState('');

  const run = useCallback(
    async (step: EditorTransition) => {
      setBusy(true);
      setMessage(null);
      try {
        const id = await ensureSaved();
        if (id === null) return;
        const result = await transition(
          id,
          step,
          step === 'schedule' ? scheduleInput : undefined,
          step === 'return' ? note : undefined,
        );
        if (!result.ok) return setMessage({ kind: 'error', text: t(`failed.${result.error}`) });
        if (step === 'delete') return router.push(`${adminBase}/articles?trashed=${id}`);
        onStatus(result.status, result.version);
        if (step === 'schedule') setScheduledAt(scheduleInput);
        if (step === 'unschedule') {
          setScheduledAt('');
          setScheduleInput('');
        }
        if (step === 'publish' && result.publishedAt) setPublishedAt(result.publishedAt);
        if (step === 'return') setNote('');
        setMessage({
          kind: 'ok',
          text:
            step === 'schedule'
              ? tp('scheduledFor', { when: formatWallClock(scheduleInput, locale), zone: schedule.zoneLabel })
              : tp(`done.${step}`),
        });
      } catch {
        setMessage({ kind: 'error', text: t('failed.network') });
      } finally {
        setBusy(false);
      }
    },
    [
      ensureSaved,
      transition,
      scheduleInput,
      note,
      t,
      tp,
      router,
      adminBase,
      onStatus,
      locale,
      schedule.zoneLabel,
    ],
  );

  const ask = (step: Confirmed) => setConfirming(step);
  const wantsConfirm = (step: 'publish' | 'unpublish') =>
    // CASE: publishing always shows the story to readers; unpublishing a scheduled one does not.
    step === 'publish' || status === 'published';

  // Ctrl+Shift+P publishes, through the same confirmation as the button.
  useEffect(() => {
    if (!permissions.publish) return;
    const keys = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'p' && status !== 'published') {
        e.preventDefault();
        setConfirming('publish');
      }
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [permissions.publish, status]);

  const button = 'rounded px-4 py-2 font-bold disabled:opacity-50';
  const disabled = busy || !ready;
  const scheduled = status === 'scheduled';

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {t('status')}: <strong>{t(`statuses.${status}`)}</strong>
          {dirty && <span className="ms-2 text-accent-700">· {t('unsaved')}</span>}
        </p>
        {/* A saved story (new ones too, once their first save gave them an id) can be previewed. */}
        {articleId !== null && (
          <PreviewLink
            href={`${adminBase}/articles/${articleId}/preview`}
            label={t('preview')}
            newTabHint={t('newTab')}
          />
        )}
      </div>
      {scheduled && scheduledAt && (
        <p className="text-sm">
          {tp('scheduledFor', { when: formatWallClock(scheduledAt, locale), zone: schedule.zoneLabel })}
        </p>
      )}
      {status === 'published' && publishedAt && (
        <p className="text-sm text-muted">
          {tp('publishedAt', { when: formatWallClock(publishedAt, locale), zone: schedule.zoneLabel })}
        </p>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'text-sm text-accent-700' : 'text-sm text-green-800'}
        >
          {message.text}
        </p>
      )}

      <div className="flex flex-wrap gap-2" role="group" aria-label={tp('workflow')}>
        {!permissions.publish && status === 'draft' && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => void run('submit')}
            className={`${button} border border-ink-900`}
          >
            {t('submit')}
          </button>
        )}
        {permissions.publish && status !== 'published' && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => (wantsConfirm('publish') ? ask('publish') : void run('publish'))}
            className={`${button} bg-accent-600 text-white`}
          >
            {t('publish')}
          </button>
        )}
        {permissions.publish && status === 'review' && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => ask('return')}
            className={`${button} border border-ink-900`}
          >
            {tp('return')}
          </button>
        )}
        {permissions.publish && scheduled && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => void run('unschedule')}
            className={`${button} border border-ink-900`}
          >
            {tp('unschedule')}
          </button>
        )}
        {permissions.publish && status === 'published' && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => ask('unpublish')}
            className={`${button} border border-ink-900`}
          >
            {t('unpublish')}
          </button>
        )}
      </div>

      {permissions.publish && status !== 'published' && (
        <div className="space-y-2 border-t border-rule pt-3">
          <DateTimeField
            legend={t('scheduleAt')}
            zoneLabel={schedule.zoneLabel}
            labels={{
              day: td('day'),
              month: td('month'),
              year: td('year'),
              hour: td('hour'),
              minute: td('minute'),
              hint: td('timeHint'),
            }}
            locale={locale}
            value={scheduleInput}
            onChange={setScheduleInput}
            disabled={busy}
          />
          <button
            type="button"
            disabled={!scheduleInput || disabled || scheduleInput === scheduledAt}
            onClick={() => void run('schedule')}
            className={`${button} border border-ink-900`}
          >
            {scheduled ? tp('reschedule') : t('schedule')}
          </button>
        </div>
      )}

      {permissions.delete && articleId !== null && (
        <div className="border-t border-rule pt-3" role="group" aria-label={tp('danger')}>
          <button
            type="button"
            disabled={disabled}
            onClick={() => ask('delete')}
            className={`${button} border border-accent-700 text-accent-700 hover:bg-accent-50`}
          >
            {t('delete')}
          </button>
          <p className="mt-1 text-xs text-muted">{tp('deleteHint')}</p>
        </div>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? tp(`confirm.${confirming}.title`) : ''}
        body={confirming ? tp(`confirm.${confirming}.body`) : ''}
        confirmLabel={confirming ? tp(`confirm.${confirming}.ok`) : ''}
        cancelLabel={tp('cancel')}
        danger={confirming === 'delete' || confirming === 'unpublish'}
        confirmDisabled={confirming === 'return' && note.trim() === ''}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const step = confirming;
          setConfirming(null);
          if (step) void run(step);
        }}
      >
        {confirming === 'return' && (
          <div className="mt-3">
            <label htmlFor="return-note" className="text-sm font-semibold">
              {tp('returnNote')}
            </label>
            <textarea
              id="return-note"
              dir="auto"
              rows={4}
              maxLength={1000}
              required
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className="mt-1 block w-full rounded border border-gray-400 px-3 py-2"
            />
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}
