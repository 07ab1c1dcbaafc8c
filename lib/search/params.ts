import { parsePageParam } from '@/lib/pagination';
import { dayBoundary, readDateParam } from '@/lib/time/date-params';

type Raw = Record<string, string | string[] | undefined>;

export interface SearchRequest {
  q: string;
  section?: string;
  /** YYYY-MM-DD as understood, kept to refill the form. */
  fromDay?: string;
  toDay?: string;
  from?: Date;
  to?: Date;
  page: number | null;
  badDate: boolean;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * Reads /search's query string: words, section, date range and page, never throwing. Dates come
 * from the form's day/month/year boxes (or from=YYYY-MM-DD) and are days in the site's zone.
 */
export function parseSearchRequest(raw: Raw, timeZone: string): SearchRequest {
  const q = first(raw.q).slice(0, 1000);
  const section = first(raw.section).trim() || undefined;
  const fromDay = readDateParam(raw, 'from');
  const toDay = readDateParam(raw, 'to');
  const from = fromDay ? dayBoundary(fromDay, timeZone) : undefined;
  // "To" includes that whole day.
  const toNext = toDay ? dayBoundary(toDay, timeZone, true) : undefined;
  const to = toNext ? new Date(toNext.getTime() - 1) : undefined;
  return {
    q,
    section,
    fromDay: from ? fromDay! : undefined,
    toDay: to ? toDay! : undefined,
    from: from ?? undefined,
    to,
    page: parsePageParam(raw.page),
    badDate: fromDay === null || toDay === null,
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
