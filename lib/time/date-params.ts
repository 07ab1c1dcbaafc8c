import {
  asciiDigits,
  formatDayValue,
  isValidWallClock,
  parseWallClockValue,
  startOfDay,
  startOfNextDay,
} from './site-zone';

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

/**
 * A day from a GET form: the three boxes of a DateField (`{name}_d`, `_m`, `_y`), or one
 * "YYYY-MM-DD" under `{name}` (links and older bookmarks). Arabic-Indic digits welcome.
 * Returns "YYYY-MM-DD", undefined when nothing was given, or null when what was given is no date.
 */
export function readDateParam(raw: Raw, name: string): string | undefined | null {
  const whole = asciiDigits(first(raw[name]));
  const d = asciiDigits(first(raw[`${name}_d`]));
  const m = asciiDigits(first(raw[`${name}_m`]));
  const y = asciiDigits(first(raw[`${name}_y`]));
  if (!whole && !d && !m && !y) return undefined;
  let parts: { year: number; month: number; day: number } | null = null;
  if (d || m || y) {
    if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
      parts = { year: Number(y), month: Number(m), day: Number(d) };
  } else {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(whole);
    if (match) parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  }
  if (!parts || !isValidWallClock({ ...parts, hour: 0, minute: 0 })) return null;
  return formatDayValue(parts);
}

/** The instant a "YYYY-MM-DD" day starts (or, with `next`, ends) in the newsroom's zone. */
export function dayBoundary(day: string, timeZone: string, next = false): Date | null {
  const w = parseWallClockValue(day);
  if (!w) return null;
  return next ? startOfNextDay(w, timeZone) : startOfDay(w, timeZone);
}
