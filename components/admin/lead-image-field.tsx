'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setFocalPointAction } from '@/app/[locale]/admin/media/actions';
import type { MediaView } from '@/db/queries/views';
import { focalOf } from '@/lib/media/card-crop';
import { mediaFallbackSrc } from '@/lib/media/urls';
import { FocalPointPicker } from './focal-point-picker';
import { MediaPicker, thumbnailSrc, type PickedMedia } from './media-picker';

interface Props {
  media: MediaView[];
  value: number | null;
  onChange: (id: number | null) => void;
}

/** «الصورة الرئيسية»: the chosen image with its alt text, and the picker to change it. */
export function LeadImageField({ media, value, onChange }: Props) {
  const t = useTranslations('Admin.media');
  const [open, setOpen] = useState(false);
  // A picture uploaded or found by search is not in the page's first library page: keep it here.
  const [picked, setPicked] = useState<PickedMedia | null>(null);
  const [focusNote, setFocusNote] = useState<{ ok: boolean; text: string } | null>(null);
  const current =
    value === null ? null : picked?.id === value ? picked : (media.find((m) => m.id === value) ?? null);
  return (
    <>
      <fieldset>
        <legend className="font-semibold">{t('hero')}</legend>
        {current ? (
          <figure className="mt-1">
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored 16:9 card variant */}
            <img
              src={thumbnailSrc(current)}
              alt=""
              width={16}
              height={9}
              className="block aspect-video h-auto w-full rounded bg-ink-100 object-cover"
            />
            <figcaption className="mt-1 text-sm" dir="auto">
              {current.alt}
            </figcaption>
          </figure>
        ) : (
          <p className="mt-1 text-sm text-muted">{value === null ? t('none') : `#${value}`}</p>
        )}
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setOpen(true)}
            className="rounded border border-ink-900 px-3 py-1 font-semibold"
          >
            {value === null ? t('picker.choose') : t('picker.change')}
          </button>
          {value !== null && (
            <button
              type="button"
              onClick={() => onChange(null)}
              className="rounded px-3 py-1 font-semibold text-accent-700 hover:bg-ink-100"
            >
              {t('picker.remove')}
            </button>
          )}
        </div>
        {current?.id !== undefined && current && (
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-semibold">{t('library.focal')}</summary>
            <p className="my-1 text-xs text-muted">{t('library.focalHelp')}</p>
            <FocalPointPicker
              src={mediaFallbackSrc(current, 480)}
              width={current.width}
              height={current.height}
              focal={focalOf(current)}
              label={t('library.focalImage', { alt: current.alt })}
              onMove={async (p) => {
                setFocusNote(null);
                const r = await setFocalPointAction({ id: current.id!, ...p });
                if (!r.ok)
                  return setFocusNote({
                    ok: false,
                    text: t(r.error === 'forbidden' ? 'errors.forbiddenEdit' : 'errors.broken'),
                  });
                setPicked({ ...(current as PickedMedia), focalX: r.focalX, focalY: r.focalY });
                setFocusNote({ ok: true, text: t('library.focalSaved') });
              }}
            />
            {focusNote && (
              <p
                role={focusNote.ok ? 'status' : 'alert'}
                className={`mt-1 text-xs ${focusNote.ok ? 'text-green-800' : 'text-accent-700'}`}
              >
                {focusNote.text}
              </p>
            )}
          </details>
        )}
      </fieldset>
      <MediaPicker
        open={open}
        title={t('picker.heroTitle')}
        initial={media}
        selectedId={value}
        onClose={() => setOpen(false)}
        onChoose={(m) => {
          setPicked(m);
          onChange(m.id);
          setOpen(false);
        }}
      />
    </>
  );
}
