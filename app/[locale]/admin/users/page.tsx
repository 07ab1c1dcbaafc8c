import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { InviteForm, ResetLinkForm, UserCreateForm } from '@/components/admin/user-forms';
import { getDb } from '@/db/client';
import { listUsersForAdmin } from '@/db/queries/users';
import { USER_ROLES } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { logoutAction } from '../actions';
import {
  createUserAction,
  inviteUserAction,
  resetLinkAction,
  updateProfileAction,
  updateUserAction,
} from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const STATUSES = ['saved', 'invalid', 'taken', 'weak', 'self'];
/** The public profile, per edition: byline and biography (limits as in updateProfileAction). */
const PROFILE_FIELDS = [
  { name: 'name', label: 'bylineAr', lang: 'ar', max: 120 },
  { name: 'nameEn', label: 'bylineEn', lang: 'en', max: 120 },
  { name: 'bio', label: 'bioAr', lang: 'ar', max: 600 },
  { name: 'bioEn', label: 'bioEn', lang: 'en', max: 600 },
] as const;

export default async function UsersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const admin = await requirePermission('users.manage', locale);
  const t = await getTranslations({ locale, namespace: 'Admin.users' });
  const tr = await getTranslations({ locale, namespace: 'Admin.roles' });
  const status = (await searchParams).status;
  const cell = 'rounded border border-gray-400 bg-white px-2 py-1';
  return (
    <>
      <AdminBar locale={locale} user={admin} logout={logoutAction} />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('title')}</h1>
        {typeof status === 'string' && STATUSES.includes(status) && (
          <p
            role={status === 'saved' ? 'status' : 'alert'}
            className={status === 'saved' ? 'text-green-800' : 'text-accent-700'}
          >
            {t(status)}
          </p>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <section aria-labelledby="invite-heading" className="rounded-md bg-white p-4 shadow-sm">
            <h2 id="invite-heading" className="text-lg font-bold text-ink-900">
              {t('inviteTitle')}
            </h2>
            <p className="mt-1 mb-3 text-sm text-muted">{t('inviteHint')}</p>
            <InviteForm action={inviteUserAction} locale={locale} />
          </section>
          <section aria-labelledby="create-heading" className="rounded-md bg-white p-4 shadow-sm">
            <h2 id="create-heading" className="text-lg font-bold text-ink-900">
              {t('createTitle')}
            </h2>
            <p className="mt-1 mb-3 text-sm text-muted">{t('createHint')}</p>
            <UserCreateForm action={createUserAction} locale={locale} />
          </section>
        </div>
        <ul className="divide-y divide-rule rounded-md bg-white shadow-sm">
          {(await listUsersForAdmin(getDb())).map((u) => (
            <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <bdi className="font-semibold">{u.name}</bdi> ·{' '}
                <span dir="ltr" className="break-all">
                  {u.email}
                </span>
                {u.invited ? (
                  <span className="ms-2 text-muted">({t('invited')})</span>
                ) : (
                  !u.hasPassword && <span className="ms-2 text-muted">({t('noLogin')})</span>
                )}
                {u.disabled && <span className="ms-2 text-accent-700">({t('disabled')})</span>}
              </span>
              <details className="w-full">
                <summary className="cursor-pointer text-ink-700 underline">
                  {t('profile')}: <bdi>{u.name}</bdi>
                </summary>
                <form action={updateProfileAction} className="mt-2 grid gap-2 sm:grid-cols-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={u.id} />
                  {PROFILE_FIELDS.map((f) => {
                    const props = {
                      name: f.name,
                      maxLength: f.max,
                      required: f.name === 'name',
                      dir: f.lang === 'ar' ? 'rtl' : 'ltr',
                      lang: f.lang,
                      defaultValue: u[f.name],
                      className: `${cell} block w-full`,
                    };
                    return (
                      <label key={f.name} className="text-xs">
                        {t(f.label)}
                        {f.max > 120 ? <textarea rows={2} {...props} /> : <input {...props} />}
                      </label>
                    );
                  })}
                  <p className="text-xs text-muted sm:col-span-2">{t('profileHint')}</p>
                  <button className="justify-self-start rounded border border-ink-900 px-2 py-1">
                    {t('saveProfile')}
                  </button>
                </form>
              </details>
              {u.id !== admin.id && (
                <div className="flex w-full flex-wrap items-start gap-2">
                  <form action={updateUserAction} className="flex gap-1">
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="id" value={u.id} />
                    <select
                      name="role"
                      defaultValue={u.role}
                      aria-label={`${t('role')}: ${u.name}`}
                      className={cell}
                    >
                      {USER_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {tr(r)}
                        </option>
                      ))}
                    </select>
                    <button className="rounded border border-ink-900 px-2 py-1">{t('save')}</button>
                  </form>
                  <ResetLinkForm action={resetLinkAction} locale={locale} userId={u.id} userName={u.name} />
                  <form action={updateUserAction}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="id" value={u.id} />
                    <input type="hidden" name="op" value={u.disabled ? 'enable' : 'disable'} />
                    <button className="rounded border border-accent-600 px-2 py-1 text-accent-700">
                      {u.disabled ? t('enable') : t('disable')}
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
