import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ErrorNotice } from '@/components/site/error-notice';
import { goneToken } from '@/lib/server/gone-page';

type Props = { params: Promise<{ locale: string; token: string }> };

/** «حُذف هذا الخبر | مداد»: what happened, in the tab. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Gone' });
  return { title: t('title'), robots: { index: false, follow: true } };
}

/** The body of the proxy's 410 answer for a deleted story (see lib/server/gone-page.ts). */
export default async function GonePage({ params }: Props) {
  const { locale, token } = await params;
  if (token !== goneToken()) notFound();
  const t = await getTranslations({ locale, namespace: 'Gone' });
  return <ErrorNotice code={410} title={t('title')} body={t('body')} locale={locale} />;
}
