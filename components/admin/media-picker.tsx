'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { searchMediaAction } from '@/app/[locale]/admin/media/actions';
import type { MediaView } from '@/db/queries/views';
import { cardUrl, cardWidths } from '@/lib/media/card-crop';

export type PickedMedia = MediaView & { id: number };

interface Props {
  open: boolean;
  title: string;
  /** The first page of the library, as the editor page loaded it. */
  initial: MediaView[];
  selectedId?: number | null;
  onChoose: (m: PickedMedia) => void;
  onClose: () => void;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** The smallest 16:9 card variant: thumbnails look like the cards the image will make. */
export function thumbnailSrc(m: MediaView): string {
  return cardUrl(m, cardWidths(m)[0] ?? 480);
}

/**
 * The one image chooser of the editor (lead image and images inside the body): a modal dialog
 * with the searchable library, each thumbnail labelled with its alt text, and an upload area
 * (button, drag and drop, Ctrl+V) that asks for alt text, caption and credit right there, sends
 * the file through the checked upload route and chooses the new image at once.
 */
export function MediaPicker({ open, title, initial, selectedId, onChoose, onClose }: Props) {
  const t = useTranslations('Admin.media');
  const locale = useLocale();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<MediaView[]>(initial);
  const [searching, setSearching] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState('');
  const [text, setText] = useState({ alt: '', caption: '', credit: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [over, setOver] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // The search runs on the server (Arabic folding as in site search), a moment after typing stops.
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      setSearching(true);
      void searchMediaAction(query)
        .then((found) => current && setItems(found))
        .finally(() => current && setSearching(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, open]);

  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    // The preview URL belongs to this file and is released with it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  function take(candidate: File | undefined | null) {
    if (!candidate) return;
    setError('');
    setFile(candidate);
    // The alt text is asked next: focus it, so the keyboard goes straight on.
    setTimeout(() => altRef.current?.focus(), 0);
  }

  function discard() {
    setFile(null);
    setPreview('');
    setText({ alt: '', caption: '', credit: '' });
    setError('');
    if (fileRef.current) fileRef.current.value = '';
  }

  async function upload() {
    if (!file) return;
    if (!text.alt.trim()) {
      setError(t('errors.alt'));
      altRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const body = new FormData();
      body.set('file', file);
      body.set('alt', text.alt);
      body.set('caption', text.caption);
      body.set('credit', text.credit);
      const res = await fetch(`/api/media?locale=${locale}`, { method: 'POST', body });
      const json = (await res.json()) as PickedMedia & { message?: string };
      if (!res.ok) return setError(json.message ?? t('errors.broken'));
      setItems((list) => [json, ...list.filter((m) => m.id !== json.id)]);
      discard();
      onChoose(json);
    } catch {
      setError(t('errors.broken'));
    } finally {
      setBusy(false);
    }
  }

  const input = 'mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2';
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      onPaste={(e) => {
        const pasted = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
        if (pasted) {
          e.preventDefault();
          take(pasted);
        }
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files[0]);
      }}
      className="m-auto max-h-[92dvh] w-[min(56rem,calc(100vw-1rem))] overflow-y-auto rounded-md bg-white p-0 text-ink-950 shadow-xl backdrop:bg-black/50"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-rule bg-white px-4 py-3">
        <h2 id={`${ids}-title`} className="text-lg font-bold">
          {title}
        </h2>
        <button type="button" onClick={onClose} className="rounded px-3 py-1 font-semibold hover:bg-ink-100">
          {t('picker.close')}
        </button>
      </div>

      <div className="space-y-4 p-4">
        <section aria-labelledby={`${ids}-upload`} className="rounded border border-rule p-3">
          <h3 id={`${ids}-upload`} className="font-semibold">
            {t('picker.newImage')}
          </h3>
          {!file ? (
            <div
              className={`mt-2 rounded border-2 border-dashed p-4 text-center ${over ? 'border-ink-700 bg-ink-50' : 'border-gray-400'}`}
            >
              <p className="text-sm text-muted">{t('picker.dropOrPaste')}</p>
              <button
                type="button"
                onClick={() => fileRef.current?.click()}
                className="mt-2 rounded bg-ink-900 px-4 py-2 font-bold text-white"
              >
                {t('picker.chooseFile')}
              </button>
              <input
                ref={fileRef}
                type="file"
                accept={ACCEPT}
                className="sr-only"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => take(e.target.files?.[0])}
              />
            </div>
          ) : (
            <div className="mt-2 grid gap-3 sm:grid-cols-[10rem_1fr]">
              {preview && (
                // eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file
                <img src={preview} alt="" className="max-h-40 w-full rounded object-contain bg-ink-50" />
              )}
              <div className="space-y-2">
                <p className="text-sm text-muted">
                  <bdi>{file.name}</bdi>
                </p>
                <div>
                  <label htmlFor={`${ids}-alt`} className="font-semibold">
                    {t('alt')} <span aria-hidden="true">*</span>
                  </label>
                  <input
                    ref={altRef}
                    id={`${ids}-alt`}
                    dir="auto"
                    required
                    aria-required="true"
                    aria-invalid={error === t('errors.alt') || undefined}
                    maxLength={300}
                    className={input}
                    value={text.alt}
                    onChange={(e) => setText({ ...text, alt: e.target.value })}
                  />
                </div>
                <div className="grid gap-2 sm:grid-cols-2">
                  <div>
                    <label htmlFor={`${ids}-caption`} className="font-semibold">
                      {t('caption')}
                    </label>
                    <input
                      id={`${ids}-caption`}
                      dir="auto"
                      maxLength={500}
                      className={input}
                      value={text.caption}
                      onChange={(e) => setText({ ...text, caption: e.target.value })}
                    />
                  </div>
                  <div>
                    <label htmlFor={`${ids}-credit`} className="font-semibold">
                      {t('credit')}
                    </label>
                    <input
                      id={`${ids}-credit`}
                      dir="auto"
                      maxLength={200}
                      className={input}
                      value={text.credit}
                      onChange={(e) => setText({ ...text, credit: e.target.value })}
                    />
                  </div>
                </div>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void upload()}
                    className="rounded bg-ink-900 px-4 py-2 font-bold text-white disabled:opacity-50"
                  >
                    {busy ? t('uploading') : t('picker.uploadAndUse')}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={discard}
                    className="rounded border border-ink-900 px-4 py-2 font-semibold"
                  >
                    {t('picker.cancel')}
                  </button>
                </div>
              </div>
            </div>
          )}
          {error && (
            <p role="alert" className="mt-2 text-accent-700">
              {error}
            </p>
          )}
        </section>

        <section aria-labelledby={`${ids}-library`}>
          <h3 id={`${ids}-library`} className="font-semibold">
            {t('picker.library')}
          </h3>
          <label htmlFor={`${ids}-q`} className="mt-2 block text-sm">
            {t('search')}
          </label>
          <input
            id={`${ids}-q`}
            type="search"
            dir="auto"
            className={input}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p className="sr-only" role="status">
            {searching ? '' : items.length === 0 ? t(query ? 'noResults' : 'empty') : ''}
          </p>
          {items.length === 0 ? (
            <p className="mt-3 text-muted">{t(query ? 'noResults' : 'empty')}</p>
          ) : (
            <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4">
              {items.map((m) => (
                <li key={m.stem}>
                  <button
                    type="button"
                    aria-pressed={m.id === selectedId}
                    onClick={() => m.id && onChoose(m as PickedMedia)}
                    className="block w-full rounded border border-gray-300 p-1 text-start hover:border-ink-900 focus-visible:outline-2 focus-visible:outline-ink-900 aria-pressed:border-ink-900 aria-pressed:ring-2 aria-pressed:ring-ink-700"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- a stored 16:9 card variant */}
                    <img
                      src={thumbnailSrc(m)}
                      alt=""
                      width={16}
                      height={9}
                      loading="lazy"
                      className="block aspect-video h-auto w-full rounded-sm bg-ink-100 object-cover"
                    />
                    <span className="mt-1 block text-xs break-words" dir="auto">
                      {m.alt}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </dialog>
  );
}
