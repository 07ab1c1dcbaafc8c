import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Ticker } from '@/components/site/ticker';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getDb } from '@/db/client';
import { listBreaking, listLatest } from '@/db/queries/articles';
import { formatArabicDate, formatEnglishDate, formatHijriDate } from '@/lib/arabic/dates';
import { getRequestDateSettings, getRequestNow, getRequestSections } from '@/lib/server/reader';

const TICKER_SIZE = 10;

export default async function SiteLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Site' });
  const db = getDb();
  const now = getRequestNow();
  const dates = await getRequestDateSettings();
  const sections = await getRequestSections();
  const breaking = await listBreaking(db, { locale, now, limit: TICKER_SIZE });
  const latest = await listLatest(db, { locale, now, limit: TICKER_SIZE });
  const seen = new Set(breaking.map((a) => a.id));
  const tickerItems = [...breaking, ...latest.filter((a) => !seen.has(a.id))].slice(0, TICKER_SIZE);
  const today =
    locale === 'ar'
      ? `${formatArabicDate(now, dates, { weekday: true })}${dates.hijri ? ` – ${formatHijriDate(now, dates)}` : ''}`
      : formatEnglishDate(now, dates.timeZone);

  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 bg-accent-600 px-4 py-2 font-bold text-white focus:not-sr-only focus:absolute focus:start-2 focus:top-2"
      >
        {t('skipToContent')}
      </a>
      <SiteHeader locale={locale} sections={sections} todayLabel={today} />
      <Ticker items={tickerItems} locale={locale} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 pt-6 focus:outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} sections={sections} year={String(now.getUTCFullYear())} />
    </>
  );
}
