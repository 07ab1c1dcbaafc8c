import { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/arabic/dates';
import { adminPath } from '@/lib/article-url';

/** «كل الأخبار» | «المحذوفات (3)» above the articles table (editors). */
export function ArticlesTabs({
  locale,
  current,
  trashCount,
}: {
  locale: string;
  current: 'all' | 'trash';
  trashCount: number;
}) {
  const t = useTranslations('Admin.trash');
  const tab = (active: boolean) =>
    `border-b-2 px-3 py-2 font-semibold ${active ? 'border-ink-900 text-ink-950' : 'border-transparent text-ink-700 hover:border-rule'}`;
  return (
    <nav aria-label={t('title')} className="mt-4 flex gap-2 border-b border-rule">
      <a
        href={adminPath(locale, '/articles')}
        aria-current={current === 'all' ? 'page' : undefined}
        className={tab(current === 'all')}
      >
        {t('allTab')}
      </a>
      <a
        href={adminPath(locale, '/articles?view=trash')}
        aria-current={current === 'trash' ? 'page' : undefined}
        className={tab(current === 'trash')}
      >
        {t('tab')}
        {trashCount > 0 && (
          <span className="ms-1 text-sm text-muted">({formatNumber(trashCount, 'latn')})</span>
        )}
      </a>
    </nav>
  );
}
