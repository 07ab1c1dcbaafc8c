import { getTranslations } from 'next-intl/server';
import { ActivityList } from '@/components/admin/activity-list';
import { AdminBar } from '@/components/admin/admin-bar';
import { ReturnedToYou } from '@/components/admin/returned-to-you';
import { listReturnedToWriter } from '@/db/queries/workflow';
import { getDb } from '@/db/client';
import { formatActivityTime } from '@/lib/admin/activity';
import {
  countArticlesByStatus,
  countPublishedSince,
  listActivity,
  listArticlesInStatus,
} from '@/db/queries/newsroom';
import { adminPath } from '@/lib/article-url';
import { formatArabicDate, formatArabicTime, formatNumber } from '@/lib/arabic/dates';
import { requireUser } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getRequestDateSettings } from '@/lib/server/reader';
import { logoutAction } from './actions';

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const db = getDb();
  const dates = await getRequestDateSettings();
  const startOfDay = new Date();
  startOfDay.setUTCHours(0, 0, 0, 0);
  const stats = [
    { label: t('home.published'), value: await countPublishedSince(db, startOfDay) },
    { label: t('home.scheduled'), value: await countArticlesByStatus(db, 'scheduled') },
    { label: t('home.review'), value: await countArticlesByStatus(db, 'review') },
  ];
  // CASE: a writer's dashboard shows only what concerns them (their stories, their account);
  // editors and admins, who may read the audit log, see the whole newsroom.
  const activity = await listActivity(db, { concerning: can(user, 'audit.view') ? undefined : user.id });
  const formatAt = (d: Date) => formatActivityTime(d, locale, dates);
  const queues = [
    {
      id: 'scheduled-queue',
      title: t('home.scheduledQueue'),
      rows: await listArticlesInStatus(db, 'scheduled'),
    },
    { id: 'review-queue', title: t('home.reviewQueue'), rows: await listArticlesInStatus(db, 'review') },
  ];
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-bold text-ink-950">{t('home.welcome', { name: user.name })}</h1>
        <dl className="mt-6 grid grid-cols-3 gap-2 sm:gap-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-md bg-white p-3 shadow-sm sm:p-5">
              <dt className="text-xs text-muted sm:text-sm">{s.label}</dt>
              <dd className="mt-1 text-2xl font-bold text-ink-900 sm:text-3xl">
                {formatNumber(s.value, dates.digits)}
              </dd>
            </div>
          ))}
        </dl>
        <ReturnedToYou items={await listReturnedToWriter(db, user.id)} locale={locale} dates={dates} />
        <div className="mt-8 grid gap-4 md:grid-cols-2">
          {queues.map((q) => (
            <section key={q.id} aria-labelledby={q.id} className="rounded-md bg-white p-5 shadow-sm">
              <h2 id={q.id} className="text-lg font-bold text-ink-900">
                {q.title}
              </h2>
              {q.rows.length === 0 ? (
                <p className="mt-3 text-muted">{t('home.empty')}</p>
              ) : (
                <ul className="mt-3 divide-y divide-rule text-sm">
                  {q.rows.map((r) => (
                    <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                      <a
                        href={adminPath(locale, `/articles/${r.id}`)}
                        className="font-semibold text-ink-900 hover:underline"
                      >
                        <bdi>{r.title}</bdi>
                      </a>
                      {q.id === 'scheduled-queue' && r.publishedAt && (
                        <time dateTime={r.publishedAt.toISOString()} className="text-muted">
                          {formatArabicDate(r.publishedAt, dates)} {formatArabicTime(r.publishedAt, dates)}
                        </time>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
        <section aria-labelledby="activity" className="mt-8 rounded-md bg-white p-5 shadow-sm">
          <h2 id="activity" className="text-lg font-bold text-ink-900">
            {t('home.activity')}
          </h2>
          {activity.length === 0 ? (
            <p className="mt-3 text-muted">{t('home.noActivity')}</p>
          ) : (
            <ActivityList locale={locale} rows={activity} formatAt={formatAt} />
          )}
        </section>
      </main>
    </>
  );
}
