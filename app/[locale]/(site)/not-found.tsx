import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/site/error-notice';
import { notFoundMetadata } from '@/lib/seo/metadata';

/** The tab and the history say what happened: «الصفحة غير موجودة | مداد». */
export async function generateMetadata(): Promise<Metadata> {
  return notFoundMetadata(await getLocale());
}

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return <ErrorNotice code={404} title={t('title')} body={t('body')} locale={locale} />;
}
