import type { Metadata, Viewport } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { routing } from '@/i18n/routing';
import { getSiteUrl } from '@/lib/config';
import { siteName } from '@/lib/seo/metadata';
import { arabicFont } from '../fonts';

export const dynamic = 'force-dynamic';

export const viewport: Viewport = { themeColor: '#0a1a2e', width: 'device-width', initialScale: 1 };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Home' });
  return {
    metadataBase: new URL(getSiteUrl()),
    // "Headline | مداد" on every page; the home page's own title stands alone.
    title: { default: t('title'), template: `%s | ${siteName(locale)}` },
    description: t('description'),
    applicationName: siteName(locale),
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} dir={locale === 'ar' ? 'rtl' : 'ltr'} className={arabicFont.variable}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
