import { describe, expect, it } from 'vitest';
import {
  fromWallClock,
  parseSiteTime,
  parseWallClockValue,
  startOfDay,
  startOfNextDay,
  toWallClock,
  toWallClockValue,
  zoneLabel,
} from '@/lib/time/site-zone';

describe('site time zone', () => {
  it('reads 22:00 in Damascus as 19:00 UTC (Syria keeps UTC+3 all year since 2022)', () => {
    expect(parseSiteTime('2026-12-02T22:00', 'Asia/Damascus')?.toISOString()).toBe(
      '2026-12-02T19:00:00.000Z',
    );
    expect(parseSiteTime('2026-07-02T22:00', 'Asia/Damascus')?.toISOString()).toBe(
      '2026-07-02T19:00:00.000Z',
    );
  });

  it('accepts Arabic-Indic digits and a date alone (midnight)', () => {
    expect(parseSiteTime('٢٠٢٦-١٢-٠٢T٢٢:٠٥', 'Asia/Damascus')?.toISOString()).toBe(
      '2026-12-02T19:05:00.000Z',
    );
    expect(parseSiteTime('2026-12-02', 'Asia/Damascus')?.toISOString()).toBe('2026-12-01T21:00:00.000Z');
  });

  it('refuses dates that do not exist and times off the clock', () => {
    for (const bad of [
      '2026-02-30T10:00',
      '2026-13-01',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      'tomorrow',
      '',
    ])
      expect(parseSiteTime(bad, 'Asia/Damascus'), bad).toBeNull();
  });

  it('round-trips an instant through the wall clock', () => {
    const at = new Date('2026-12-02T19:00:00Z');
    expect(toWallClockValue(at, 'Asia/Damascus')).toBe('2026-12-02T22:00');
    expect(toWallClockValue(at, 'Europe/London')).toBe('2026-12-02T19:00');
    expect(parseSiteTime(toWallClockValue(at, 'America/New_York'), 'America/New_York')).toEqual(at);
  });

  it('moves a time skipped by spring-forward to after the jump (London, 29 March 2026)', () => {
    // 01:00 → 02:00 local: 01:30 does not exist; it reads as 02:30 BST = 01:30 UTC.
    expect(parseSiteTime('2026-03-29T01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(parseSiteTime('2026-03-29T00:59', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(parseSiteTime('2026-03-29T02:00', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('takes the first of a time that happens twice at fall-back (New York, 1 November 2026)', () => {
    // 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(parseSiteTime('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(toWallClock(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toMatchObject({
      hour: 1,
      minute: 30,
    });
  });

  it('bounds whole days in the zone, including the 23-hour spring day', () => {
    const day = { year: 2026, month: 3, day: 29 };
    const start = startOfDay(day, 'Europe/London')!;
    const end = startOfNextDay(day, 'Europe/London')!;
    expect(start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
    expect(startOfNextDay({ year: 2026, month: 12, day: 31 }, 'Asia/Damascus')?.toISOString()).toBe(
      '2026-12-31T21:00:00.000Z',
    );
  });

  it('parses wall-clock values without a zone only', () => {
    expect(parseWallClockValue('2026-12-2 9:5')).toEqual({
      year: 2026,
      month: 12,
      day: 2,
      hour: 9,
      minute: 5,
    });
    expect(parseWallClockValue('2026-12-02T22:00Z')).toBeNull();
    expect(fromWallClock({ year: 2026, month: 2, day: 29, hour: 0, minute: 0 }, 'UTC')).toBeNull();
  });

  it('names the zone by its city, in both editions', () => {
    expect(zoneLabel('Asia/Damascus', 'ar')).toBe('بتوقيت دمشق');
    expect(zoneLabel('Asia/Damascus', 'en')).toBe('Damascus time');
    expect(zoneLabel('America/Argentina/Buenos_Aires', 'en')).toBe('Buenos Aires time');
    // No Arabic city name on file: Intl's generic zone name.
    expect(zoneLabel('Asia/Tokyo', 'ar')).toMatch(/^بتوقيت /);
  });
});
