import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/admin/login-form';
import { getDb } from '@/db/client';
import { countLoginUsers } from '@/db/queries/users';
import { adminPath } from '@/lib/auth/guard';
import { getCurrentUser } from '@/lib/auth/session';
import { loginAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const passwordSet = (await searchParams).password === 'set';
  if (await getCurrentUser()) redirect(adminPath(locale));
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const needsSetup = (await countLoginUsers(getDb())) === 0;
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <p className="text-center text-4xl font-bold text-ink-900">{t('title')}</p>
      <div className="mt-8 rounded-md bg-white p-6 shadow-sm">
        <h1 className="mb-5 text-xl font-bold text-ink-950">{t('login.title')}</h1>
        {passwordSet && (
          <p
            role="status"
            className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            {t('login.passwordSet')}
          </p>
        )}
        {needsSetup ? (
          <p>
            <a href={adminPath(locale, '/setup')} className="font-semibold text-ink-700 underline">
              {t('login.needSetup')}
            </a>
          </p>
        ) : (
          <LoginForm
            action={loginAction}
            locale={locale}
            labels={{ email: t('login.email'), password: t('login.password'), submit: t('login.submit') }}
          />
        )}
      </div>
    </main>
  );
}
