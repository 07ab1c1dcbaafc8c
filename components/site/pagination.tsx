import { useTranslations } from 'next-intl';
import { formatNumber, type DigitStyle } from '@/lib/arabic/dates';
import { pageHref } from '@/lib/pagination';

interface Props {
  basePath: string;
  page: number;
  pageCount: number;
  digits: DigitStyle;
  /** The URL of page n, when it is more than basePath?page=n (search keeps its query). */
  hrefFor?: (n: number) => string;
}

export function Pagination({ basePath, page, pageCount, digits, hrefFor }: Props) {
  const href = hrefFor ?? ((n: number) => pageHref(basePath, n));
  const t = useTranslations('Pagination');
  if (pageCount <= 1) return null;
  const link =
    'rounded border border-ink-900 px-4 py-2 font-semibold text-ink-900 hover:bg-ink-900 hover:text-white';
  return (
    <nav aria-label={t('label')} className="mt-10 flex items-center justify-between gap-4">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className={link}>
          <span aria-hidden="true">→ </span>
          {t('previous')}
        </a>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted">
        {t('status', { page: formatNumber(page, digits), pageCount: formatNumber(pageCount, digits) })}
      </p>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className={link}>
          {t('next')}
          <span aria-hidden="true"> ←</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
