import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { StaticPageForm } from '@/components/admin/static-page-form';
import { getDb } from '@/db/client';
import { listStaticPages } from '@/db/queries/pages';
import { STATIC_PAGE_SLUGS } from '@/db/schema';
import { localePrefix } from '@/lib/article-url';
import { requirePermission } from '@/lib/auth/guard';
import { logoutAction } from '../actions';
import { saveStaticPageAction } from './actions';

type Props = { params: Promise<{ locale: string }> };

/** About, contact and privacy, in both editions (admins). */
export default async function StaticPagesScreen({ params }: Props) {
  const { locale } = await params;
  const admin = await requirePermission('settings.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.pages' });
  const pages = await listStaticPages(getDb());
  const labels = {
    title: t('fieldTitle'),
    body: t('fieldBody'),
    bodyHelp: t('bodyHelp'),
    save: t('save'),
    saved: t('saved'),
    view: t('view'),
  };
  return (
    <>
      <AdminBar locale={locale} user={admin} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
        {STATIC_PAGE_SLUGS.map((slug) => (
          <section key={slug} aria-labelledby={`pages-${slug}`} className="mt-8">
            <h2 id={`pages-${slug}`} className="text-xl font-bold text-ink-900">
              {t(`names.${slug}`)}
            </h2>
            <div className="mt-3 grid gap-4 lg:grid-cols-2">
              {(['ar', 'en'] as const).map((edition) => {
                const page = pages.find((p) => p.slug === slug && p.locale === edition);
                return (
                  <StaticPageForm
                    key={edition}
                    action={saveStaticPageAction}
                    locale={locale}
                    slug={slug}
                    edition={edition}
                    name={`${t(`names.${slug}`)} — ${t(`editions.${edition}`)}`}
                    initial={{ title: page?.title ?? '', body: page?.body ?? '' }}
                    labels={labels}
                    viewHref={`${localePrefix(edition)}/${slug}`}
                  />
                );
              })}
            </div>
          </section>
        ))}
      </main>
    </>
  );
}
