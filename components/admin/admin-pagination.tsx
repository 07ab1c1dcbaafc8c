import { useTranslations } from 'next-intl';

interface Props {
  locale: string;
  page: number;
  pageCount: number;
  /** The URL of page n, keeping the list's filters. */
  hrefFor: (n: number) => string;
  /** What is being paged, for the nav's accessible name («صفحات الأخبار»). */
  label: string;
}

/** The pages worth a link: the first, the last, and two either side of the current one. */
export function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const out: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) out.push(n);
    else if (out.at(-1) !== 'gap') out.push('gap');
  }
  return out;
}

export function AdminPagination({ locale, page, pageCount, hrefFor, label }: Props) {
  const t = useTranslations('Admin.pagination');
  if (pageCount <= 1) return null;
  // Arrows point the way the text runs: in Arabic «السابقة» is to the right.
  const [prevArrow, nextArrow] = locale === 'en' ? ['←', '→'] : ['→', '←'];
  const link =
    'inline-block rounded border border-rule px-3 py-1.5 font-semibold text-ink-900 hover:bg-ink-100';
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className={link}>
          <span aria-hidden="true">{prevArrow} </span>
          {t('previous')}
        </a>
      ) : (
        <span />
      )}
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={hrefFor(n)}
                aria-label={t('page', { n })}
                aria-current={n === page ? 'page' : undefined}
                className={`${link} ${n === page ? 'border-ink-900 bg-ink-900 text-white hover:bg-ink-900' : ''}`}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next" className={link}>
          {t('next')}
          <span aria-hidden="true"> {nextArrow}</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
