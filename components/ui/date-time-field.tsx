'use client';

import { useId, useState } from 'react';
import { asciiDigits } from '@/lib/time/site-zone';
import { dateFieldControl, monthOptions, type DateFieldLabels } from './date-field';

export interface DateTimeFieldLabels extends DateFieldLabels {
  hour: string;
  minute: string;
  clear?: string;
}

interface Parts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const EMPTY: Parts = { day: '', month: '', year: '', hour: '', minute: '' };

function split(value: string): Parts {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2})$/.exec(asciiDigits(value));
  if (!m) return EMPTY;
  return {
    year: m[1]!,
    month: String(Number(m[2])),
    day: String(Number(m[3])),
    hour: m[4]!.padStart(2, '0'),
    minute: m[5]!.padStart(2, '0'),
  };
}

/** '' when every box is empty, else what was typed in the wire format (the server judges it). */
function join(p: Parts): string {
  if (Object.values(p).every((v) => v.trim() === '')) return '';
  const two = (v: string) => asciiDigits(v.trim()).padStart(2, '0');
  return `${asciiDigits(p.year.trim())}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

interface Props {
  legend: string;
  /** «بتوقيت دمشق»: the site's zone, which is what the boxes mean whatever the browser's zone. */
  zoneLabel: string;
  labels: DateTimeFieldLabels;
  locale: string;
  /** "YYYY-MM-DDTHH:mm" in the site's zone, or ''. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * A date and a 24-hour time in the site's time zone: day / month name / year, then hour:minute.
 * Arabic-Indic digits may be typed. The value is a wall clock; the server turns it into an instant.
 */
export function DateTimeField({
  legend,
  zoneLabel,
  labels,
  locale,
  value,
  onChange,
  error,
  disabled,
}: Props) {
  const id = useId();
  const [parts, setParts] = useState<Parts>(() => split(value));
  const [lastValue, setLastValue] = useState(value);
  // A new value from outside (a restored copy, a saved schedule) refills the boxes.
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== join(parts)) setParts(split(value));
  }
  const set = (patch: Partial<Parts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    const joined = join(next);
    setLastValue(joined);
    onChange(joined);
  };
  const small = 'grid gap-0.5 text-xs font-normal text-muted';
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = error ? true : undefined;
  const box = (key: keyof Parts, label: string, width: string, max: number) => (
    <label className={small}>
      {label}
      <input
        inputMode="numeric"
        autoComplete="off"
        maxLength={max}
        size={max}
        disabled={disabled}
        value={parts[key]}
        aria-invalid={invalid}
        onChange={(e) => set({ [key]: e.target.value })}
        className={`${dateFieldControl} ${width} text-center`}
      />
    </label>
  );
  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${errorId} ${hintId}` : hintId}>
      <legend className="text-sm font-semibold">
        {legend} <span className="font-normal text-muted">({zoneLabel})</span>
      </legend>
      <div className="mt-1 flex flex-wrap items-end gap-1.5">
        {box('day', labels.day, 'w-12', 2)}
        <label className={small}>
          {labels.month}
          <select
            value={parts.month}
            disabled={disabled}
            aria-invalid={invalid}
            onChange={(e) => set({ month: e.target.value })}
            className={`${dateFieldControl} w-40 max-w-full`}
          >
            <option value="">—</option>
            {monthOptions(locale).map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {box('year', labels.year, 'w-16', 4)}
        {/* hour:minute reads left to right in both editions, as clocks are written */}
        <div dir="ltr" className="flex items-end gap-1">
          {box('hour', labels.hour, 'w-12', 2)}
          <span aria-hidden="true" className="pb-2 font-bold">
            :
          </span>
          {box('minute', labels.minute, 'w-12', 2)}
        </div>
        {labels.clear && value !== '' && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => {
              setParts(EMPTY);
              setLastValue('');
              onChange('');
            }}
            className="pb-2 text-xs underline"
          >
            {labels.clear}
          </button>
        )}
      </div>
      {labels.hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {labels.hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-accent-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
