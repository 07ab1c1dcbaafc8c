'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';

/** Upload by button or drag-and-drop; alt text is required before the image exists. */
export function MediaUploader({ locale }: { locale: string }) {
  const t = useTranslations('Admin.media');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [over, setOver] = useState(false);

  async function upload(form: HTMLFormElement) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/media?locale=${locale}`, { method: 'POST', body: new FormData(form) });
      const json = (await res.json()) as { message?: string };
      if (!res.ok) return setMessage({ ok: false, text: json.message ?? String(res.status) });
      form.reset();
      setFileName('');
      setMessage({ ok: true, text: t('uploaded') });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: t('errors.broken') });
    } finally {
      setBusy(false);
    }
  }

  const input = 'mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2';
  return (
    <form
      ref={formRef}
      className="space-y-3 rounded-md bg-white p-4 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void upload(e.currentTarget);
      }}
    >
      <h2 className="text-lg font-bold">{t('upload')}</h2>
      <label
        htmlFor="file"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (fileRef.current && e.dataTransfer.files.length) {
            fileRef.current.files = e.dataTransfer.files;
            setFileName(e.dataTransfer.files[0]!.name);
          }
        }}
        className={`block cursor-pointer rounded border-2 border-dashed p-6 text-center ${over ? 'border-ink-700 bg-ink-50' : 'border-gray-400'}`}
      >
        {fileName ? <bdi>{fileName}</bdi> : t('drop')}
      </label>
      <input
        ref={fileRef}
        id="file"
        name="file"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        className="sr-only"
        required
        onChange={(e) => setFileName(e.target.files?.[0]?.name ?? '')}
      />
      <div>
        <label htmlFor="alt" className="font-semibold">
          {t('alt')}
        </label>
        <input id="alt" name="alt" dir="auto" required maxLength={300} className={input} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="caption" className="font-semibold">
            {t('caption')}
          </label>
          <input id="caption" name="caption" dir="auto" maxLength={500} className={input} />
        </div>
        <div>
          <label htmlFor="credit" className="font-semibold">
            {t('credit')}
          </label>
          <input
            id="credit"
            name="credit"
            dir="auto"
            maxLength={200}
            aria-describedby="credit-hint"
            className={input}
          />
          <p id="credit-hint" className="mt-1 text-xs text-muted">
            {t('creditHint')}
          </p>
        </div>
      </div>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'text-green-800' : 'text-accent-700'}
        >
          {message.text}
        </p>
      )}
      <button
        disabled={busy}
        className="rounded bg-ink-900 px-4 py-2 font-bold text-white disabled:opacity-50"
      >
        {busy ? t('uploading') : t('upload')}
      </button>
    </form>
  );
}
