/** How month names are written: Levantine (كانون الثاني), Egyptian/Gulf (يناير), or both. */
export const MONTH_STYLES = ['levantine', 'egyptian', 'both'] as const;
export type MonthStyle = (typeof MONTH_STYLES)[number];

export const DIGIT_STYLES = ['latn', 'arab'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

export interface DateSettings {
  months: MonthStyle;
  digits: DigitStyle;
  /** Also show the Hijri (Umm al-Qura) date on articles. */
  hijri: boolean;
  timeZone: string;
}

/**
 * Locale tags with calendar and numbering pinned, so output never depends on the
 * runtime's default for plain "ar" (which differs between ICU versions and browsers).
 */
function tag(region: 'SY' | 'EG' | 'SA', calendar: 'gregory' | 'islamic-umalqura', digits: DigitStyle) {
  return `ar-${region}-u-ca-${calendar}-nu-${digits}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** "الخميس 15 كانون الثاني 2026" (or يناير, or يناير/كانون الثاني), in the site's time zone. */
export function formatArabicDate(date: Date, s: DateSettings, options: { weekday?: boolean } = {}): string {
  const opts: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: s.timeZone,
    ...(options.weekday ? { weekday: 'long' } : {}),
  };
  const levantine = formatter(tag('SY', 'gregory', s.digits), opts).formatToParts(date);
  const egyptian = formatter(tag('EG', 'gregory', s.digits), opts).formatToParts(date);
  const base = s.months === 'egyptian' ? egyptian : levantine;
  const month =
    s.months === 'both'
      ? `${part(egyptian, 'month')}/${part(levantine, 'month')}`
      : s.months === 'egyptian'
        ? part(egyptian, 'month')
        : part(levantine, 'month');
  const weekday = options.weekday ? `${part(base, 'weekday')} ` : '';
  return `${weekday}${part(base, 'day')} ${month} ${part(base, 'year')}`;
}

/** "10:30 ص" in the site's time zone. */
export function formatArabicTime(date: Date, s: DateSettings): string {
  return formatter(tag('SY', 'gregory', s.digits), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: s.timeZone,
  }).format(date);
}

/** "26 رجب 1447 هـ": the Umm al-Qura calendar. */
export function formatHijriDate(date: Date, s: DateSettings): string {
  return formatter(tag('SA', 'islamic-umalqura', s.digits), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: s.timeZone,
  }).format(date);
}

/** A number in the site's digits. */
export function formatNumber(n: number, digits: DigitStyle): string {
  return new Intl.NumberFormat(`ar-u-nu-${digits}`, { useGrouping: false }).format(n);
}

export function formatEnglishDate(date: Date, timeZone: string): string {
  return formatter('en-GB-u-ca-gregory-nu-latn', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** "2:05 pm" in the site's time zone: the English edition prints the time as the Arabic one does. */
export function formatEnglishTime(date: Date, timeZone: string): string {
  return formatter('en-GB-u-ca-gregory-nu-latn', {
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZone,
  }).format(date);
}

export type RelativeAge = { unit: 'minute' | 'hour'; count: number } | { unit: 'now' };

/** How long ago, for stories under a day old; null when the absolute date should be shown. */
export function getRelativeAge(date: Date, now: Date): RelativeAge | null {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 0 || minutes >= 24 * 60) return null;
  if (minutes < 1) return { unit: 'now' };
  if (minutes < 60) return { unit: 'minute', count: minutes };
  return { unit: 'hour', count: Math.floor(minutes / 60) };
}
