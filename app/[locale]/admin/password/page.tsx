import { getTranslations } from 'next-intl/server';
import { PasswordLinkForm } from '@/components/admin/password-link-form';
import { getDb } from '@/db/client';
import { getPasswordLinkAccount } from '@/db/queries/users';
import { adminPath } from '@/lib/auth/guard';
import { hashToken } from '@/lib/auth/tokens';
import { setPasswordFromLinkAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PasswordLinkPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw.slice(0, 200) : '';
  const t = await getTranslations({ locale, namespace: 'Admin.passwordLink' });
  const account = token ? await getPasswordLinkAccount(getDb(), hashToken(token), new Date()) : null;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="rounded-md bg-white p-6 shadow-sm">
        {account ? (
          <>
            <h1 className="text-xl font-bold text-ink-950">
              {account.purpose === 'invite' ? t('inviteTitle') : t('resetTitle')}
            </h1>
            <p className="mt-2 mb-5 text-sm text-gray-700">
              {t.rich('intro', {
                name: account.name,
                email: account.email,
                b: (chunks) => <bdi className="font-semibold">{chunks}</bdi>,
                ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
              })}
            </p>
            <PasswordLinkForm action={setPasswordFromLinkAction} locale={locale} token={token} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-bold text-ink-950">{t('invalidTitle')}</h1>
            <p className="mt-2 text-sm text-gray-700">{t('invalid')}</p>
            <p className="mt-4">
              <a href={adminPath(locale, '/login')} className="font-semibold text-ink-700 underline">
                {t('toLogin')}
              </a>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
