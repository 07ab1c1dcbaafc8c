import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/admin/setup-form';
import { getDb } from '@/db/client';
import { countLoginUsers } from '@/db/queries/users';
import { adminPath } from '@/lib/auth/guard';
import { setupAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SetupPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if ((await countLoginUsers(getDb())) > 0) redirect(adminPath(locale, '/login'));
  const token = (await searchParams).token;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="rounded-md bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold text-ink-950">{t('setup.title')}</h1>
        <p className="mt-2 mb-5 text-sm text-gray-700">{t('setup.intro')}</p>
        <SetupForm
          action={setupAction}
          locale={locale}
          token={typeof token === 'string' ? token : ''}
          labels={{
            token: t('setup.token'),
            name: t('setup.name'),
            email: t('setup.email'),
            password: t('setup.password'),
            submit: t('setup.submit'),
          }}
        />
      </div>
    </main>
  );
}
