import { useTranslations } from 'next-intl';
import type { ArticleCard as Card, Page } from '@/db/queries/views';
import { formatNumber, type DateSettings } from '@/lib/arabic/dates';
import { homePath } from '@/lib/article-url';
import { pageHref } from '@/lib/pagination';
import { listingStructuredData } from '@/lib/seo/structured';
import { JsonLd } from '@/components/seo/json-ld';
import { ArticleCard } from './article-card';
import { Breadcrumb } from './breadcrumb';
import { ListingAside } from './listing-aside';
import { Pagination } from './pagination';

interface Props {
  title: string;
  intro?: string;
  basePath: string;
  result: Page<Card>;
  dates: DateSettings;
  locale: string;
  now: Date;
  showSection?: boolean;
  /** The side column at desktop width (below the list on phones). */
  mostRead?: Card[];
}

/** Section, tag, author and latest pages: breadcrumb, heading, 20 stories, previous/next. */
export function ListingView({
  title,
  intro,
  basePath,
  result,
  dates,
  locale,
  now,
  showSection = true,
  mostRead = [],
}: Props) {
  const site = useTranslations('Site');
  const t = useTranslations('Listing');
  const digits = locale === 'ar' ? dates.digits : 'latn';
  const structured = listingStructuredData(
    locale,
    { path: pageHref(basePath, result.page), title, description: intro, homeLabel: site('home') },
    result.items,
  );
  return (
    <ListingAside mostRead={mostRead} locale={locale} digits={digits}>
      <JsonLd data={structured} />
      <Breadcrumb items={[{ label: site('home'), href: homePath(locale) }, { label: title }]} />
      <header className="mt-4 border-b-2 border-ink-900 pb-4">
        <h1 className="text-3xl font-bold text-ink-950 sm:text-4xl">
          <bdi>{title}</bdi>
        </h1>
        {intro && (
          <p className="mt-2 text-gray-700" dir="auto">
            {intro}
          </p>
        )}
        <p className="mt-2 text-sm text-muted">
          {t('count', { count: result.total, n: formatNumber(result.total, digits) })}
        </p>
      </header>
      {result.items.length === 0 ? (
        <p className="py-16 text-center text-muted">{t('empty')}</p>
      ) : (
        <div className="mt-2">
          {result.items.map((a, i) => (
            <ArticleCard
              key={a.id}
              article={a}
              dates={dates}
              locale={locale}
              now={now}
              variant="row"
              headingLevel="h2"
              showSection={showSection}
              priority={i === 0}
            />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} page={result.page} pageCount={result.pageCount} digits={digits} />
    </ListingAside>
  );
}
