import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { getDb } from '@/db/client';
import { listSections } from '@/db/queries/taxonomy';
import { requirePermission } from '@/lib/auth/guard';
import { logoutAction } from '../actions';
import { saveSectionAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SectionsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const user = await requirePermission('taxonomy.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.taxonomy' });
  const status = (await searchParams).status;
  const sections = await listSections(getDb());
  const cell = 'rounded border border-gray-400 bg-white px-2 py-1';
  const row = (s: (typeof sections)[number] | null, i: number) => (
    <form
      key={s?.id ?? 'new'}
      action={saveSectionAction}
      className="grid grid-cols-2 items-end gap-2 rounded-md bg-white p-3 shadow-sm sm:grid-cols-6"
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={s?.id ?? ''} />
      <label className="text-xs">
        {t('nameAr')}
        <input name="nameAr" defaultValue={s?.nameAr ?? ''} required className={`${cell} block w-full`} />
      </label>
      <label className="text-xs">
        {t('nameEn')}
        <input
          name="nameEn"
          dir="ltr"
          defaultValue={s?.nameEn ?? ''}
          required
          className={`${cell} block w-full`}
        />
      </label>
      <label className="text-xs">
        {t('slug')}
        <input
          name="slug"
          dir="ltr"
          defaultValue={s?.slug ?? ''}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          className={`${cell} block w-full`}
        />
      </label>
      <label className="text-xs">
        {t('parent')}
        <select name="parentId" defaultValue={s?.parentId ?? ''} className={`${cell} block w-full`}>
          <option value="">{t('noParent')}</option>
          {sections
            .filter((p) => p.id !== s?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.nameAr}
              </option>
            ))}
        </select>
      </label>
      <label className="text-xs">
        {t('position')}
        <input
          name="position"
          type="number"
          min={0}
          max={999}
          defaultValue={i}
          className={`${cell} block w-full`}
        />
      </label>
      <button className="rounded bg-ink-900 px-3 py-1.5 font-semibold text-white">
        {s ? t('save') : t('add')}
      </button>
    </form>
  );
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl space-y-3 px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('sections')}</h1>
        {typeof status === 'string' && ['saved', 'slugTaken', 'invalid'].includes(status) && (
          <p
            role={status === 'saved' ? 'status' : 'alert'}
            className={status === 'saved' ? 'text-green-800' : 'text-accent-700'}
          >
            {t(status)}
          </p>
        )}
        {sections.map((s, i) => row(s, i))}
        {row(null, sections.length)}
      </main>
    </>
  );
}
