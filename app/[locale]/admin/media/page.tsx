import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { MediaLibraryItemCard } from '@/components/admin/media-library-item';
import { MediaUploader } from '@/components/admin/media-uploader';
import { getDb } from '@/db/client';
import { searchMediaLibrary } from '@/db/queries/media';
import { adminPath } from '@/lib/article-url';
import { requireUser } from '@/lib/auth/guard';
import { canManageMedia } from '@/lib/auth/permissions';
import { logoutAction } from '../actions';

export default async function MediaPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { locale } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? '';
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: 'Admin.media' });
  const items = await searchMediaLibrary(getDb(), { q, limit: 96 });
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        <div className="mt-4 max-w-2xl">
          <MediaUploader locale={locale} />
        </div>
        <form role="search" method="get" className="mt-8 flex max-w-2xl flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="media-q" className="font-semibold">
              {t('search')}
            </label>
            <input
              id="media-q"
              name="q"
              type="search"
              dir="auto"
              defaultValue={q}
              className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2"
            />
          </div>
          <button className="rounded bg-ink-900 px-4 py-2 font-bold text-white">{t('searchButton')}</button>
        </form>
        {items.length === 0 ? (
          <p className="mt-6 text-muted">{t(q ? 'noResults' : 'empty')}</p>
        ) : (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((m) => (
              <MediaLibraryItemCard
                key={`${m.id}-${m.alt}-${m.focalX}-${m.focalY}`}
                item={m}
                canEdit={canManageMedia(user, m.uploadedBy)}
                adminBase={adminPath(locale)}
              />
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
