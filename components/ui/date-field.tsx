import { parseWallClockValue } from '@/lib/time/site-zone';

/** The words a date field says, from the DateField messages of the page's locale. */
export interface DateFieldLabels {
  day: string;
  month: string;
  year: string;
  /** «يوم/شهر/سنة»: shown under the field and read with it. */
  hint?: string;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: string): Intl.DateTimeFormat {
  let f = monthFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    monthFormats.set(locale, f);
  }
  return f;
}

/**
 * Month names for the select: «كانون الثاني - يناير» in Arabic (both names, as Levantine and
 * Egyptian/Gulf readers know them), "January" in English.
 */
export function monthOptions(locale: string): { value: number; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(2026, i, 15));
    const label = locale.startsWith('ar')
      ? `${monthFormat('ar-SY-u-ca-gregory').format(d)} - ${monthFormat('ar-EG-u-ca-gregory').format(d)}`
      : monthFormat('en-GB-u-ca-gregory').format(d);
    return { value: i + 1, label };
  });
}

export const dateFieldControl =
  'rounded border border-gray-400 bg-white px-2 py-2 text-ink-950 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/30';

/** Splits "2026-12-02" into the three boxes; anything unreadable leaves them empty. */
export function dayParts(value: string | undefined): { day: string; month: string; year: string } {
  const w = value ? parseWallClockValue(value) : null;
  return w
    ? { day: String(w.day), month: String(w.month), year: String(w.year) }
    : { day: '', month: '', year: '' };
}

interface DateFieldProps {
  /** Submitted as `{name}_d`, `{name}_m`, `{name}_y`; the server reads them with readDateParam. */
  name: string;
  legend: string;
  labels: DateFieldLabels;
  locale: string;
  /** "YYYY-MM-DD" */
  defaultValue?: string;
  invalid?: boolean;
  className?: string;
  controlClassName?: string;
}

/**
 * A date as day / month name / year, in plain form fields: it works without JavaScript (a GET
 * form submits the three parts), never shows the browser's own mm/dd/yyyy, and takes Arabic-Indic
 * digits (the server converts them).
 */
export function DateField({
  name,
  legend,
  labels,
  locale,
  defaultValue,
  invalid,
  className = '',
  controlClassName = dateFieldControl,
}: DateFieldProps) {
  const parts = dayParts(defaultValue);
  const hintId = `${name}-hint`;
  const small = 'grid gap-0.5 text-xs font-normal text-muted';
  return (
    <fieldset className={`min-w-0 ${className}`} aria-describedby={labels.hint ? hintId : undefined}>
      <legend className="text-sm font-semibold text-ink-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap items-end gap-1.5">
        <label className={small}>
          {labels.day}
          <input
            name={`${name}_d`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={2}
            size={2}
            defaultValue={parts.day}
            aria-invalid={invalid || undefined}
            className={`${controlClassName} w-12 text-center`}
          />
        </label>
        <label className={small}>
          {labels.month}
          <select
            name={`${name}_m`}
            defaultValue={parts.month}
            aria-invalid={invalid || undefined}
            className={`${controlClassName} w-40 max-w-full`}
          >
            <option value="">—</option>
            {monthOptions(locale).map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className={small}>
          {labels.year}
          <input
            name={`${name}_y`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            size={4}
            defaultValue={parts.year}
            aria-invalid={invalid || undefined}
            className={`${controlClassName} w-16 text-center`}
          />
        </label>
      </div>
      {labels.hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {labels.hint}
        </p>
      )}
    </fieldset>
  );
}
