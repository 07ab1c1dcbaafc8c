import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/site/error-notice';

/** The tab and the history say what happened: «الصفحة غير موجودة | مداد». */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await getLocale(), namespace: 'NotFound' });
  return { title: t('title'), robots: { index: false, follow: true } };
}

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return <ErrorNotice code={404} title={t('title')} body={t('body')} locale={locale} />;
}
