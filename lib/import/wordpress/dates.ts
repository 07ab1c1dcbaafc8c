/**
 * WordPress dates. Each item carries its local wall time (post_date) and the same instant in UTC
 * (post_date_gmt); the export names no time zone, and the difference between the two is not
 * constant across a file (a site that changed zones, items saved by plugins), so the GMT value is
 * the truth when there is one and the operator's chosen zone reads the local one otherwise.
 */
import { fromWallClock } from '@/lib/time/site-zone';

export interface WpDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * "2025-01-08 11:27:55" as its parts; null for '' and for the placeholders WordPress writes for
 * "no date": all zeros (drafts never published) and year -0001 (4.9's menu items, printed from
 * a zero date), and for anything that is not a real calendar date.
 */
export function parseWpDateTime(raw: string): WpDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute, second };
}

const utcOf = (t: WpDateTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** A GMT value as a Date; null when missing or a placeholder. */
export function parseWpGmt(raw: string): Date | null {
  const t = parseWpDateTime(raw);
  return t ? new Date(utcOf(t)) : null;
}

/** A local value read as wall time in an IANA zone; null when missing or a placeholder. */
export function parseWpLocal(raw: string, timeZone: string): Date | null {
  const t = parseWpDateTime(raw);
  if (!t) return null;
  const minute = fromWallClock(t, timeZone);
  return minute ? new Date(minute.getTime() + t.second * 1000) : null;
}

/**
 * The instant of a WordPress date pair: the GMT value when it is a real date, else the local one
 * in `timeZone` (the drafts with a zero GMT date), else null.
 */
export function resolveWpDate(local: string, gmt: string, timeZone: string): Date | null {
  return parseWpGmt(gmt) ?? parseWpLocal(local, timeZone);
}

/**
 * Local minus GMT in minutes for one item (+210 for Tehran's +03:30), or null when either side is
 * missing. Differs from item to item in real files, which is why no site zone is derived from it.
 */
export function wpLocalOffsetMinutes(local: string, gmt: string): number | null {
  const l = parseWpDateTime(local);
  const g = parseWpDateTime(gmt);
  return l && g ? Math.round((utcOf(l) - utcOf(g)) / 60_000) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An item's `<pubDate>` ("Sat, 25 Jan 2025 22:07:46 +0000"); null when empty, and for the ways
 * WordPress prints a zero GMT date: year -0001 (4.9, which Date.parse reads as Invalid Date) and
 * the Unix epoch (3.x, "Thu, 01 Jan 1970 00:00:00 +0000" on published posts of pelican's file).
 */
export function parseRssDate(raw: string): Date | null {
  const m =
    /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(-?\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2})(\d{2})|GMT|UT|Z)?$/.exec(
      raw.trim(),
    );
  if (!m) return null;
  const year = Number(m[3]);
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (year < 1000 || month < 0) return null;
  const sign = m[7] === '-' ? -1 : 1;
  const offset = m[7] ? sign * (Number(m[8]) * 60 + Number(m[9])) : 0;
  const utc = Date.UTC(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const instant = utc - offset * 60_000;
  return instant === 0 ? null : new Date(instant);
}

export interface ItemDates {
  /** When it was (or will be) published; null when the file has no usable date at all. */
  published: Date | null;
  /** Last modified; null before WordPress wrote post_modified (old exports) or when zero. */
  modified: Date | null;
  /** Local minus GMT for this item, in minutes, when both are real dates. */
  offsetMinutes: number | null;
}

/** Publish and modified instants of an item, in the same order of preference. */
export function resolveItemDates(
  item: {
    postDate: string;
    postDateGmt: string;
    postModified: string;
    postModifiedGmt: string;
    pubDate: string;
  },
  timeZone: string,
): ItemDates {
  return {
    published: resolveWpDate(item.postDate, item.postDateGmt, timeZone) ?? parseRssDate(item.pubDate),
    modified: resolveWpDate(item.postModified, item.postModifiedGmt, timeZone),
    offsetMinutes: wpLocalOffsetMinutes(item.postDate, item.postDateGmt),
  };
}
