'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult, ServerCopy } from '@/app/[locale]/admin/articles/actions';
import {
  heartbeatLockAction,
  keepUnsavedCopyAction,
  takeOverLockAction,
} from '@/app/[locale]/admin/articles/lock-actions';
import type { ArticleDraftInput } from '@/lib/articles/input';
import { ARTICLE_LIMITS, type LimitedField } from '@/lib/articles/limits';
import { slugify } from '@/lib/arabic/slug';
import { readingMinutes } from '@/lib/text';
import type { MediaView } from '@/db/queries/views';
import { LeadImageField } from './lead-image-field';
import { EditLockBanner, type LockView, type LostNotice } from './edit-lock-banner';
import { DateTimeField } from '@/components/ui/date-time-field';
import { EditorPublishPanel, type EditorSchedule, type EditorTransitionFn } from './editor-publish-panel';
import { CharCount } from './char-count';
import { RichText } from './rich-text';
import { CONFLICT_FIELDS, SaveConflict, fieldDiffers, type ConflictChoice } from './save-conflict';

interface Props {
  initial: ArticleDraftInput;
  status: string;
  schedule: EditorSchedule;
  /** When the stored copy was last changed (the version, in initial, is what saves compare). */
  updatedAt?: string | null;
  /** The story linked as this one's translation when the page was loaded. */
  linkedTranslation: { id: number; title: string; status: string } | null;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  tagNames: string[];
  media: MediaView[];
  permissions: { publish: boolean; editAny: boolean; delete: boolean };
  adminBase: string;
  save: (input: ArticleDraftInput) => Promise<SaveResult>;
  transition: EditorTransitionFn;
  /** Told once, when a new story's first save gives it an id (the page then shows its links). */
  onFirstSave?: (id: number) => void;
}

const AUTOSAVE_MS = 15_000;
/** The soft lock's heartbeat; the server frees a lock after 60 s without one. */
const HEARTBEAT_MS = 20_000;

const backupKeyFor = (id: number | null) => `midad:draft:${id ?? 'new'}`;

/** The local unsaved copy: every field, and the version it was based on (values.version). */
function writeBackup(v: ArticleDraftInput) {
  try {
    localStorage.setItem(backupKeyFor(v.id), JSON.stringify({ at: new Date().toISOString(), values: v }));
  } catch {
    // storage full or disabled: the server save still works
  }
}

/** This tab's lock token: kept for the tab's life (a reload keeps it), never shared with other tabs. */
function tabToken(id: number): string {
  const key = `midad:lock:${id}`;
  try {
    const kept = sessionStorage.getItem(key);
    if (kept) return kept;
  } catch {
    // no sessionStorage: a fresh token per load still works
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const token = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  try {
    sessionStorage.setItem(key, token);
  } catch {
    // ignored, as above
  }
  return token;
}

type Conflict = {
  server: ServerCopy;
  base: ArticleDraftInput | null;
  savedBy: { name: string | null; at: string } | null;
};

/** The story editor. Every change is also kept in localStorage until the server confirms a save. */
export function ArticleEditor({
  initial,
  status: initialStatus,
  schedule,
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
  const terr = useTranslations('Admin.errors');
  const td = useTranslations('DateField');
  const tLocale = useLocale();
  const [values, setValues] = useState<ArticleDraftInput>(initial);
  const [status, setStatus] = useState(initialStatus);
  const [tagsText, setTagsText] = useState(initial.tags.join('، '));
  const [words, setWords] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [restorable, setRestorable] = useState<ArticleDraftInput | null>(null);
  // The rich-text editor reads its HTML once: a restore or a merge remounts it with the new body.
  const [bodySeed, setBodySeed] = useState({ key: 0, html: initial.body });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [lock, setLock] = useState<LockView>({ kind: 'none' });
  const [lost, setLost] = useState<LostNotice | null>(null);
  const [serverVersion, setServerVersion] = useState(initial.version ?? 0);
  const [lockBusy, setLockBusy] = useState(false);
  // Buttons wait for the editor: a click before hydration would otherwise do nothing at all.
  const [ready, setReady] = useState(false);
  const slugTouched = useRef(Boolean(initial.slug));
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  }, [values]);
  // Counts the person's edits: a save is "of exactly this content" when none came in while it ran.
  const editSeq = useRef(0);
  // The server's copy this tab's text is based on (null for a new story): tells who changed what.
  const baseRef = useRef<ArticleDraftInput | null>(initial.id === null ? null : initial);
  const lockRef = useRef<'unknown' | 'mine' | 'other'>('unknown');
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  // Offer a copy that never reached the server (failed save, expired session, closed tab).
  useEffect(() => {
    const key = backupKeyFor(initial.id);
    try {
      const raw = localStorage.getItem(key);
      if (!raw) return;
      const saved = JSON.parse(raw) as { at: string; values: ArticleDraftInput };
      // The copy is already what the server holds: nothing to offer.
      if (initial.id !== null && CONFLICT_FIELDS.every((f) => !fieldDiffers(f, saved.values, initial))) {
        localStorage.removeItem(key);
        return;
      }
      // A copy written before saves carried versions counts as based on the first one: any later
      // write then shows the conflict view instead of being overwritten.
      // localStorage exists only in the browser, after hydration: reading it here is the point.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestorable({
        ...saved.values,
        id: initial.id,
        version: initial.id === null ? undefined : (saved.values.version ?? 1),
      });
    } catch {
      // an unreadable backup is no backup
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = useCallback((patch: Partial<ArticleDraftInput>) => {
    editSeq.current++;
    setValues((v) => {
      const next = { ...v, ...patch };
      if (patch.title !== undefined && !slugTouched.current) next.slug = slugify(patch.title);
      writeBackup(next);
      return next;
    });
    setDirty(true);
  }, []);

  /** Puts a whole copy in the form (restore, merge): every field, the rich-text body included. */
  const replaceAll = useCallback((next: ArticleDraftInput) => {
    valuesRef.current = next;
    setValues(next);
    setTagsText(next.tags.join('، '));
    setBodySeed((b) => ({ key: b.key + 1, html: next.body }));
  }, []);

  const doSave = useCallback(async (): Promise<number | null> => {
    setSaving(true);
    setMessage(null);
    let retried = false;
    try {
      for (;;) {
        const sent = valuesRef.current;
        const seq = editSeq.current;
        const result = await save(sent);
        if (!result.ok && result.error === 'conflict') {
          const base = baseRef.current && baseRef.current.version === sent.version ? baseRef.current : null;
          const server = result.current;
          const theirs = base ? CONFLICT_FIELDS.filter((f) => fieldDiffers(f, base, server)) : null;
          const mine = valuesRef.current;
          // CASE: the newer save changed nothing this form holds (a status change, a correction):
          // nothing of theirs can be lost, so this save simply goes again on the new version.
          if (theirs?.length === 0 && !retried) {
            retried = true;
            baseRef.current = server;
            valuesRef.current = { ...mine, version: server.version };
            setValues((v) => ({ ...v, version: server.version }));
            continue;
          }
          // Both copies are the same already: take the new version, nothing to choose.
          if (CONFLICT_FIELDS.every((f) => !fieldDiffers(f, mine, server))) {
            baseRef.current = server;
            setValues((v) => ({ ...v, version: server.version }));
            setServerVersion(server.version);
            if (editSeq.current === seq) {
              localStorage.removeItem(backupKeyFor(sent.id));
              setDirty(false);
            }
            return sent.id;
          }
          setServerVersion(server.version);
          setConflict({ server, base, savedBy: result.savedBy });
          setMessage({ kind: 'error', text: t('failed.conflict') });
          return null;
        }
        if (!result.ok) {
          setFieldErrors(result.fieldErrors ?? {});
          setMessage({ kind: 'error', text: t(`failed.${result.error}`) });
          return null;
        }
        setFieldErrors({});
        baseRef.current = result.saved;
        setServerVersion(result.version);
        // CASE: the local copy goes only once the server has confirmed a save of exactly it; text
        // typed while the save ran stays in the copy (moved to the new story's id), still unsaved.
        const clean = editSeq.current === seq;
        localStorage.removeItem(backupKeyFor(sent.id));
        setValues((v) => {
          const next = { ...v, id: result.id, slug: result.slug, version: result.version };
          if (!clean) writeBackup(next);
          return next;
        });
        setDirty(!clean);
        setMessage({ kind: 'ok', text: t('saved', { time: new Date(result.savedAt).toLocaleTimeString() }) });
        if (sent.id === null) {
          window.history.replaceState(null, '', `${adminBase}/articles/${result.id}`);
          onFirstSave?.(result.id);
        }
        return result.id;
      }
    } catch {
      setMessage({ kind: 'error', text: t('failed.network') });
      return null;
    } finally {
      setSaving(false);
    }
  }, [save, t, adminBase, onFirstSave]);

  /** Keeps this tab's text as an "unsaved" revision; its id, or null when that failed too. */
  const keepCopy = useCallback(async (v: ArticleDraftInput, reason: 'takenOver' | 'conflict') => {
    if (v.id === null) return null;
    try {
      const r = await keepUnsavedCopyAction(v.id, v, reason);
      return r.ok ? r.revisionId : null;
    } catch {
      return null;
    }
  }, []);

  /** One heartbeat; false when someone else holds the story (then this tab does not autosave). */
  const beat = useCallback(async (): Promise<boolean> => {
    const id = valuesRef.current.id;
    if (id === null) return true;
    let r;
    try {
      r = await heartbeatLockAction(id, tabToken(id));
    } catch {
      return true; // offline: the save itself will say so
    }
    if (!r.ok) return true;
    setServerVersion(r.version);
    if (r.held) {
      lockRef.current = 'mine';
      setLock({ kind: 'none' });
      return true;
    }
    const wasMine = lockRef.current === 'mine';
    lockRef.current = 'other';
    setLock({ kind: 'other', name: r.holder!.name, self: r.holder!.self });
    if (wasMine) {
      // CASE: taken over: this tab's unsaved text becomes a revision, never a save over theirs.
      const unsaved = editSeq.current > 0 && dirtyRef.current;
      const revisionId = unsaved ? await keepCopy(valuesRef.current, 'takenOver') : null;
      setLost({ name: r.holder!.self ? null : r.holder!.name, revisionId });
    }
    return false;
  }, [keepCopy]);

  // The soft lock: taken on opening (and after the first save of a new story), kept by heartbeat,
  // let go when the tab leaves.
  const articleId = values.id;
  useEffect(() => {
    if (articleId === null) return;
    const token = tabToken(articleId);
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    // keepalive: the request outlives the tab (a server action's fetch would be cut off).
    const leave = () =>
      void fetch('/api/locks/release', {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ articleId, token }),
      }).catch(() => {});
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [articleId, beat]);

  const takeOver = useCallback(async () => {
    const id = valuesRef.current.id;
    if (id === null) return;
    setLockBusy(true);
    try {
      const r = await takeOverLockAction(id, tabToken(id));
      if (r.ok) {
        lockRef.current = 'mine';
        setLock({ kind: 'none' });
        setLost(null);
        setServerVersion(r.version);
      } else setMessage({ kind: 'error', text: t(`failed.${r.error}`) });
    } catch {
      setMessage({ kind: 'error', text: t('failed.network') });
    } finally {
      setLockBusy(false);
    }
  }, [t]);

  /** The conflict view's answer: the chosen side of each field, saved on the server's new version. */
  const resolveConflict = useCallback(
    async (choice: ConflictChoice) => {
      if (!conflict) return;
      const mine = valuesRef.current;
      const { server } = conflict;
      const merged: ArticleDraftInput = { ...mine, id: server.id, version: server.version };
      for (const f of CONFLICT_FIELDS)
        if (choice[f] === 'server') (merged as Record<string, unknown>)[f] = server[f];
      setSaving(true);
      // CASE: text of this tab that the choice leaves out is kept as an "unsaved" revision.
      if (CONFLICT_FIELDS.some((f) => choice[f] === 'server' && fieldDiffers(f, mine, server)))
        await keepCopy(mine, 'conflict');
      setSaving(false);
      baseRef.current = server;
      editSeq.current++;
      replaceAll(merged);
      setConflict(null);
      if (CONFLICT_FIELDS.every((f) => !fieldDiffers(f, merged, server))) {
        localStorage.removeItem(backupKeyFor(merged.id));
        setDirty(false);
        setMessage({ kind: 'ok', text: t('conflict.tookServer') });
        return;
      }
      writeBackup(merged);
      setDirty(true);
      await doSave();
    },
    [conflict, keepCopy, replaceAll, doSave, t],
  );

  /** A workflow step of this tab moved the version by one: adopt it (a bigger jump is someone else's save). */
  const onTransitioned = useCallback((next: string, version: number) => {
    setValues((v) => (v.version !== undefined && version === v.version + 1 ? { ...v, version } : v));
    if (baseRef.current?.version !== undefined && version === baseRef.current.version + 1)
      baseRef.current = { ...baseRef.current, version };
    setStatus(next);
  }, []);

  // Autosave drafts; a live story changes only when someone presses save.
  // CASE: no autosave while a conflict waits for a choice (no loop), nor while someone else holds
  // the story (checked by a heartbeat first: a take-over turns this tab's text into a revision).
  useEffect(() => {
    if (!dirty || saving || conflict || (status !== 'draft' && status !== 'review')) return;
    const timer = setTimeout(() => {
      void beat().then((mine) => {
        if (mine) void doSave();
      });
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, saving, conflict, status, values, doSave, beat]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    const keys = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        void doSave();
      }
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('keydown', keys);
    };
  }, [dirty, doSave]);

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
        <EditLockBanner
          lock={lock}
          lost={lost}
          revisionsHref={values.id === null ? null : `${adminBase}/articles/${values.id}/revisions`}
          busy={lockBusy}
          onTakeOver={() => void takeOver()}
          onDismissLost={() => setLost(null)}
        />
        {!conflict && values.version !== undefined && serverVersion > values.version && (
          <p role="status" className="rounded border border-amber-500 bg-amber-50 p-3 text-sm">
            {t('conflict.newerOnServer')}
          </p>
        )}
        {conflict && (
          <SaveConflict
            mine={values}
            server={conflict.server}
            base={conflict.base}
            savedBy={conflict.savedBy}
            sections={sections}
            people={people}
            media={media}
            busy={saving}
            onResolve={(choice) => void resolveConflict(choice)}
          />
        )}
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
                // Every field comes back, the body through a fresh rich-text editor; the copy stays
                // in localStorage until a save of it is confirmed.
                // CASE: text typed since the page opened is not dropped by the restore: it is kept
                // as an "unsaved" revision first.
                if (editSeq.current > 0) void keepCopy(valuesRef.current, 'conflict');
                editSeq.current++;
                slugTouched.current = slugTouched.current || Boolean(restorable.slug);
                replaceAll(restorable);
                writeBackup(restorable);
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
                localStorage.removeItem(backupKeyFor(initial.id));
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
            key={bodySeed.key}
            initialHtml={bodySeed.html}
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
              disabled={saving || !ready || conflict !== null}
              onClick={() => void doSave()}
              className={`${button} bg-ink-900 text-white`}
            >
              {saving ? t('saving') : t('save')}
            </button>
          </div>
          <EditorPublishPanel
            articleId={values.id}
            status={status}
            onStatus={onTransitioned}
            dirty={dirty}
            ready={ready}
            ensureSaved={() =>
              dirty || valuesRef.current.id === null ? doSave() : Promise.resolve(valuesRef.current.id)
            }
            transition={transition}
            permissions={permissions}
            schedule={schedule}
            adminBase={adminBase}
          />
        </div>

        <div className="space-y-3 rounded-md bg-white p-4 shadow-sm">
          <LeadImageField
            media={media}
            value={values.heroMediaId}
            onChange={(heroMediaId) => update({ heroMediaId })}
          />
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
                <DateTimeField
                  legend={t('breakingUntil')}
                  zoneLabel={schedule.zoneLabel}
                  labels={{
                    day: td('day'),
                    month: td('month'),
                    year: td('year'),
                    hour: td('hour'),
                    minute: td('minute'),
                    clear: td('clear'),
                  }}
                  locale={tLocale}
                  value={values.breakingUntil ?? ''}
                  onChange={(v) => update({ breakingUntil: v })}
                  error={fieldErrors.breakingUntil ? terr(fieldErrors.breakingUntil) : undefined}
                />
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
