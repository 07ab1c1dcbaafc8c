import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { MediaUploader } from '@/components/admin/media-uploader';
import { HeroImage } from '@/components/site/hero-image';
import { getDb } from '@/db/client';
import { listMediaLibrary } from '@/db/queries/newsroom';
import { requireUser } from '@/lib/auth/guard';
import { logoutAction } from '../actions';

export default async function MediaPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: 'Admin.media' });
  const items = listMediaLibrary(getDb());
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        <div className="mt-4 max-w-2xl">
          <MediaUploader locale={locale} />
        </div>
        <ul className="mt-8 grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-6">
          {items.map((m) => (
            <li key={m.id} className="rounded bg-white p-2 shadow-sm">
              <HeroImage image={m} sizes="180px" />
              <p className="mt-1 line-clamp-2 text-xs" dir="auto">
                #{m.id} · {m.alt}
              </p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
