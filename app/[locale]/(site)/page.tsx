import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { JsonLd } from '@/components/seo/json-ld';
import { ArticleCard } from '@/components/site/article-card';
import { MostRead } from '@/components/site/most-read';
import { SectionBlock } from '@/components/site/section-block';
import { getDb } from '@/db/client';
import { listFeatured, listHomeSectionBlocks, listLatest } from '@/db/queries/articles';
import { listMostRead } from '@/db/queries/most-read';
import { homePath, localePrefix } from '@/lib/article-url';
import { editionLanguages, readerMetadata } from '@/lib/seo/metadata';
import { homeStructuredData } from '@/lib/seo/structured';
import { getRequestDateSettings, getRequestNow, getRequestSections } from '@/lib/server/reader';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Home' });
  const metadata = readerMetadata({
    locale,
    title: t('title'),
    description: t('description'),
    path: homePath(locale),
    languages: editionLanguages(homePath('ar'), homePath('en')),
    feed: { path: `${localePrefix(locale)}/feed.xml`, title: t('title') },
  });
  // The home page's title already names the site: no " | مداد" after it.
  return { ...metadata, title: { absolute: t('title') } };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Home' });
  const db = getDb();
  const now = getRequestNow();
  const dates = await getRequestDateSettings();
  const sections = await getRequestSections();

  const featured = await listFeatured(db, { locale, now, limit: 5 });
  const latest = await listLatest(db, { locale, now, limit: 6 });
  const top = featured[0] ?? latest[0];
  if (!top) {
    return <p className="py-20 text-center text-lg text-muted">{t('empty')}</p>;
  }
  const picks = [...featured, ...latest]
    .filter((a, i, all) => a.id !== top.id && all.findIndex((b) => b.id === a.id) === i)
    .slice(0, 4);
  const mostRead = await listMostRead(db, { locale, now, limit: 6 });
  const sectionCards = await listHomeSectionBlocks(db, {
    sectionIds: sections.map((s) => s.id),
    locale,
    now,
    limit: 4,
  });
  const blocks = sections.map((section) => ({ section, items: sectionCards.get(section.id) ?? [] }));

  return (
    <>
      <JsonLd data={homeStructuredData(locale, t('title'), [top, ...picks])} />
      <h1 className="sr-only">{t('title')}</h1>
      <div className="grid gap-8 lg:grid-cols-12">
        <section aria-labelledby="top-story" className="lg:col-span-8">
          <h2 id="top-story" className="sr-only">
            {t('topStory')}
          </h2>
          <ArticleCard article={top} dates={dates} locale={locale} now={now} variant="lead" priority />
        </section>
        <section aria-labelledby="featured" className="lg:col-span-4">
          <h2 id="featured" className="border-b-2 border-ink-900 pb-2 text-xl font-bold text-ink-900">
            {t('featured')}
          </h2>
          <div className="mt-1">
            {picks.map((a) => (
              <ArticleCard key={a.id} article={a} dates={dates} locale={locale} now={now} variant="side" />
            ))}
          </div>
        </section>
      </div>

      <div className="mt-12 grid gap-10 lg:grid-cols-12">
        <div className="grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:col-span-9 lg:grid-cols-3">
          {blocks.map((b) => (
            <SectionBlock
              key={b.section.id}
              section={b.section}
              items={b.items}
              dates={dates}
              locale={locale}
              now={now}
            />
          ))}
        </div>
        <aside className="lg:col-span-3">
          <div className="lg:sticky lg:top-4">
            <MostRead items={mostRead} locale={locale} digits={dates.digits} />
          </div>
        </aside>
      </div>
    </>
  );
}
