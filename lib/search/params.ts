import { parsePageParam } from '@/lib/pagination';

type Raw = Record<string, string | string[] | undefined>;

export interface SearchRequest {
  q: string;
  section?: string;
  /** YYYY-MM-DD as typed, kept to refill the form. */
  fromDay?: string;
  toDay?: string;
  from?: Date;
  to?: Date;
  page: number | null;
  badDate: boolean;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Milliseconds to add to UTC to get the wall clock in `timeZone` at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - instant;
}

/** Midnight starting the day `YYYY-MM-DD` in the newsroom's time zone, or null. */
export function startOfDay(day: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return null;
  return new Date(utc - zoneOffset(utc, timeZone));
}

/** Reads /search's query string: words, section, date range and page, never throwing. */
export function parseSearchRequest(raw: Raw, timeZone: string): SearchRequest {
  const q = first(raw.q).slice(0, 1000);
  const section = first(raw.section).trim() || undefined;
  const fromDay = first(raw.from).trim() || undefined;
  const toDay = first(raw.to).trim() || undefined;
  const from = fromDay ? startOfDay(fromDay, timeZone) : undefined;
  const toStart = toDay ? startOfDay(toDay, timeZone) : undefined;
  // "To" includes that whole day.
  const to = toStart ? new Date(toStart.getTime() + 86_400_000 - 1) : toStart;
  return {
    q,
    section,
    fromDay: from ? fromDay : undefined,
    toDay: to ? toDay : undefined,
    from: from ?? undefined,
    to: to ?? undefined,
    page: parsePageParam(raw.page),
    badDate: from === null || to === null,
  };
}

/** The URL of another page of the same search. */
export function searchHref(basePath: string, r: SearchRequest, page: number): string {
  const params = new URLSearchParams({ q: r.q });
  if (r.section) params.set('section', r.section);
  if (r.fromDay) params.set('from', r.fromDay);
  if (r.toDay) params.set('to', r.toDay);
  if (page > 1) params.set('page', String(page));
  return `${basePath}?${params}`;
}
