'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import {
  deleteMediaAction,
  setFocalPointAction,
  updateMediaTextAction,
  type DeleteMediaActionResult,
} from '@/app/[locale]/admin/media/actions';
import type { MediaLibraryItem } from '@/db/queries/media';
import { cardFallback, focalOf } from '@/lib/media/card-crop';
import { mediaFallbackSrc } from '@/lib/media/urls';
import { FocalPointPicker } from './focal-point-picker';

interface Props {
  item: MediaLibraryItem;
  canEdit: boolean;
  adminBase: string;
}

type Usage = Extract<DeleteMediaActionResult, { error: 'inUse' }>['usage'];

/** One image of the library: its label, its 16:9 card, and (for who may) focal point, text and delete. */
export function MediaLibraryItemCard({ item, canEdit, adminBase }: Props) {
  const t = useTranslations('Admin.media');
  const router = useRouter();
  const ids = useId();
  const [m, setM] = useState(item);
  const [text, setText] = useState({ alt: item.alt, caption: item.caption, credit: item.credit });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const focal = focalOf(m);
  const card = cardFallback(m, 480);

  const errorText = (error: string) =>
    t(
      `errors.${error === 'forbidden' ? 'forbiddenEdit' : error === 'session' || error === 'notFound' || error === 'broken' ? error : 'invalid'}`,
    );

  async function moveFocal(x: number, y: number) {
    setBusy(true);
    setMessage(null);
    const r = await setFocalPointAction({
      id: m.id,
      x: Math.min(1, Math.max(0, x)),
      y: Math.min(1, Math.max(0, y)),
    });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: errorText(r.error) });
    setM({ ...m, focalX: r.focalX, focalY: r.focalY });
    setMessage({ ok: true, text: t('library.focalSaved') });
  }

  async function saveText() {
    setBusy(true);
    setMessage(null);
    const r = await updateMediaTextAction({ id: m.id, ...text });
    setBusy(false);
    if (!r.ok)
      return setMessage({
        ok: false,
        text: 'reason' in r ? t(r.reason === 'alt' ? 'errors.alt' : 'errors.tooLong') : errorText(r.error),
      });
    setM({ ...m, ...text });
    setMessage({ ok: true, text: t('library.saved') });
  }

  async function remove() {
    setBusy(true);
    setMessage(null);
    const r = await deleteMediaAction(m.id);
    setBusy(false);
    setConfirming(false);
    if (r.ok) {
      setMessage({ ok: true, text: t('library.deleted') });
      router.refresh();
      return;
    }
    if (r.error === 'inUse') return setUsage(r.usage);
    setMessage({ ok: false, text: errorText(r.error) });
  }

  const input = 'mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2';
  return (
    <li className="rounded-md bg-white p-3 shadow-sm" aria-labelledby={`${ids}-alt`}>
      <FocalPointPicker
        src={mediaFallbackSrc(m, 480)}
        width={m.width}
        height={m.height}
        focal={focal}
        label={t('library.focalImage', { alt: m.alt })}
        describedBy={`${ids}-focal-help`}
        disabled={busy}
        readOnly={!canEdit}
        onMove={(p) => void moveFocal(p.x, p.y)}
      />
      <p id={`${ids}-alt`} className="mt-2 font-semibold" dir="auto">
        {m.alt}
      </p>
      <p className="text-xs text-muted">
        #{m.id} ·{' '}
        {t.rich('library.size', {
          width: m.width,
          height: m.height,
          // Width × height reads left to right in both editions.
          n: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
        })}
      </p>
      <figure className="mt-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- the 16:9 card variant */}
        <img
          src={card.src}
          alt=""
          width={card.width}
          height={card.height}
          className="block aspect-video h-auto w-40 rounded bg-ink-100 object-cover"
        />
        <figcaption className="text-xs text-muted">{t('library.cardPreview')}</figcaption>
      </figure>
      {canEdit ? (
        <>
          <p id={`${ids}-focal-help`} className="mt-2 text-xs text-muted">
            {t('library.focalHelp')}
          </p>
          <details className="mt-2" onToggle={(e) => setEditing(e.currentTarget.open)}>
            <summary className="cursor-pointer font-semibold">{t('library.edit')}</summary>
            {/* The fields exist while open: a library of a hundred images is not three hundred inputs. */}
            {editing && (
              <div className="mt-2 space-y-2">
                {(['alt', 'caption', 'credit'] as const).map((field) => (
                  <div key={field}>
                    <label htmlFor={`${ids}-${field}`} className="text-sm font-semibold">
                      {t(field)}
                    </label>
                    <input
                      id={`${ids}-${field}`}
                      dir="auto"
                      required={field === 'alt'}
                      maxLength={field === 'alt' ? 300 : field === 'caption' ? 500 : 200}
                      className={input}
                      value={text[field]}
                      onChange={(e) => setText({ ...text, [field]: e.target.value })}
                    />
                  </div>
                ))}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void saveText()}
                  className="rounded bg-ink-900 px-4 py-2 font-bold text-white disabled:opacity-50"
                >
                  {busy ? t('library.saving') : t('library.save')}
                </button>
              </div>
            )}
          </details>
          <div className="mt-3 border-t border-rule pt-2">
            {confirming ? (
              <div className="space-y-2">
                <p className="text-sm">{t('library.deleteConfirm')}</p>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void remove()}
                    className="rounded bg-accent-700 px-3 py-1 font-bold text-white"
                  >
                    {t('library.confirmDelete')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setConfirming(false)}
                    className="rounded border border-ink-900 px-3 py-1 font-semibold"
                  >
                    {t('picker.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                onClick={() => {
                  setUsage(null);
                  setConfirming(true);
                }}
                className="rounded px-3 py-1 font-semibold text-accent-700 hover:bg-ink-100"
              >
                {t('library.delete')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="mt-2 text-xs text-muted">{t('library.readOnly')}</p>
      )}
      {usage && (
        <div role="alert" className="mt-2 rounded bg-accent-50 p-2 text-sm">
          <p>{t('library.inUse')}</p>
          <ul className="mt-1 list-inside list-disc">
            {usage.map((a) => (
              <li key={a.id}>
                <a href={`${adminBase}/articles/${a.id}`} className="text-ink-700 underline">
                  <bdi>{a.title}</bdi>
                </a>{' '}
                ({t(a.asHero ? 'library.asHero' : 'library.inBody')})
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`mt-2 text-sm ${message.ok ? 'text-green-800' : 'text-accent-700'}`}
        >
          {message.text}
        </p>
      )}
    </li>
  );
}
