import { useTranslations } from 'next-intl';
import {
  formatArabicDate,
  formatArabicTime,
  formatEnglishDate,
  formatEnglishTime,
  formatNumber,
  getRelativeAge,
  type DateSettings,
} from '@/lib/arabic/dates';

interface Props {
  date: Date;
  dates: DateSettings;
  locale: string;
  /** Show "منذ 5 دقائق" for stories under a day old; the absolute time stays in the tooltip. */
  now?: Date;
  withTime?: boolean;
  className?: string;
}

export function absoluteDate(date: Date, dates: DateSettings, locale: string, withTime = false): string {
  if (locale !== 'ar') {
    const day = formatEnglishDate(date, dates.timeZone);
    return withTime ? `${day}, ${formatEnglishTime(date, dates.timeZone)}` : day;
  }
  const day = formatArabicDate(date, dates);
  return withTime ? `${day}، ${formatArabicTime(date, dates)}` : day;
}

export function TimeLabel({ date, dates, locale, now, withTime, className }: Props) {
  const t = useTranslations('Time');
  const absolute = absoluteDate(date, dates, locale, true);
  const age = now ? getRelativeAge(date, now) : null;
  let text = absoluteDate(date, dates, locale, withTime);
  if (age?.unit === 'now') text = t('now');
  else if (age) {
    const n = formatNumber(age.count, locale === 'ar' ? dates.digits : 'latn');
    text = t(age.unit === 'minute' ? 'minutesAgo' : 'hoursAgo', { count: age.count, n });
  }
  return (
    <time dateTime={date.toISOString()} title={absolute} className={className}>
      {text}
    </time>
  );
}
