import { describe, expect, it } from 'vitest';
import {
  parseRssDate,
  parseWpDateTime,
  parseWpGmt,
  parseWpLocal,
  resolveItemDates,
  resolveWpDate,
  wpLocalOffsetMinutes,
} from '@/lib/import/wordpress/dates';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('WordPress date placeholders', () => {
  it.each([
    ['0000-00-00 00:00:00'], // drafts never published (parchlinux, pelican, themeix)
    ['-0001-11-30 00:00:00'], // what 4.9 prints from a zero date
    [''],
    ['2025-02-30 10:00:00'], // no such day
    ['2025-01-08 24:00:00'],
    ['yesterday'],
  ])('%j is no date', (raw) => {
    expect(parseWpDateTime(raw)).toBeNull();
    expect(parseWpGmt(raw)).toBeNull();
    expect(parseWpLocal(raw, 'Asia/Damascus')).toBeNull();
  });

  it('reads a real date to the second', () => {
    expect(parseWpDateTime('2025-01-08 07:57:55')).toEqual({
      year: 2025,
      month: 1,
      day: 8,
      hour: 7,
      minute: 57,
      second: 55,
    });
  });
});

describe('resolveWpDate', () => {
  it('takes the GMT value when there is one (parchlinux post 99, Tehran +03:30)', () => {
    expect(iso(resolveWpDate('2025-01-08 11:27:55', '2025-01-08 07:57:55', 'Asia/Damascus'))).toBe(
      '2025-01-08T07:57:55.000Z',
    );
  });

  it('reads a draft with a zero GMT date in the chosen zone (parchlinux post 23)', () => {
    expect(iso(resolveWpDate('2024-11-01 15:01:02', '0000-00-00 00:00:00', 'Asia/Tehran'))).toBe(
      '2024-11-01T11:31:02.000Z',
    );
    expect(iso(resolveWpDate('2024-11-01 15:01:02', '0000-00-00 00:00:00', 'Asia/Damascus'))).toBe(
      '2024-11-01T12:01:02.000Z',
    );
  });

  it('follows the zone’s daylight saving of the date itself (Damascus before 2022)', () => {
    expect(iso(parseWpLocal('2021-07-01 12:00:00', 'Asia/Damascus'))).toBe('2021-07-01T09:00:00.000Z');
    expect(iso(parseWpLocal('2021-01-01 12:00:00', 'Asia/Damascus'))).toBe('2021-01-01T10:00:00.000Z');
  });

  it('is null when both are placeholders', () => {
    expect(resolveWpDate('0000-00-00 00:00:00', '0000-00-00 00:00:00', 'UTC')).toBeNull();
  });
});

describe('wpLocalOffsetMinutes', () => {
  it.each([
    ['a Tehran post', '2025-01-08 11:27:55', '2025-01-08 07:57:55', 210],
    ['an attachment saved in UTC', '2026-01-04 21:15:47', '2026-01-04 21:15:47', 0],
    // parchlinux nav_menu_item 18: +17.975 h, no real zone.
    ['a menu item', '2025-01-06 13:36:34', '2025-01-05 19:38:04', 1079],
    ['theme unit test (Los Angeles, summer)', '2018-10-20 20:03:48', '2018-10-21 03:03:48', -420],
    ['a draft', '2024-11-01 15:01:02', '0000-00-00 00:00:00', null],
  ])('%s: %s vs %s → %s', (_label, local, gmt, minutes) => {
    expect(wpLocalOffsetMinutes(local, gmt)).toBe(minutes);
  });
});

describe('parseRssDate', () => {
  it('reads RFC 822 with its offset', () => {
    expect(iso(parseRssDate('Sat, 25 Jan 2025 22:07:46 +0000'))).toBe('2025-01-25T22:07:46.000Z');
    expect(iso(parseRssDate('Sat, 25 Jan 2025 22:07:46 +0330'))).toBe('2025-01-25T18:37:46.000Z');
    expect(iso(parseRssDate('25 Jan 2025 22:07 GMT'))).toBe('2025-01-25T22:07:00.000Z');
  });

  it.each([
    [''], // parchlinux drafts
    ['Mon, 30 Nov -0001 00:00:00 +0000'], // jahanworld menu items (WordPress 4.9)
    ['Thu, 01 Jan 1970 00:00:00 +0000'], // pelican's published posts with a zero GMT date
    ['not a date'],
  ])('%j is no date', (raw) => {
    expect(parseRssDate(raw)).toBeNull();
  });
});

describe('resolveItemDates', () => {
  it('never falls back to the epoch pubDate of a published post with a zero GMT date (pelican 173)', () => {
    const d = resolveItemDates(
      {
        postDate: '2012-02-16 15:52:55',
        postDateGmt: '0000-00-00 00:00:00',
        postModified: '',
        postModifiedGmt: '',
        pubDate: 'Thu, 01 Jan 1970 00:00:00 +0000',
      },
      'UTC',
    );
    expect(d).toEqual({ published: new Date('2012-02-16T15:52:55Z'), modified: null, offsetMinutes: null });
  });

  it('uses the pubDate only when neither WordPress date is usable', () => {
    const d = resolveItemDates(
      {
        postDate: '',
        postDateGmt: '',
        postModified: '',
        postModifiedGmt: '',
        pubDate: 'Sat, 25 Jan 2025 22:07:46 +0000',
      },
      'UTC',
    );
    expect(iso(d.published)).toBe('2025-01-25T22:07:46.000Z');
  });

  it('keeps the modified time (WordPress’s importer drops it)', () => {
    const d = resolveItemDates(
      {
        postDate: '2024-06-05 16:04:48',
        postDateGmt: '2024-06-05 16:04:48',
        postModified: '2024-06-10 12:28:55',
        postModifiedGmt: '2024-06-10 12:28:55',
        pubDate: '',
      },
      'Asia/Damascus',
    );
    expect(iso(d.modified)).toBe('2024-06-10T12:28:55.000Z');
    expect(d.offsetMinutes).toBe(0);
  });
});
