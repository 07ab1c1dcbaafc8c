'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult, TransitionResult } from '@/app/[locale]/admin/articles/actions';
import type { ArticleDraftInput } from '@/lib/articles/input';
import { ARTICLE_LIMITS, type LimitedField } from '@/lib/articles/limits';
import { slugify } from '@/lib/arabic/slug';
import { readingMinutes } from '@/lib/text';
import type { MediaView } from '@/db/queries/views';
import { HeroImage } from '@/components/site/hero-image';
import { CharCount } from './char-count';
import { RichText } from './rich-text';

type Transition = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'delete';

interface Props {
  initial: ArticleDraftInput;
  status: string;
  updatedAt: string | null;
  /** The story linked as this one's translation when the page was loaded. */
  linkedTranslation: { id: number; title: string; status: string } | null;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  tagNames: string[];
  media: MediaView[];
  permissions: { publish: boolean; editAny: boolean; delete: boolean };
  adminBase: string;
  save: (input: ArticleDraftInput) => Promise<SaveResult>;
  transition: (id: number, t: Transition, at?: string) => Promise<TransitionResult>;
  /** Told once, when a new story's first save gives it an id (the page then shows its links). */
  onFirstSave?: (id: number) => void;
}

const AUTOSAVE_MS = 15_000;

/** The story editor. Every change is also kept in localStorage until the server confirms a save. */
export function ArticleEditor({
  initial,
  status: initialStatus,
  updatedAt,
  linkedTranslation,
  sections,
  people,
  tagNames,
  media,
  permissions,
  adminBase,
  onFirstSave,
  save,
  transition,
}: Props) {
  const t = useTranslations('Admin.editor');
  const router = useRouter();
  const terr = useTranslations('Admin.errors');
  const tm = useTranslations('Admin.media');
  const [values, setValues] = useState<ArticleDraftInput>(initial);
  const [status, setStatus] = useState(initialStatus);
  const [tagsText, setTagsText] = useState(initial.tags.join('، '));
  const [words, setWords] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [restorable, setRestorable] = useState<ArticleDraftInput | null>(null);
  const [scheduleAt, setScheduleAt] = useState('');
  // Buttons wait for the editor: a click before hydration would otherwise do nothing at all.
  const [ready, setReady] = useState(false);
  const slugTouched = useRef(Boolean(initial.slug));
  const backupKey = `midad:draft:${values.id ?? 'new'}`;
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  }, [values]);

  // Offer a copy that never reached the server (failed save, expired session, closed tab).
  useEffect(() => {
    try {
      const raw = localStorage.getItem(backupKey);
      if (!raw) return;
      const saved = JSON.parse(raw) as { at: string; values: ArticleDraftInput };
      // localStorage exists only in the browser, after hydration: reading it here is the point.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (!updatedAt || saved.at > updatedAt) setRestorable(saved.values);
    } catch {
      // an unreadable backup is no backup
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = useCallback((patch: Partial<ArticleDraftInput>) => {
    setValues((v) => {
      const next = { ...v, ...patch };
      if (patch.title !== undefined && !slugTouched.current) next.slug = slugify(patch.title);
      try {
        localStorage.setItem(
          `midad:draft:${next.id ?? 'new'}`,
          JSON.stringify({ at: new Date().toISOString(), values: next }),
        );
      } catch {
        // storage full or disabled: the server save still works
      }
      return next;
    });
    setDirty(true);
  }, []);

  const doSave = useCallback(async (): Promise<number | null> => {
    setSaving(true);
    setMessage(null);
    try {
      const current = valuesRef.current;
      const result = await save(current);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ kind: 'error', text: t(`failed.${result.error}`) });
        return null;
      }
      setFieldErrors({});
      localStorage.removeItem(`midad:draft:${current.id ?? 'new'}`);
      setValues((v) => ({ ...v, id: result.id, slug: result.slug }));
      setDirty(false);
      setMessage({ kind: 'ok', text: t('saved', { time: new Date(result.savedAt).toLocaleTimeString() }) });
      if (current.id === null) {
        window.history.replaceState(null, '', `${adminBase}/articles/${result.id}`);
        onFirstSave?.(result.id);
      }
      return result.id;
    } catch {
      setMessage({ kind: 'error', text: t('failed.network') });
      return null;
    } finally {
      setSaving(false);
    }
  }, [save, t, adminBase, onFirstSave]);

  const doTransition = useCallback(
    async (step: Transition) => {
      if (step === 'delete' && !window.confirm(t('confirmDelete'))) return;
      const id = dirty || valuesRef.current.id === null ? await doSave() : valuesRef.current.id;
      if (id === null) return;
      try {
        const result = await transition(
          id,
          step,
          step === 'schedule' && scheduleAt ? new Date(scheduleAt).toISOString() : undefined,
        );
        if (!result.ok) return setMessage({ kind: 'error', text: t(`failed.${result.error}`) });
        if (step === 'delete') return router.push(`${adminBase}/articles`);
        setStatus(result.status);
        setMessage({ kind: 'ok', text: t(`statuses.${result.status}`) });
      } catch {
        setMessage({ kind: 'error', text: t('failed.network') });
      }
    },
    [dirty, doSave, transition, scheduleAt, t, adminBase, router],
  );

  // Autosave drafts; a live story changes only when someone presses save.
  useEffect(() => {
    if (!dirty || saving || (status !== 'draft' && status !== 'review')) return;
    const timer = setTimeout(() => void doSave(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, saving, status, values, doSave]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    const keys = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        void doSave();
      } else if (e.shiftKey && e.key.toLowerCase() === 'p' && permissions.publish) {
        e.preventDefault();
        void doTransition('publish');
      }
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('keydown', keys);
    };
  }, [dirty, doSave, doTransition, permissions.publish]);

  const input = 'mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2';
  const limit = (name: string) => (name in ARTICLE_LIMITS ? ARTICLE_LIMITS[name as LimitedField] : null);
  const err = (name: string) =>
    fieldErrors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-sm text-accent-700">
        {/* A too-long field names its limit: «العنوان أطول من 300 حرف». */}
        {fieldErrors[name] === 'tooLong' && limit(name)
          ? t('tooLongField', { field: t(name), count: limit(name)!, max: limit(name)! })
          : terr(fieldErrors[name]!)}
      </p>
    ) : null;
  const aria = (name: string) => {
    const described = [fieldErrors[name] && `${name}-error`, limit(name) && `${name}-count`].filter(Boolean);
    return {
      ...(fieldErrors[name] ? { 'aria-invalid': true } : {}),
      ...(described.length ? { 'aria-describedby': described.join(' ') } : {}),
    };
  };
  const counter = (name: LimitedField) => (
    <CharCount id={name} value={String(values[name] ?? '')} max={ARTICLE_LIMITS[name]} />
  );
  const dir = values.locale === 'ar' ? 'rtl' : 'ltr';
  const button = 'rounded px-4 py-2 font-bold disabled:opacity-50';

  return (
    <div className="grid gap-6 lg:grid-cols-12">
      <div className="space-y-5 lg:col-span-8">
        {restorable && (
          <div
            role="status"
            className="flex flex-wrap items-center gap-3 rounded border border-amber-500 bg-amber-50 p-3 text-sm"
          >
            <span>{t('restoreBanner')}</span>
            <button
              type="button"
              className="font-bold underline"
              onClick={() => {
                setValues(restorable);
                setTagsText(restorable.tags.join('، '));
                setRestorable(null);
                setDirty(true);
              }}
            >
              {t('restore')}
            </button>
            <button
              type="button"
              className="underline"
              onClick={() => {
                localStorage.removeItem(backupKey);
                setRestorable(null);
              }}
            >
              {t('discard')}
            </button>
          </div>
        )}
        <div>
          <label htmlFor="title" className="font-semibold">
            {t('title')}
          </label>
          <input
            id="title"
            dir="auto"
            className={`${input} text-xl font-bold`}
            value={values.title}
            onChange={(e) => update({ title: e.target.value })}
            {...aria('title')}
          />
          {err('title')}
          {counter('title')}
        </div>
        <div>
          <label htmlFor="slug" className="font-semibold">
            {t('slug')}
          </label>
          <input
            id="slug"
            dir="auto"
            className={input}
            value={values.slug}
            onChange={(e) => {
              slugTouched.current = true;
              update({ slug: e.target.value });
            }}
            {...aria('slug')}
          />
          {err('slug')}
          {counter('slug')}
        </div>
        <div>
          <label htmlFor="dek" className="font-semibold">
            {t('dek')}
          </label>
          <textarea
            id="dek"
            dir="auto"
            rows={3}
            className={input}
            value={values.dek}
            onChange={(e) => update({ dek: e.target.value })}
            {...aria('dek')}
          />
          {err('dek')}
          {counter('dek')}
        </div>
        <div>
          <p className="mb-1 font-semibold">{t('body')}</p>
          <RichText
            initialHtml={initial.body}
            media={media}
            dir={dir}
            label={t('body')}
            onChange={(html, n, initial) => {
              setWords(n);
              // The editor's first rendering of the stored body is not a change by the user.
              if (initial) {
                setValues((v) => ({ ...v, body: html }));
                setReady(true);
              } else if (html !== valuesRef.current.body) update({ body: html });
            }}
          />
          <p className="mt-1 text-sm text-muted">
            {t('words', { count: words, n: words })} ·{' '}
            {t('readingTime', {
              count: Math.max(1, readingMinutes(words)),
              n: Math.max(1, readingMinutes(words)),
            })}{' '}
            · {t('shortcuts')}
          </p>
          {err('body')}
        </div>
      </div>

      <aside className="space-y-4 lg:col-span-4">
        <div className="space-y-3 rounded-md bg-white p-4 shadow-sm">
          <p className="text-sm">
            {t('status')}: <strong>{t(`statuses.${status}`)}</strong>
            {dirty && <span className="ms-2 text-accent-700">· {t('unsaved')}</span>}
          </p>
          {message && (
            <p
              role={message.kind === 'error' ? 'alert' : 'status'}
              className={message.kind === 'error' ? 'text-sm text-accent-700' : 'text-sm text-green-800'}
            >
              {message.text}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={saving || !ready}
              onClick={() => void doSave()}
              className={`${button} bg-ink-900 text-white`}
            >
              {saving ? t('saving') : t('save')}
            </button>
            {!permissions.publish && status === 'draft' && (
              <button
                type="button"
                disabled={!ready}
                onClick={() => void doTransition('submit')}
                className={`${button} border border-ink-900`}
              >
                {t('submit')}
              </button>
            )}
            {permissions.publish && status !== 'published' && (
              <button
                type="button"
                disabled={!ready}
                onClick={() => void doTransition('publish')}
                className={`${button} bg-accent-600 text-white`}
              >
                {t('publish')}
              </button>
            )}
            {permissions.publish && (status === 'published' || status === 'scheduled') && (
              <button
                type="button"
                disabled={!ready}
                onClick={() => void doTransition('unpublish')}
                className={`${button} border border-ink-900`}
              >
                {t('unpublish')}
              </button>
            )}
            {permissions.delete && values.id !== null && (
              <button
                type="button"
                disabled={!ready}
                onClick={() => void doTransition('delete')}
                className={`${button} text-accent-700 underline`}
              >
                {t('delete')}
              </button>
            )}
          </div>
          {permissions.publish && status !== 'published' && (
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="scheduleAt" className="text-sm font-semibold">
                  {t('scheduleAt')}
                </label>
                <input
                  id="scheduleAt"
                  type="datetime-local"
                  className={input}
                  value={scheduleAt}
                  onChange={(e) => setScheduleAt(e.target.value)}
                />
              </div>
              <button
                type="button"
                disabled={!scheduleAt || !ready}
                onClick={() => void doTransition('schedule')}
                className={`${button} border border-ink-900`}
              >
                {t('schedule')}
              </button>
            </div>
          )}
        </div>

        <div className="space-y-3 rounded-md bg-white p-4 shadow-sm">
          <fieldset>
            <legend className="font-semibold">{tm('hero')}</legend>
            <div className="mt-1 grid max-h-56 grid-cols-3 gap-2 overflow-y-auto">
              <label className="flex items-center justify-center rounded border border-gray-300 p-1 text-xs has-[:checked]:border-ink-900 has-[:checked]:ring-2 has-[:checked]:ring-ink-700">
                <input
                  type="radio"
                  name="hero"
                  className="sr-only"
                  checked={values.heroMediaId === null}
                  onChange={() => update({ heroMediaId: null })}
                />
                {tm('none')}
              </label>
              {media.map((m) => (
                <label
                  key={m.stem}
                  className="rounded border border-gray-300 p-1 has-[:checked]:border-ink-900 has-[:checked]:ring-2 has-[:checked]:ring-ink-700"
                >
                  <input
                    type="radio"
                    name="hero"
                    className="sr-only"
                    checked={values.heroMediaId === m.id}
                    onChange={() => update({ heroMediaId: m.id ?? null })}
                  />
                  <HeroImage image={m} sizes="96px" />
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="sectionId" className="font-semibold">
              {t('section')}
            </label>
            <select
              id="sectionId"
              className={input}
              value={values.sectionId || ''}
              onChange={(e) => update({ sectionId: Number(e.target.value) })}
              {...aria('sectionId')}
            >
              <option value="">{t('chooseSection')}</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {err('sectionId')}
          </div>
          <div>
            <label htmlFor="tags" className="font-semibold">
              {t('tags')}
            </label>
            <input
              id="tags"
              dir="auto"
              list="tag-names"
              className={input}
              value={tagsText}
              aria-describedby="tags-hint"
              onChange={(e) => {
                setTagsText(e.target.value);
                update({
                  tags: e.target.value
                    .split(/[,،]/)
                    .map((s) => s.trim())
                    .filter(Boolean),
                });
              }}
            />
            <datalist id="tag-names">
              {tagNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            <p id="tags-hint" className="text-xs text-muted">
              {t('tagsHint')}
            </p>
          </div>
          {permissions.editAny && (
            <fieldset>
              <legend className="font-semibold">{t('authors')}</legend>
              <div className="mt-1 max-h-40 space-y-1 overflow-y-auto">
                {people.map((p) => (
                  <label key={p.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={values.authorIds.includes(p.id)}
                      onChange={(e) =>
                        update({
                          authorIds: e.target.checked
                            ? [...values.authorIds, p.id]
                            : values.authorIds.filter((id) => id !== p.id),
                        })
                      }
                    />
                    <bdi>{p.name}</bdi>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="sourceOutlet" className="text-sm font-semibold">
                {t('sourceOutlet')}
              </label>
              <input
                id="sourceOutlet"
                dir="auto"
                className={input}
                value={values.sourceOutlet}
                onChange={(e) => update({ sourceOutlet: e.target.value })}
                {...aria('sourceOutlet')}
              />
              {err('sourceOutlet')}
              {counter('sourceOutlet')}
            </div>
            <div>
              <label htmlFor="sourceAgency" className="text-sm font-semibold">
                {t('sourceAgency')}
              </label>
              <input
                id="sourceAgency"
                dir="auto"
                className={input}
                value={values.sourceAgency}
                onChange={(e) => update({ sourceAgency: e.target.value })}
                {...aria('sourceAgency')}
              />
              {err('sourceAgency')}
              {counter('sourceAgency')}
            </div>
          </div>
          {permissions.editAny && (
            <div className="space-y-2">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={values.breaking}
                  onChange={(e) => update({ breaking: e.target.checked })}
                />
                {t('breaking')}
              </label>
              {values.breaking && (
                <div>
                  <label htmlFor="breakingUntil" className="text-sm font-semibold">
                    {t('breakingUntil')}
                  </label>
                  <input
                    id="breakingUntil"
                    type="datetime-local"
                    className={input}
                    value={values.breakingUntil ?? ''}
                    onChange={(e) => update({ breakingUntil: e.target.value })}
                  />
                </div>
              )}
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={values.featured}
                  onChange={(e) => update({ featured: e.target.checked })}
                />
                {t('featured')}
              </label>
            </div>
          )}
          <div>
            <label htmlFor="seoTitle" className="text-sm font-semibold">
              {t('seoTitle')}
            </label>
            <input
              id="seoTitle"
              dir="auto"
              className={input}
              value={values.seoTitle}
              onChange={(e) => update({ seoTitle: e.target.value })}
              {...aria('seoTitle')}
            />
            {err('seoTitle')}
            {counter('seoTitle')}
          </div>
          <div>
            <label htmlFor="seoDescription" className="text-sm font-semibold">
              {t('seoDescription')}
            </label>
            <textarea
              id="seoDescription"
              dir="auto"
              rows={2}
              className={input}
              value={values.seoDescription}
              onChange={(e) => update({ seoDescription: e.target.value })}
              {...aria('seoDescription')}
            />
            {err('seoDescription')}
            {counter('seoDescription')}
          </div>
          {permissions.editAny && (
            <div>
              <label htmlFor="translation" className="text-sm font-semibold">
                {t('translation', { edition: t(`editions.${values.locale === 'ar' ? 'en' : 'ar'}`) })}
              </label>
              <input
                id="translation"
                dir="ltr"
                inputMode="url"
                className={input}
                value={values.translation ?? ''}
                onChange={(e) => update({ translation: e.target.value })}
                {...aria('translation')}
              />
              {err('translation')}
              <p className="mt-1 text-xs text-muted">{t('translationHint')}</p>
              {linkedTranslation && values.translation === String(linkedTranslation.id) && (
                <p className="mt-1 text-sm">
                  {t('translationLinked')}{' '}
                  <a href={`${adminBase}/articles/${linkedTranslation.id}`} className="underline">
                    <bdi>{linkedTranslation.title}</bdi>
                  </a>{' '}
                  ({t(`statuses.${linkedTranslation.status}`)})
                </p>
              )}
            </div>
          )}
        </div>
      </aside>
    </div>
  );
}
