import { useTranslations } from 'next-intl';
import type { SectionRef } from '@/db/queries/views';
import { homePath, latestPath, localePrefix, sectionPath } from '@/lib/article-url';

interface Props {
  locale: string;
  sections: SectionRef[];
  todayLabel: string;
  activeSection?: string;
}

export function SiteHeader({ locale, sections, todayLabel, activeSection }: Props) {
  const t = useTranslations('Site');
  // The same page in the other edition where there is one (see app/api/edition): a story's
  // translation, the same section; else that edition's home.
  const otherEdition = `/api/edition?to=${locale === 'ar' ? 'en' : 'ar'}`;
  return (
    <header className="bg-white">
      <div className="bg-ink-950 text-ink-100">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-1.5 text-xs sm:text-sm">
          <p>{todayLabel}</p>
          <a
            href={otherEdition}
            hrefLang={locale === 'ar' ? 'en' : 'ar'}
            rel="nofollow"
            referrerPolicy="same-origin"
            className="hover:underline"
          >
            {/* CASE: the accessible name starts with the words on screen (WCAG 2.5.3), so a reader
                who says "click English" reaches it; the hidden part, in this page's language,
                says what the word leads to. */}
            <span lang={locale === 'ar' ? 'en' : 'ar'}>{t('otherEdition')}</span>
            <span className="sr-only"> ({t('otherEditionLabel')})</span>
          </a>
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl items-end justify-between gap-4 px-4 pt-5 pb-4">
        <a href={homePath(locale)} className="group flex items-baseline gap-3 text-ink-900">
          <span className="text-4xl leading-none font-bold tracking-tight sm:text-5xl">{t('name')}</span>
          <span className="hidden text-base text-muted sm:inline">{t('tagline')}</span>
        </a>
        <div className="flex items-center gap-2 text-sm font-semibold text-ink-700">
          <a href={latestPath(locale)} className="px-1 py-2 hover:underline">
            {t('latest')}
          </a>
          <a
            href={`${localePrefix(locale)}/search`}
            className="flex items-center gap-1.5 rounded border border-ink-900 px-3 py-2 text-ink-900 hover:bg-ink-900 hover:text-white"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <circle cx="8.5" cy="8.5" r="5.5" />
              <path d="m13 13 4.5 4.5" strokeLinecap="round" />
            </svg>
            {t('search')}
          </a>
        </div>
      </div>
      <nav aria-label={t('mainNav')} className="section-menu relative border-y-2 border-ink-900 bg-white">
        {/* pe-12 on phones: the last section can scroll clear of the end-edge fade (globals.css). */}
        <ul className="no-scrollbar mx-auto flex max-w-6xl gap-1 overflow-x-auto ps-2 pe-12 sm:ps-4 lg:pe-4">
          <li>
            <a
              href={homePath(locale)}
              className="block px-3 py-2.5 text-[0.95rem] font-semibold whitespace-nowrap text-ink-900 hover:bg-ink-50"
            >
              {t('home')}
            </a>
          </li>
          {sections.map((s) => {
            const active = s.slug === activeSection;
            return (
              <li key={s.id}>
                <a
                  href={sectionPath(locale, s.slug)}
                  aria-current={active ? 'page' : undefined}
                  className={`block px-3 py-2.5 text-[0.95rem] font-semibold whitespace-nowrap hover:bg-ink-50 ${
                    active ? 'bg-ink-900 text-white hover:bg-ink-800' : 'text-ink-900'
                  }`}
                >
                  {locale === 'ar' ? s.nameAr : s.nameEn}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
