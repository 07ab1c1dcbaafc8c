import { getTranslations } from 'next-intl/server';
import { ActivityList } from '@/components/admin/activity-list';
import { AdminBar } from '@/components/admin/admin-bar';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { getDb } from '@/db/client';
import { formatActivityTime } from '@/lib/admin/activity';
import { countActivity, listActivity, listActivityActors } from '@/db/queries/newsroom';
import { formatNumber } from '@/lib/arabic/dates';
import { adminPath } from '@/lib/article-url';
import { requirePermission } from '@/lib/auth/guard';
import { parsePageParam } from '@/lib/pagination';
import { getRequestDateSettings } from '@/lib/server/reader';
import { logoutAction } from '../actions';

const AUDIT_PAGE_SIZE = 50;
const ENTITIES = ['article', 'user', 'section', 'tag', 'media', 'settings'] as const;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const user = await requirePermission('audit.view', locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale, namespace: 'Admin.audit' });
  const db = getDb();
  const dates = await getRequestDateSettings();
  const entity = ENTITIES.find((e) => e === one(sp.entity));
  const actors = await listActivityActors(db);
  const actorId = actors.find((a) => String(a.id) === one(sp.who))?.id;
  const page = parsePageParam(sp.page) ?? 1;
  const filter = { entity, actorId };
  const total = await countActivity(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const rows = await listActivity(db, {
    ...filter,
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  const formatAt = (d: Date) => formatActivityTime(d, locale, dates);
  const hrefFor = (n: number) => {
    const q = new URLSearchParams({
      ...(entity ? { entity } : {}),
      ...(actorId ? { who: String(actorId) } : {}),
      ...(n > 1 ? { page: String(n) } : {}),
    }).toString();
    return `${adminPath(locale, '/audit')}${q ? `?${q}` : ''}`;
  };
  const control = 'rounded border border-gray-400 bg-white px-3 py-2';
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-5xl px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        <form className="mt-4 flex flex-wrap items-end gap-2" aria-label={t('filters')}>
          <label className="text-sm">
            {t('who')}
            <select name="who" defaultValue={actorId ?? ''} className={`${control} block max-w-full`}>
              <option value="">{t('everyone')}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t('what')}
            <select name="entity" defaultValue={entity ?? ''} className={`${control} block max-w-full`}>
              <option value="">{t('everything')}</option>
              {ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {t(`entities.${e}`)}
                </option>
              ))}
            </select>
          </label>
          <button className="rounded border border-ink-900 px-4 py-2 font-semibold">{t('filter')}</button>
        </form>
        <p className="mt-3 text-sm text-muted">
          {t('count', { count: total, n: formatNumber(total, dates.digits) })}
        </p>
        <section aria-label={t('title')} className="mt-2 rounded-md bg-white px-4 py-2 shadow-sm">
          {rows.length === 0 ? (
            <p className="py-3 text-muted">{t('empty')}</p>
          ) : (
            <ActivityList locale={locale} rows={rows} formatAt={formatAt} />
          )}
        </section>
        <AdminPagination
          locale={locale}
          page={page}
          pageCount={pageCount}
          hrefFor={hrefFor}
          label={t('pages')}
        />
      </main>
    </>
  );
}
