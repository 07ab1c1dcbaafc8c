import { useTranslations } from 'next-intl';
import type { ArticleCard } from '@/db/queries/views';
import { articleHref } from '@/lib/article-url';
import { TickerPause } from './ticker-pause';

interface Props {
  items: ArticleCard[];
  locale: string;
}

/**
 * "آخر الأخبار": a CSS ticker. The list is drawn twice so the
 * loop is seamless; the copy is hidden from assistive technology and from keyboard focus. The
 * pause button is the one small island (it needs to change its own name).
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
        <TickerPause pauseLabel={t('pause')} playLabel={t('play')} />
      </div>
    </section>
  );
}
