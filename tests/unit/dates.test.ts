import { describe, expect, it } from 'vitest';
import {
  formatArabicDate,
  formatArabicTime,
  formatEnglishTime,
  formatHijriDate,
  formatNumber,
  getRelativeAge,
  type DateSettings,
} from '@/lib/arabic/dates';

const base: DateSettings = { months: 'levantine', digits: 'latn', hijri: false, timeZone: 'Asia/Damascus' };
// 15 January 2026, 10:00 in Damascus (UTC+3)
const date = new Date('2026-01-15T07:00:00Z');

describe('formatArabicDate', () => {
  it('uses Levantine month names and Western digits by default', () => {
    expect(formatArabicDate(date, base)).toBe('15 كانون الثاني 2026');
  });

  it('uses Egyptian/Gulf month names when set', () => {
    expect(formatArabicDate(date, { ...base, months: 'egyptian' })).toBe('15 يناير 2026');
  });

  it('shows both month names when set', () => {
    expect(formatArabicDate(date, { ...base, months: 'both' })).toBe('15 يناير/كانون الثاني 2026');
  });

  it('uses Arabic-Indic digits when set', () => {
    expect(formatArabicDate(date, { ...base, digits: 'arab' })).toBe('١٥ كانون الثاني ٢٠٢٦');
  });

  it('adds the weekday', () => {
    expect(formatArabicDate(date, base, { weekday: true })).toBe('الخميس 15 كانون الثاني 2026');
  });

  it('formats in the newsroom time zone, not the machine’s', () => {
    // 22:30 UTC on 31 December is already 1 January in Damascus.
    expect(formatArabicDate(new Date('2025-12-31T22:30:00Z'), base)).toBe('1 كانون الثاني 2026');
  });
});

describe('other formats', () => {
  it('formats the time with the Arabic day period', () => {
    expect(formatArabicTime(date, base)).toMatch(/^10:00\s?ص$/);
  });

  it('formats the English time in the newsroom time zone too', () => {
    expect(formatEnglishTime(date, base.timeZone)).toMatch(/^10:00\s?am$/);
    expect(formatEnglishTime(new Date('2026-01-15T12:05:00Z'), base.timeZone)).toMatch(/^3:05\s?pm$/);
  });

  it('formats the Umm al-Qura Hijri date', () => {
    expect(formatHijriDate(date, base)).toBe('26 رجب 1447 هـ');
  });

  it('formats numbers in the chosen digits', () => {
    expect(formatNumber(2026, 'latn')).toBe('2026');
    expect(formatNumber(2026, 'arab')).toBe('٢٠٢٦');
  });
});

describe('getRelativeAge', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it.each([
    [0.5, { unit: 'now' }],
    [5, { unit: 'minute', count: 5 }],
    [59, { unit: 'minute', count: 59 }],
    [60, { unit: 'hour', count: 1 }],
    [23 * 60 + 59, { unit: 'hour', count: 23 }],
  ])('%d minutes ago → %o', (minutes, expected) => {
    expect(getRelativeAge(new Date(now.getTime() - minutes * 60_000), now)).toEqual(expected);
  });

  it('gives way to the absolute date after a day, and for future times', () => {
    expect(getRelativeAge(new Date(now.getTime() - 24 * 3_600_000), now)).toBeNull();
    expect(getRelativeAge(new Date(now.getTime() + 60_000), now)).toBeNull();
  });
});
