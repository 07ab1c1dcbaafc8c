import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/site/article-card';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { ListingAside } from '@/components/site/listing-aside';
import { Pagination } from '@/components/site/pagination';
import { SearchResultItem } from '@/components/site/search-result';
import { DateField } from '@/components/ui/date-field';
import { getDb } from '@/db/client';
import { listLatest } from '@/db/queries/articles';
import { searchArticles } from '@/db/search';
import { formatNumber } from '@/lib/arabic/dates';
import { homePath, localePrefix } from '@/lib/article-url';
import { SITE_TIME_ZONE } from '@/lib/config';
import { parseSearchRequest, searchHref } from '@/lib/search/params';
import { notFoundMetadata, readerMetadata } from '@/lib/seo/metadata';
import { listingMostRead, type SearchParams } from '@/lib/server/listing';
import { getRequestDateSettings, getRequestNow, getRequestSections } from '@/lib/server/reader';

type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

const searchPath = (locale: string) => `${localePrefix(locale)}/search`;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Search' });
  const { q, page } = parseSearchRequest(await searchParams, SITE_TIME_ZONE);
  if (page === null) return notFoundMetadata(locale);
  // Result pages are endless and thin: never indexed (robots.txt keeps crawlers out as well).
  return readerMetadata({
    locale,
    title: q.trim() ? t('resultsTitle', { q: q.trim().slice(0, 80) }) : t('title'),
    description: t('description'),
    path: searchPath(locale),
    noindex: true,
  });
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Search' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const td = await getTranslations({ locale, namespace: 'DateField' });
  const dateLabels = { day: td('day'), month: td('month'), year: td('year') };
  const request = parseSearchRequest(await searchParams, SITE_TIME_ZONE);
  if (request.page === null) notFound();
  const db = getDb();
  const now = getRequestNow();
  const dates = await getRequestDateSettings();
  const digits = locale === 'ar' ? dates.digits : 'latn';
  const sections = await getRequestSections();
  const q = request.q.trim();
  const result = q
    ? await searchArticles(db, {
        q,
        locale,
        section: request.section,
        from: request.from,
        to: request.to,
        page: request.page,
        now,
      })
    : null;
  const latest = result && result.total > 0 ? [] : await listLatest(db, { locale, now, limit: 6 });
  const field =
    'rounded border border-muted bg-white px-3 py-2 text-ink-950 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/30';

  return (
    <ListingAside mostRead={await listingMostRead(locale)} locale={locale} digits={digits}>
      <Breadcrumb items={[{ label: site('home'), href: homePath(locale) }, { label: t('title') }]} />
      <h1 className="mt-4 text-3xl font-bold text-ink-950 sm:text-4xl">
        {q ? <bdi>{t('resultsTitle', { q: q.slice(0, 120) })}</bdi> : t('title')}
      </h1>

      <form
        role="search"
        action={searchPath(locale)}
        method="get"
        className="mt-6 grid min-w-0 grid-cols-1 gap-4"
      >
        <div className="flex gap-2">
          <label htmlFor="search-q" className="sr-only">
            {t('label')}
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={request.q}
            maxLength={200}
            placeholder={t('placeholder')}
            dir="auto"
            className={`${field} min-w-0 flex-1 text-lg`}
          />
          <button
            type="submit"
            className="rounded bg-accent-700 px-5 py-2 font-bold text-white hover:bg-ink-900 focus:outline-none focus:ring-2 focus:ring-accent-600/40"
          >
            {t('submit')}
          </button>
        </div>
        {/* A fieldset is min-content wide (min-inline-size: min-content), and an auto grid track
            grows to it: the form's one column is minmax(0, 1fr) and nothing inside may insist on
            its content's width, else the filters make the page 482 px wide on a phone. */}
        <fieldset className="grid min-w-0 grid-cols-1 gap-3 sm:grid-cols-3 [&>*]:min-w-0">
          <legend className="sr-only">{t('filters')}</legend>
          <label className="grid gap-1 text-sm font-semibold text-ink-700">
            {t('section')}
            <select name="section" defaultValue={request.section ?? ''} className={field}>
              <option value="">{t('anySection')}</option>
              {sections.map((s) => (
                <option key={s.id} value={s.slug}>
                  {locale === 'ar' ? s.nameAr : s.nameEn}
                </option>
              ))}
            </select>
          </label>
          <DateField
            name="from"
            legend={t('from')}
            labels={dateLabels}
            locale={locale}
            defaultValue={request.fromDay}
            invalid={request.badDate}
          />
          <DateField
            name="to"
            legend={t('to')}
            labels={dateLabels}
            locale={locale}
            defaultValue={request.toDay}
            invalid={request.badDate}
          />
        </fieldset>
      </form>

      {request.badDate && (
        <p role="status" className="mt-4 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-ink-900">
          {t('badDate')}
        </p>
      )}

      {!q && <p className="mt-6 text-muted">{t('tips')}</p>}

      {q && !result && (
        <p role="status" className="mt-6 text-lg text-ink-900">
          {t('nothingToSearch')} {t('tips')}
        </p>
      )}

      {result && result.total > 0 && (
        <section aria-labelledby="results-count" className="mt-6">
          <h2 id="results-count" className="border-b-2 border-ink-900 pb-2 text-lg font-bold text-ink-900">
            {t('count', { count: result.total, n: formatNumber(result.total, digits) })}
          </h2>
          {result.items.map((item) => (
            <SearchResultItem key={item.id} result={item} dates={dates} locale={locale} now={now} />
          ))}
          <Pagination
            basePath={searchPath(locale)}
            page={result.page}
            pageCount={result.pageCount}
            digits={digits}
            hrefFor={(n) => searchHref(searchPath(locale), request, n)}
          />
        </section>
      )}

      {result && result.total === 0 && (
        <div role="status" className="mt-6">
          <p className="text-lg font-semibold text-ink-900">
            <bdi>{t('empty', { q: q.slice(0, 120) })}</bdi>
          </p>
          <p className="mt-2 text-muted">{t('emptyHelp')}</p>
        </div>
      )}

      {latest.length > 0 && (q || !result) && (
        <section aria-labelledby="latest-instead" className="mt-10">
          <h2 id="latest-instead" className="border-b-2 border-ink-900 pb-2 text-xl font-bold text-ink-900">
            {t('latestInstead')}
          </h2>
          <div className="mt-2">
            {latest.map((a) => (
              <ArticleCard key={a.id} article={a} dates={dates} locale={locale} now={now} variant="row" />
            ))}
          </div>
        </section>
      )}
    </ListingAside>
  );
}
