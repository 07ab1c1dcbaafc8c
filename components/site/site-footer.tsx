import { useTranslations } from 'next-intl';
import type { SectionRef } from '@/db/queries/views';
import { localePrefix, sectionPath } from '@/lib/article-url';

/** The feed glyph (a dot and two arcs), so the feeds column does not read as a second sections list. */
function FeedIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="size-3.5 shrink-0 text-accent-600"
      fill="currentColor"
    >
      <circle cx="3" cy="13" r="2" />
      <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5h-2.2A6.3 6.3 0 0 0 1 8.7zM1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z" />
    </svg>
  );
}

export function SiteFooter({
  locale,
  sections,
  year,
}: {
  locale: string;
  sections: SectionRef[];
  year: string;
}) {
  const t = useTranslations('Footer');
  const site = useTranslations('Site');
  return (
    <footer className="mt-16 bg-ink-950 text-ink-100">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-10 sm:grid-cols-2 lg:grid-cols-[1.2fr_1fr_1.4fr_0.8fr]">
        <div>
          <p className="text-3xl font-bold text-white">{site('name')}</p>
          <p className="mt-3 max-w-sm text-sm leading-relaxed text-ink-100">{t('about')}</p>
        </div>
        <nav aria-label={site('sections')}>
          <h2 className="text-sm font-bold text-white">{site('sections')}</h2>
          <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={sectionPath(locale, s.slug)} className="hover:underline">
                  {locale === 'ar' ? s.nameAr : s.nameEn}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('feeds')}>
          <h2 className="text-sm font-bold text-white">{t('feeds')}</h2>
          {/* Every section's feed, so a reader can follow just the ones they want. */}
          <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
            <li className="col-span-2">
              <a
                href={`${localePrefix(locale)}/feed.xml`}
                className="inline-flex items-center gap-1.5 hover:underline"
              >
                <FeedIcon />
                {t('rss')} – {site('name')}
              </a>
            </li>
            {sections.map((s) => (
              <li key={s.id}>
                <a
                  href={`${sectionPath(locale, s.slug)}/feed.xml`}
                  className="inline-flex items-center gap-1.5 hover:underline"
                  aria-label={t('sectionFeed', { section: locale === 'ar' ? s.nameAr : s.nameEn })}
                >
                  <FeedIcon />
                  {locale === 'ar' ? s.nameAr : s.nameEn}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('siteLinks')}>
          <h2 className="text-sm font-bold text-white">{t('siteLinks')}</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {(['about', 'contact', 'privacy'] as const).map((slug) => (
              <li key={slug}>
                <a href={`${localePrefix(locale)}/${slug}`} className="hover:underline">
                  {t(`${slug}Link`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p className="border-t border-ink-800 py-4 text-center text-xs text-ink-100">{t('rights', { year })}</p>
    </footer>
  );
}
