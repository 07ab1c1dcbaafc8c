'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ServerCopy } from '@/app/[locale]/admin/articles/actions';
import type { ArticleDraftInput } from '@/lib/articles/input';
import { diffWords } from '@/lib/diff';

/** The fields a save writes, in the order the conflict view lists them. */
export const CONFLICT_FIELDS = [
  'title',
  'slug',
  'dek',
  'body',
  'sectionId',
  'tags',
  'heroMediaId',
  'authorIds',
  'sourceOutlet',
  'sourceAgency',
  'breaking',
  'breakingUntil',
  'featured',
  'seoTitle',
  'seoDescription',
  'translation',
] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];
export type ConflictChoice = Partial<Record<ConflictField, 'mine' | 'server'>>;

/** A body as the reader reads it: one line per paragraph, heading or list item. */
export function bodyText(html: string): string {
  // Without a DOM (server render, tests): tags out, whitespace as a reader would see it.
  if (typeof DOMParser === 'undefined')
    return html
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks = [...doc.body.querySelectorAll('p, h2, h3, li, blockquote, figcaption')];
  const lines = blocks.length ? blocks.map((b) => b.textContent ?? '') : [doc.body.textContent ?? ''];
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** What a body holds besides its words: images and links count as content too. */
function bodyKey(html: string): string {
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]).join(' ');
  return `${bodyText(html)}\u0000${refs}`;
}

function fieldKey(field: ConflictField, v: ArticleDraftInput): string {
  const value = v[field];
  if (field === 'body') return bodyKey(String(value ?? ''));
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value ?? '').trim();
}

/**
 * Whether two copies differ in a field, as a person would see it: the body is compared by its text,
 * images and links, because the rich-text editor and the server write the same HTML differently.
 */
export function fieldDiffers(field: ConflictField, a: ArticleDraftInput, b: ArticleDraftInput): boolean {
  return fieldKey(field, a) !== fieldKey(field, b);
}

interface Props {
  /** This tab's text, live (the editor stays usable while the view is open). */
  mine: ArticleDraftInput;
  server: ServerCopy;
  /** What this tab started from, when known: tells which side changed a field. */
  base: ArticleDraftInput | null;
  savedBy: { name: string | null; at: string } | null;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  media: { id?: number; alt: string }[];
  busy: boolean;
  onResolve: (choice: ConflictChoice) => void;
}

/**
 * A stale save, side by side: this tab's copy and the one saved since, field by field, with a
 * choice for each. Nothing is dropped until the editor picks; both columns stay selectable text.
 */
export function SaveConflict({
  mine,
  server,
  base,
  savedBy,
  sections,
  people,
  media,
  busy,
  onResolve,
}: Props) {
  const tc = useTranslations('Admin.editor.conflict');
  const locale = useLocale();
  const rows = CONFLICT_FIELDS.filter((f) => fieldDiffers(f, mine, server));
  // Default: the other side's change where only they changed a field, this tab's everywhere else.
  const [choice, setChoice] = useState<ConflictChoice>(
    () =>
      Object.fromEntries(
        rows.map((f) => [f, base && !fieldDiffers(f, mine, base) ? 'server' : 'mine']),
      ) as ConflictChoice,
  );
  const pick = (f: ConflictField) => choice[f] ?? (base && !fieldDiffers(f, mine, base) ? 'server' : 'mine');

  const show = (f: ConflictField, v: ArticleDraftInput): string => {
    switch (f) {
      case 'body':
        return bodyText(v.body);
      case 'sectionId':
        return sections.find((s) => s.id === v.sectionId)?.name ?? '—';
      case 'tags':
        return v.tags.join('، ') || '—';
      case 'authorIds':
        return v.authorIds.map((id) => people.find((p) => p.id === id)?.name ?? `#${id}`).join('، ') || '—';
      case 'heroMediaId':
        return v.heroMediaId === null
          ? tc('noImage')
          : (media.find((m) => m.id === v.heroMediaId)?.alt ?? `#${v.heroMediaId}`);
      case 'breaking':
      case 'featured':
        return v[f] ? tc('yes') : tc('no');
      default:
        return String(v[f] ?? '') || '—';
    }
  };
  const label = (f: ConflictField) => tc(`fields.${f}`);
  const wordy = new Set<ConflictField>(['title', 'dek', 'body', 'seoTitle', 'seoDescription']);

  const column = (f: ConflictField, side: 'mine' | 'server') => {
    const text = show(f, side === 'mine' ? mine : server);
    if (!wordy.has(f)) return <bdi>{text}</bdi>;
    // Words only this side has are marked, so the difference is visible without reading twice.
    const parts = diffWords(show(f, server), show(f, mine)).filter((p) =>
      side === 'mine' ? p.kind !== 'removed' : p.kind !== 'added',
    );
    return parts.map((p, i) =>
      p.kind === 'same' ? (
        <span key={i}>{p.text}</span>
      ) : (
        <mark
          key={i}
          className={side === 'mine' ? 'bg-green-100 text-green-950' : 'bg-amber-100 text-amber-950'}
        >
          {p.text}
        </mark>
      ),
    );
  };

  const button = 'rounded px-4 py-2 font-bold disabled:opacity-50';
  return (
    <section
      aria-labelledby="conflict-title"
      className="space-y-4 rounded-md border-2 border-amber-500 bg-amber-50 p-4"
    >
      <div>
        <h2 id="conflict-title" className="text-lg font-bold text-ink-950">
          {tc('title')}
        </h2>
        <p className="text-sm">
          {savedBy?.name
            ? tc('savedBy', {
                name: savedBy.name,
                time: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
                  new Date(savedBy.at),
                ),
              })
            : tc('savedBySomeone')}{' '}
          {tc('explain')}
        </p>
      </div>
      {rows.length === 0 && <p className="text-sm">{tc('same')}</p>}
      {rows.map((f) => (
        <fieldset key={f} className="rounded border border-amber-300 bg-white p-3">
          <legend className="px-1 font-semibold">
            {label(f)}
            {base && fieldDiffers(f, base, server) && (
              <span className="ms-2 text-sm font-normal text-accent-700">{tc('changedSince')}</span>
            )}
          </legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {(['mine', 'server'] as const).map((side) => (
              <div key={side} className="min-w-0">
                <label className="flex items-center gap-2 text-sm font-semibold">
                  <input
                    type="radio"
                    name={`conflict-${f}`}
                    checked={pick(f) === side}
                    onChange={() => setChoice((c) => ({ ...c, [f]: side }))}
                  />
                  {side === 'mine'
                    ? tc('keepMineField', { field: label(f) })
                    : tc('takeServerField', { field: label(f) })}
                </label>
                <div
                  dir="auto"
                  className={`mt-1 max-h-64 overflow-y-auto rounded border p-2 text-sm break-words whitespace-pre-line select-text ${pick(f) === side ? 'border-ink-900' : 'border-gray-300 opacity-80'}`}
                >
                  {column(f, side)}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          className={`${button} bg-ink-900 text-white`}
          onClick={() => onResolve(Object.fromEntries(rows.map((f) => [f, pick(f)])))}
        >
          {tc('saveMerged')}
        </button>
        <button
          type="button"
          disabled={busy}
          className={`${button} border border-ink-900`}
          onClick={() => onResolve(Object.fromEntries(rows.map((f) => [f, 'mine'])))}
        >
          {tc('keepMine')}
        </button>
        <button
          type="button"
          disabled={busy}
          className={`${button} border border-ink-900`}
          onClick={() => onResolve(Object.fromEntries(rows.map((f) => [f, 'server'])))}
        >
          {tc('takeServer')}
        </button>
      </div>
      <p className="text-xs text-muted">{tc('nothingLost')}</p>
    </section>
  );
}
