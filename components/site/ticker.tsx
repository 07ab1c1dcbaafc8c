import { useTranslations } from 'next-intl';
import type { ArticleCard } from '@/db/queries/views';
import { articleHref } from '@/lib/article-url';

interface Props {
  items: ArticleCard[];
  locale: string;
}

/**
 * "آخر الأخبار": a CSS-only ticker (no client JavaScript). The list is drawn twice so the
 * loop is seamless; the copy is hidden from assistive technology and from keyboard focus.
 */
export function Ticker({ items, locale }: Props) {
  const t = useTranslations('Ticker');
  if (items.length === 0) return null;
  const list = (copy: boolean) => (
    <ul className={`flex shrink-0 items-center ${copy ? 'ticker-copy' : ''}`} aria-hidden={copy || undefined}>
      {items.map((item) => (
        <li key={item.id} className="flex items-center whitespace-nowrap">
          <span aria-hidden="true" className="mx-4 inline-block size-1.5 rounded-full bg-accent-600" />
          {item.breaking && (
            <span className="me-2 rounded-sm bg-accent-600 px-1.5 text-xs font-bold text-white">
              {t('breaking')}
            </span>
          )}
          <a
            href={articleHref({ ...item, locale })}
            tabIndex={copy ? -1 : undefined}
            className="text-ink-950 hover:text-accent-700 hover:underline"
          >
            <bdi>{item.title}</bdi>
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="ticker-label" className="ticker border-b border-rule bg-white">
      <div className="mx-auto flex h-11 max-w-6xl items-stretch gap-0 px-0 sm:px-4">
        <h2
          id="ticker-label"
          className="flex shrink-0 items-center bg-accent-600 px-3 text-sm font-bold whitespace-nowrap text-white"
        >
          {t('label')}
        </h2>
        <div className="ticker-viewport no-scrollbar relative min-w-0 flex-1 overflow-hidden">
          <div
            className="ticker-track flex h-full w-max items-center text-sm"
            style={{ ['--ticker-duration' as string]: `${items.length * 9}s` }}
          >
            {list(false)}
            {list(true)}
          </div>
        </div>
        <label className="ticker-pause-control flex shrink-0 cursor-pointer items-center gap-1 border-s border-rule px-3 text-sm text-ink-900 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent-600">
          <input type="checkbox" className="ticker-pause size-4 accent-accent-600" />
          <span aria-hidden="true">{t('pauseShort')}</span>
          <span className="sr-only">{t('pause')}</span>
        </label>
      </div>
    </section>
  );
}
