import { useTranslations } from 'next-intl';
import { homePath, latestPath } from '@/lib/article-url';

/** The body of the 404 and 410 pages, inside the site's header and footer. */
export function ErrorNotice({
  code,
  title,
  body,
  locale,
}: {
  code: 404 | 410;
  title: string;
  body: string;
  locale: string;
}) {
  const t = useTranslations('NotFound');
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-6xl font-bold text-ink-900" aria-hidden="true">
        {code}
      </p>
      <h1 className="mt-4 text-2xl font-bold text-ink-950">{title}</h1>
      <p className="mt-3 text-gray-700">{body}</p>
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
