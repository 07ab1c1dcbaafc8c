import { useTranslations } from 'next-intl';
import type { ArticleCard as Card, SectionRef } from '@/db/queries/views';
import type { DateSettings } from '@/lib/arabic/dates';
import { sectionPath } from '@/lib/article-url';
import { ArticleCard } from './article-card';

interface Props {
  section: SectionRef;
  items: Card[];
  dates: DateSettings;
  locale: string;
  now: Date;
}

/** A home-page block: a section's newest story with its picture, then headlines. */
export function SectionBlock({ section, items, dates, locale, now }: Props) {
  const t = useTranslations('Home');
  const [first, ...rest] = items;
  if (!first) return null;
  const name = locale === 'ar' ? section.nameAr : section.nameEn;
  const headingId = `section-${section.slug}`;
  return (
    <section aria-labelledby={headingId}>
      <div className="flex items-baseline justify-between border-b-2 border-ink-900 pb-2">
        <h2 id={headingId} className="text-xl font-bold text-ink-900">
          <a href={sectionPath(locale, section.slug)} className="hover:underline">
            {name}
          </a>
        </h2>
        <a
          href={sectionPath(locale, section.slug)}
          className="text-sm font-semibold text-ink-700 hover:underline"
        >
          {t('moreShort')}
          <span className="sr-only"> {t('more', { section: name })}</span>
        </a>
      </div>
      <div className="mt-4 space-y-3">
        <ArticleCard article={first} dates={dates} locale={locale} now={now} showSection={false} />
        {rest.map((a) => (
          <ArticleCard
            key={a.id}
            article={a}
            dates={dates}
            locale={locale}
            now={now}
            variant="compact"
            showSection={false}
          />
        ))}
      </div>
    </section>
  );
}
