import { getTranslations } from 'next-intl/server';
import { getLocale } from 'next-intl/server';
import { homePath, latestPath } from '@/lib/article-url';

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-6xl font-bold text-ink-900">404</p>
      <h1 className="mt-4 text-2xl font-bold text-ink-950">{t('title')}</h1>
      <p className="mt-3 text-gray-700">{t('body')}</p>
      <p className="mt-8 flex flex-wrap justify-center gap-4">
        <a
          href={homePath(locale)}
          className="rounded bg-ink-900 px-5 py-2.5 font-semibold text-white hover:bg-ink-800"
        >
          {t('home')}
        </a>
        <a
          href={latestPath(locale)}
          className="rounded border border-ink-900 px-5 py-2.5 font-semibold text-ink-900 hover:bg-ink-50"
        >
          {t('latest')}
        </a>
      </p>
    </div>
  );
}
