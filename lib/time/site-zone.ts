/**
 * Wall clocks in a named IANA time zone, with Intl only (no zone database of our own).
 * Editors type dates in the site's zone (SITE_TIME_ZONE) whatever their browser's zone is;
 * the server turns what they typed into a UTC instant here, and back for the form.
 */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant` (seconds dropped). */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute') };
}

/** Milliseconds to add to UTC to read the wall clock in `timeZone` at `instant`. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = toWallClock(new Date(instant), timeZone);
  const seconds = new Date(instant).getUTCSeconds() * 1000 + new Date(instant).getUTCMilliseconds();
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) + seconds - instant;
}

/** A calendar date that exists (no 31 February), with a time of day that exists on a clock. */
export function isValidWallClock(w: WallClock): boolean {
  if (![w.year, w.month, w.day, w.hour, w.minute].every(Number.isInteger)) return false;
  if (w.year < 1900 || w.year > 9999 || w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59)
    return false;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCFullYear() === w.year && d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day;
}

/**
 * The instant at which the clock in `timeZone` reads `w`, or null when `w` is not a real date.
 * CASE: a time skipped by a spring-forward change (02:30 on the night clocks jump 02:00 → 03:00)
 * is read with the offset from before the jump, which lands after it (03:30), as clocks do.
 * CASE: a time that happens twice (autumn fall-back) is the first of the two.
 */
export function fromWallClock(w: WallClock, timeZone: string): Date | null {
  if (!isValidWallClock(w)) return null;
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // The offset a few hours on either side; the earlier reading wins when both fit.
  const before = zoneOffsetMs(asUtc - 12 * 3_600_000, timeZone);
  const after = zoneOffsetMs(asUtc + 12 * 3_600_000, timeZone);
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = asUtc - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset) return new Date(candidate);
  }
  // In a gap: neither offset reads back; the pre-change offset puts it just after the jump.
  return new Date(asUtc - before);
}

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[٠-٩۰-۹]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-02" */
export function formatDayValue(w: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "2026-12-02T22:00", the wire format of a site-time field (no zone: the zone is the site's). */
export function formatWallClockValue(w: WallClock): string {
  return `${formatDayValue(w)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The form value for an instant, in the site's zone; '' for none. */
export function toWallClockValue(instant: Date | null | undefined, timeZone: string): string {
  return instant ? formatWallClockValue(toWallClock(instant, timeZone)) : '';
}

/**
 * Reads "2026-12-02T22:00" (or "2026-12-2 22:0", any digits) as a wall clock; a date alone is
 * midnight. Null for anything else.
 */
export function parseWallClockValue(raw: string): WallClock | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2}))?$/.exec(asciiDigits(raw.trim()));
  if (!m) return null;
  const w = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
  };
  return isValidWallClock(w) ? w : null;
}

/** A site-time form value as a UTC instant; null when it is not a real date and time. */
export function parseSiteTime(raw: string, timeZone: string): Date | null {
  const w = parseWallClockValue(raw);
  return w ? fromWallClock(w, timeZone) : null;
}

/** Midnight starting the day `w` in `timeZone`. */
export function startOfDay(w: Pick<WallClock, 'year' | 'month' | 'day'>, timeZone: string): Date | null {
  return fromWallClock({ ...w, hour: 0, minute: 0 }, timeZone);
}

/** The first instant of the next day: "to" filters include their whole last day. */
export function startOfNextDay(w: Pick<WallClock, 'year' | 'month' | 'day'>, timeZone: string): Date | null {
  if (!isValidWallClock({ ...w, hour: 0, minute: 0 })) return null;
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return startOfDay(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
    timeZone,
  );
}

/** Arabic city names for the zones Arabic newsrooms are likely to run in (Intl does not give cities). */
const ARABIC_CITIES: Record<string, string> = {
  'Asia/Damascus': 'دمشق',
  'Asia/Beirut': 'بيروت',
  'Asia/Amman': 'عمّان',
  'Asia/Baghdad': 'بغداد',
  'Asia/Riyadh': 'الرياض',
  'Asia/Dubai': 'دبي',
  'Asia/Qatar': 'الدوحة',
  'Asia/Kuwait': 'الكويت',
  'Asia/Bahrain': 'البحرين',
  'Asia/Muscat': 'مسقط',
  'Asia/Aden': 'عدن',
  'Asia/Jerusalem': 'القدس',
  'Asia/Gaza': 'غزة',
  'Asia/Hebron': 'الخليل',
  'Africa/Cairo': 'القاهرة',
  'Africa/Tripoli': 'طرابلس',
  'Africa/Tunis': 'تونس',
  'Africa/Algiers': 'الجزائر',
  'Africa/Casablanca': 'الدار البيضاء',
  'Africa/Khartoum': 'الخرطوم',
  'Europe/London': 'لندن',
  'Europe/Paris': 'باريس',
  'Europe/Berlin': 'برلين',
  'Europe/Istanbul': 'إسطنبول',
  UTC: 'غرينتش',
};

/**
 * How the interface names the zone: «بتوقيت دمشق», "Damascus time". The city comes from the zone's
 * id (English) or the list above (Arabic); otherwise Intl's generic name («بتوقيت سوريا»), and
 * failing that the offset.
 */
export function zoneLabel(timeZone: string, locale: string, at = new Date()): string {
  const arabic = locale.startsWith('ar');
  const city = arabic ? ARABIC_CITIES[timeZone] : timeZone.split('/').pop()?.replace(/_/g, ' ');
  if (city && timeZone.includes('/')) return arabic ? `بتوقيت ${city}` : `${city} time`;
  if (arabic && city) return `بتوقيت ${city}`;
  let generic = '';
  try {
    generic =
      new Intl.DateTimeFormat(arabic ? 'ar' : 'en', { timeZone, timeZoneName: 'longGeneric' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    // an unknown zone falls through to its raw id
  }
  if (arabic) return generic.startsWith('توقيت') ? `ب${generic}` : `بتوقيت ${generic || timeZone}`;
  return generic || `${timeZone} time`;
}

/**
 * What a form or an action sends as a time: a site-time wall clock ("2026-12-02T22:00"), or an
 * ISO instant with its zone spelled out ("…Z", "…+03:00", as scripts send). Null otherwise: a
 * bare time is never read in the server's own zone.
 */
export function parseTimeInput(raw: string, timeZone: string): Date | null {
  const v = asciiDigits(raw.trim());
  if (parseWallClockValue(v)) return parseSiteTime(v, timeZone);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}
