import { useTranslations } from 'next-intl';
import type { ArticleCard as Card, ArticleView as Article } from '@/db/queries/views';
import { formatHijriDate, formatNumber, type DateSettings } from '@/lib/arabic/dates';
import { articleHref, authorPath, homePath, sectionPath, tagPath } from '@/lib/article-url';
import { readingMinutes } from '@/lib/text';
import { ArticleCard } from './article-card';
import { Breadcrumb } from './breadcrumb';
import { HeroImage } from './hero-image';
import { MostRead } from './most-read';
import { ShareLinks } from './share-links';
import { TimeLabel } from './time-label';
import { cleanCredit } from '@/lib/media/credit';

interface Props {
  article: Article;
  related: Card[];
  mostRead: Card[];
  dates: DateSettings;
  now: Date;
  canonicalUrl: string;
  relatedTitle: string;
  /** Previews must not count as reads. */
  countView?: boolean;
}

/** "28-11-2026" in the newsroom's time zone, as Arabic sites print it in source lines. */
function numericDate(date: Date, dates: DateSettings, locale: string): string {
  const parts = new Intl.DateTimeFormat(`en-GB-u-ca-gregory-nu-${locale === 'ar' ? dates.digits : 'latn'}`, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: dates.timeZone,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}-${get('month')}-${get('year')}`;
}

export function ArticleView({
  article,
  related,
  mostRead,
  dates,
  now,
  canonicalUrl,
  relatedTitle,
  countView = true,
}: Props) {
  const t = useTranslations('Article');
  const site = useTranslations('Site');
  const locale = article.locale;
  const digits = locale === 'ar' ? dates.digits : 'latn';
  const sectionName = locale === 'ar' ? article.section.nameAr : article.section.nameEn;
  const minutes = readingMinutes(article.wordCount);
  const updated = article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000;
  const source = [article.sourceOutlet, article.sourceAgency].filter(Boolean).join(' – ');

  return (
    <article>
      <Breadcrumb
        items={[
          { label: site('home'), href: homePath(locale) },
          { label: sectionName, href: sectionPath(locale, article.section.slug) },
          { label: article.title },
        ]}
      />
      <div className="mt-6 grid gap-10 lg:grid-cols-12">
        <div className="min-w-0 lg:col-span-8">
          <header>
            <p className="flex items-center gap-2 text-sm font-bold">
              {article.breaking && (
                <span className="rounded-sm bg-accent-600 px-2 py-0.5 text-white">{t('breaking')}</span>
              )}
              <a href={sectionPath(locale, article.section.slug)} className="text-accent-700 hover:underline">
                {sectionName}
              </a>
            </p>
            <h1 className="mt-3 text-3xl leading-snug font-bold text-ink-950 sm:text-4xl sm:leading-snug">
              <bdi>{article.title}</bdi>
            </h1>
            {article.dek && (
              <p className="mt-4 text-xl leading-relaxed text-gray-700" dir="auto">
                {article.dek}
              </p>
            )}
            <div className="mt-5 flex flex-wrap items-center gap-x-5 gap-y-2 border-y border-rule py-3 text-sm text-muted">
              {article.authors.length > 0 && (
                <p>
                  {t('by')}{' '}
                  {article.authors.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 && t('and')}
                      <a
                        href={authorPath(locale, a.slug)}
                        rel="author"
                        className="font-bold text-ink-900 hover:underline"
                      >
                        <bdi>{a.name}</bdi>
                      </a>
                    </span>
                  ))}
                </p>
              )}
              <p>
                {t('published')}{' '}
                <TimeLabel date={article.publishedAt} dates={dates} locale={locale} withTime />
                {locale === 'ar' && dates.hijri && (
                  <span>
                    {' '}
                    ({t('hijri')} {formatHijriDate(article.publishedAt, dates)})
                  </span>
                )}
              </p>
              {updated && (
                <p>
                  {t('updated')}{' '}
                  <TimeLabel date={article.updatedAt} dates={dates} locale={locale} now={now} withTime />
                </p>
              )}
              <p>{t('readingTime', { count: minutes, n: formatNumber(minutes, digits) })}</p>
              {article.translation && (
                // Named in the other edition's language, for the reader who reads that one.
                <p
                  lang={article.translation.locale}
                  dir={article.translation.locale === 'ar' ? 'rtl' : 'ltr'}
                >
                  <a
                    href={articleHref(article.translation)}
                    hrefLang={article.translation.locale}
                    className="font-semibold text-accent-700 underline"
                  >
                    {t('translation')}
                  </a>
                </p>
              )}
            </div>
          </header>

          {article.image && (
            <figure className="mt-6">
              <HeroImage
                image={article.image}
                sizes="(min-width: 1024px) 760px, 100vw"
                priority
                className="rounded-md"
              />
              {(article.image.caption || article.image.credit) && (
                <figcaption className="mt-2 text-sm text-muted">
                  <bdi>{article.image.caption}</bdi>
                  {cleanCredit(article.image.credit) && (
                    <span>
                      {' '}
                      – {t('imageCredit')}: <bdi>{cleanCredit(article.image.credit)}</bdi>
                    </span>
                  )}
                </figcaption>
              )}
            </figure>
          )}

          <div
            className="article-body mt-8 text-gray-900"
            dangerouslySetInnerHTML={{ __html: article.body }}
          />

          {article.corrections.length > 0 && (
            <aside
              aria-labelledby="corrections"
              className="mt-8 rounded-md border-s-4 border-amber-500 bg-amber-50 p-4"
            >
              <h2 id="corrections" className="font-bold text-ink-950">
                {t('corrections')}
              </h2>
              <ul className="mt-2 space-y-2 text-sm">
                {article.corrections.map((c) => (
                  <li key={c.id}>
                    <TimeLabel date={c.createdAt} dates={dates} locale={locale} className="font-semibold" />:{' '}
                    <span dir="auto">{c.note}</span>
                  </li>
                ))}
              </ul>
            </aside>
          )}

          {source && (
            <p className="mt-8 text-sm font-semibold text-muted">
              <span className="sr-only">{t('source')}: </span>(<bdi>{source}</bdi>{' '}
              {numericDate(article.publishedAt, dates, locale)})
            </p>
          )}

          {article.tags.length > 0 && (
            <div className="mt-8">
              <h2 className="sr-only">{t('tags')}</h2>
              <ul className="flex flex-wrap gap-2">
                {article.tags.map((tag) => (
                  <li key={tag.id}>
                    <a
                      href={tagPath(locale, tag.slug)}
                      rel="tag"
                      className="inline-block rounded bg-ink-50 px-3 py-1 text-sm font-semibold text-ink-800 hover:bg-ink-100"
                    >
                      <bdi>{tag.name}</bdi>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className="mt-8 border-t border-rule pt-6">
            <ShareLinks url={canonicalUrl} title={article.title} />
          </div>
        </div>

        <aside className="lg:col-span-4">
          <div className="lg:sticky lg:top-4">
            <MostRead items={mostRead} locale={locale} digits={digits} />
          </div>
        </aside>
      </div>

      {related.length > 0 && (
        <section aria-labelledby="related" className="mt-14">
          <h2 id="related" className="border-b-2 border-ink-900 pb-2 text-2xl font-bold text-ink-900">
            {relatedTitle}
          </h2>
          <div className="mt-5 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {related.map((a) => (
              <div key={a.id}>
                <ArticleCard article={a} dates={dates} locale={locale} now={now} />
                <p className="mt-2 line-clamp-3 text-sm text-gray-700" dir="auto">
                  {a.dek}
                </p>
              </div>
            ))}
          </div>
        </section>
      )}

      {/* Counts a view without making the page uncacheable; see app/api/views/[id]/route.ts.
          Low priority: React would otherwise hoist a preload of it into <head>, ahead of the
          lead image and the fonts on a slow connection. */}
      {countView && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={`/api/views/${article.id}`}
          alt=""
          width={1}
          height={1}
          fetchPriority="low"
          className="absolute size-px opacity-0"
        />
      )}
    </article>
  );
}
