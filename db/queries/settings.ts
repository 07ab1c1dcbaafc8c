import type { Db } from '../client';
import { settings } from '../schema';
import { allRows, preparedPerDb } from './prepared';
import {
  DIGIT_STYLES,
  MONTH_STYLES,
  type DateSettings,
  type DigitStyle,
  type MonthStyle,
} from '@/lib/arabic/dates';
import { SITE_TIME_ZONE } from '@/lib/config';

export const SETTING_KEYS = {
  months: 'dates.months',
  digits: 'dates.digits',
  hijri: 'dates.hijri',
} as const;

const settingsStatement = preparedPerDb((db) => db.select().from(settings).prepare());

/** Date display settings; unknown or missing values fall back to the Levantine, Western-digit default. */
export async function getDateSettings(db: Db): Promise<DateSettings> {
  const rows = new Map((await allRows(settingsStatement(db))).map((r) => [r.key, r.value]));
  const months = rows.get(SETTING_KEYS.months);
  const digits = rows.get(SETTING_KEYS.digits);
  return {
    months: MONTH_STYLES.includes(months as MonthStyle) ? (months as MonthStyle) : 'levantine',
    digits: DIGIT_STYLES.includes(digits as DigitStyle) ? (digits as DigitStyle) : 'latn',
    hijri: rows.get(SETTING_KEYS.hijri) === 'true',
    timeZone: SITE_TIME_ZONE,
  };
}
