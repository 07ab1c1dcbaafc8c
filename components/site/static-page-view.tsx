import { useTranslations } from 'next-intl';
import type { StaticPage } from '@/db/queries/pages';
import { homePath } from '@/lib/article-url';
import { Breadcrumb } from './breadcrumb';

/** About, contact, privacy: a heading and the admin's text, in the article body's measure. */
export function StaticPageView({ page, locale }: { page: StaticPage; locale: string }) {
  const site = useTranslations('Site');
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb items={[{ label: site('home'), href: homePath(locale) }, { label: page.title }]} />
      <h1 className="mt-4 border-b-2 border-ink-900 pb-4 text-3xl font-bold text-ink-950 sm:text-4xl">
        <bdi>{page.title}</bdi>
      </h1>
      {/* Sanitised on save and again by the page before it gets here. */}
      <div className="article-body mt-6" dir="auto" dangerouslySetInnerHTML={{ __html: page.body }} />
    </div>
  );
}
