import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { getDb } from '@/db/client';
import { listTagsForAdmin } from '@/db/queries/taxonomy';
import { requirePermission } from '@/lib/auth/guard';
import { logoutAction } from '../actions';
import { saveTagAction } from '../sections/actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TagsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const user = await requirePermission('taxonomy.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.taxonomy' });
  const status = (await searchParams).status;
  const cell = 'rounded border border-gray-400 bg-white px-2 py-1';
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-4xl space-y-2 px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('tags')}</h1>
        {typeof status === 'string' && ['saved', 'slugTaken', 'invalid'].includes(status) && (
          <p
            role={status === 'saved' ? 'status' : 'alert'}
            className={status === 'saved' ? 'text-green-800' : 'text-accent-700'}
          >
            {t(status)}
          </p>
        )}
        {listTagsForAdmin(getDb()).map((tag) => (
          <form
            key={tag.id}
            action={saveTagAction}
            className="flex flex-wrap items-end gap-2 rounded bg-white p-2 shadow-sm"
          >
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="id" value={tag.id} />
            <label className="text-xs">
              {t('name')}
              <input name="name" dir="auto" defaultValue={tag.name} required className={`${cell} block`} />
            </label>
            <label className="text-xs">
              {t('slug')}
              <input name="slug" dir="auto" defaultValue={tag.slug} className={`${cell} block`} />
            </label>
            <button className="rounded bg-ink-900 px-3 py-1.5 font-semibold text-white">{t('save')}</button>
          </form>
        ))}
      </main>
    </>
  );
}
