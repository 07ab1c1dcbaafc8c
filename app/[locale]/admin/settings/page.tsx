import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { getDb } from '@/db/client';
import { getDateSettings } from '@/db/queries/settings';
import { DIGIT_STYLES, MONTH_STYLES, formatArabicDate, formatHijriDate } from '@/lib/arabic/dates';
import { adminPath, requirePermission } from '@/lib/auth/guard';
import { logoutAction } from '../actions';
import { saveDateSettingsAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SettingsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const admin = await requirePermission('settings.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.settings' });
  const status = (await searchParams).status;
  const current = await getDateSettings(getDb());
  const sample = new Date();
  return (
    <>
      <AdminBar locale={locale} user={admin} logout={logoutAction} />
      <main className="mx-auto max-w-2xl px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        <p className="mt-1">
          <a href={adminPath(locale, '/pages')} className="font-semibold text-ink-700 underline">
            {t('pagesLink')}
          </a>
        </p>
        {status === 'saved' && (
          <p role="status" className="mt-2 text-green-800">
            {t('saved')}
          </p>
        )}
        <form action={saveDateSettingsAction} className="mt-4 space-y-5 rounded-md bg-white p-5 shadow-sm">
          <input type="hidden" name="locale" value={locale} />
          <fieldset>
            <legend className="font-semibold">{t('months')}</legend>
            {MONTH_STYLES.map((m) => (
              <label key={m} className="mt-2 flex items-center gap-2">
                <input type="radio" name="months" value={m} defaultChecked={current.months === m} />
                {t(`monthStyles.${m}`)} —{' '}
                <span className="text-muted">{formatArabicDate(sample, { ...current, months: m })}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="font-semibold">{t('digits')}</legend>
            {DIGIT_STYLES.map((d) => (
              <label key={d} className="mt-2 flex items-center gap-2">
                <input type="radio" name="digits" value={d} defaultChecked={current.digits === d} />
                {t(`digitStyles.${d}`)} —{' '}
                <span className="text-muted">{formatArabicDate(sample, { ...current, digits: d })}</span>
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="hijri" defaultChecked={current.hijri} />
            {t('hijri')} — <span className="text-muted">{formatHijriDate(sample, current)}</span>
          </label>
          <button className="rounded bg-ink-900 px-4 py-2 font-bold text-white">{t('save')}</button>
        </form>
      </main>
    </>
  );
}
