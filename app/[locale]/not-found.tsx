import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { homePath } from '@/lib/article-url';
import { notFoundMetadata } from '@/lib/seo/metadata';

export async function generateMetadata(): Promise<Metadata> {
  return notFoundMetadata(await getLocale());
}

/** 404 inside an edition but outside the reader chrome (e.g. in the newsroom). */
export default async function LocaleNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-5xl font-bold text-ink-900">404</p>
      <h1 className="mt-4 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-gray-700">{t('body')}</p>
      <p className="mt-8">
        <a href={homePath(locale)} className="font-semibold text-ink-700 underline">
          {t('home')}
        </a>
      </p>
    </main>
  );
}
