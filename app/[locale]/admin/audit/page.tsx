import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { getDb } from '@/db/client';
import { listRecentActivity } from '@/db/queries/newsroom';
import { formatArabicDate, formatArabicTime } from '@/lib/arabic/dates';
import { requirePermission } from '@/lib/auth/guard';
import { getRequestDateSettings } from '@/lib/server/reader';
import { logoutAction } from '../actions';

export default async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requirePermission('audit.view', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.audit' });
  const dates = getRequestDateSettings();
  const rows = listRecentActivity(getDb(), 200);
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-5xl px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        <div className="mt-4 overflow-x-auto rounded-md bg-white shadow-sm">
          <table className="w-full text-sm">
            <thead className="bg-ink-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('when')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('who')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('action')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('what')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={r.createdAt.toISOString()}>
                      {formatArabicDate(r.createdAt, dates)} {formatArabicTime(r.createdAt, dates)}
                    </time>
                  </td>
                  <td className="px-3 py-2">
                    <bdi>{r.userName ?? '—'}</bdi>
                  </td>
                  <td className="px-3 py-2">
                    <code dir="ltr">{r.action}</code>
                  </td>
                  <td className="px-3 py-2" dir="ltr">
                    {r.entity}
                    {r.entityId ? ` #${r.entityId}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </main>
    </>
  );
}
