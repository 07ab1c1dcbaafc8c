import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { DateField } from '@/components/ui/date-field';
import { ArticlesTabs } from '@/components/admin/articles-tabs';
import { PreviewLink } from '@/components/admin/preview-link';
import { TrashList } from '@/components/admin/trash-list';
import { TRASH_DAYS } from '@/db/mutations/articles';
import { countTrash, listTrash } from '@/db/queries/workflow';
import { getDb } from '@/db/client';
import {
  ADMIN_ARTICLE_SORTS,
  getArticleForEdit,
  listArticlesForAdmin,
  listPeopleForPicker,
  type AdminArticleSort,
} from '@/db/queries/newsroom';
import { listLiveLocks } from '@/db/queries/edit-locks';
import { listSections } from '@/db/queries/taxonomy';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/db/schema';
import { formatArabicDate, formatArabicTime, formatNumber } from '@/lib/arabic/dates';
import { articlePath } from '@/lib/article-url';
import { adminPath, requireUser } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parsePageParam } from '@/lib/pagination';
import { getRequestDateSettings } from '@/lib/server/reader';
import { SITE_TIME_ZONE } from '@/lib/config';
import { dayBoundary, readDateParam } from '@/lib/time/date-params';
import { logoutAction } from '../actions';
import { bulkArticlesAction, restoreFromTrashAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function ArticlesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const user = await requireUser(locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  const td = await getTranslations({ locale, namespace: 'DateField' });
  const tt = await getTranslations({ locale, namespace: 'Admin.trash' });
  const dateLabels = { day: td('day'), month: td('month'), year: td('year') };
  const db = getDb();
  const dates = await getRequestDateSettings();
  const trash = can(user, 'article.delete');
  if (trash && one(sp.view) === 'trash') {
    const now = new Date();
    const restoredId = Number(one(sp.restored)) || 0;
    const restored = restoredId ? await getArticleForEdit(db, restoredId) : null;
    return (
      <>
        <AdminBar locale={locale} user={user} logout={logoutAction} />
        <main className="mx-auto max-w-6xl px-4 py-6">
          <ArticlesTabs
            locale={locale}
            current="trash"
            trashCount={await countTrash(db, { now, days: TRASH_DAYS })}
          />
          <TrashList
            rows={await listTrash(db, { now, days: TRASH_DAYS })}
            days={TRASH_DAYS}
            locale={locale}
            dates={dates}
            now={now}
            restore={restoreFromTrashAction}
            restored={
              restored
                ? {
                    id: restored.id,
                    title: restored.title,
                    href: adminPath(locale, `/articles/${restored.id}`),
                  }
                : null
            }
            failed={one(sp.failed) || null}
          />
        </main>
      </>
    );
  }
  const status = ARTICLE_STATUSES.includes(one(sp.status) as ArticleStatus)
    ? (one(sp.status) as ArticleStatus)
    : undefined;
  const sectionId = Number(one(sp.section)) || undefined;
  const q = one(sp.q).trim().slice(0, 200);
  // Days in the site's time zone, typed as day / month / year (or from=YYYY-MM-DD in links).
  const from = readDateParam(sp, 'from') || '';
  const to = readDateParam(sp, 'to') || '';
  const sort = ADMIN_ARTICLE_SORTS.includes(one(sp.sort) as AdminArticleSort)
    ? (one(sp.sort) as AdminArticleSort)
    : 'updated';
  const filterAuthor = Number(one(sp.author)) || undefined;
  const page = parsePageParam(sp.page) ?? 1;
  const bulkError = (['noAction', 'noSelection', 'noSection'] as const).find((e) => e === one(sp.bulkError));
  const counted = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : null);
  const bulkDone = counted(one(sp.done));
  const bulkSkipped = counted(one(sp.skipped)) ?? 0;
  // Writers see their own stories only.
  const authorId = can(user, 'article.viewAll') ? filterAuthor : user.id;
  const { rows, total, pageCount } = await listArticlesForAdmin(db, {
    status,
    sectionId,
    authorId,
    q: q || undefined,
    from: (from && dayBoundary(from, SITE_TIME_ZONE)) || undefined,
    // "to" includes that whole day.
    to: (to && dayBoundary(to, SITE_TIME_ZONE, true)) || undefined,
    sort,
    page,
  });
  const locks = await listLiveLocks(
    db,
    rows.map((r) => r.id),
  );
  const people = can(user, 'article.viewAll') ? await listPeopleForPicker(db) : [];
  const sections = await listSections(db);
  const base = adminPath(locale, '/articles');
  const query = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(sectionId ? { section: String(sectionId) } : {}),
    ...(q ? { q } : {}),
    ...(filterAuthor ? { author: String(filterAuthor) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(sort !== 'updated' ? { sort } : {}),
  }).toString();
  const control = 'rounded border border-gray-400 bg-white px-3 py-2';
  const bulk = can(user, 'article.editAny');
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold text-ink-950">{t('articles')}</h1>
          <a
            href={adminPath(locale, '/articles/new')}
            className="rounded bg-ink-900 px-4 py-2 font-bold text-white hover:bg-ink-800"
          >
            {t('newArticle')}
          </a>
        </div>
        {trash && (
          <ArticlesTabs
            locale={locale}
            current="all"
            trashCount={await countTrash(db, { now: new Date(), days: TRASH_DAYS })}
          />
        )}
        {one(sp.trashed) && (
          <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm">
            {tt('trashed')}{' '}
            {trash && (
              <a href={adminPath(locale, '/articles?view=trash')} className="font-semibold underline">
                {tt('trashedLink')}
              </a>
            )}
          </p>
        )}
        <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
          <input
            name="q"
            type="search"
            defaultValue={q}
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            className={control}
            dir="auto"
          />
          <select name="status" defaultValue={status ?? ''} aria-label={t('status')} className={control}>
            <option value="">{t('list.allStatuses')}</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
          <select name="section" defaultValue={sectionId ?? ''} aria-label={t('section')} className={control}>
            <option value="">{t('list.allSections')}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {locale === 'ar' ? s.nameAr : s.nameEn}
              </option>
            ))}
          </select>
          {people.length > 0 && (
            <select
              name="author"
              defaultValue={filterAuthor ?? ''}
              aria-label={t('authors')}
              className={control}
            >
              <option value="">{t('list.allAuthors')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
          <DateField
            name="from"
            legend={t('list.from')}
            labels={dateLabels}
            locale={locale}
            defaultValue={from}
            controlClassName={control}
          />
          <DateField
            name="to"
            legend={t('list.to')}
            labels={dateLabels}
            locale={locale}
            defaultValue={to}
            controlClassName={control}
          />
          <select name="sort" defaultValue={sort} aria-label={t('list.sort')} className={control}>
            {ADMIN_ARTICLE_SORTS.map((o) => (
              <option key={o} value={o}>
                {t(`list.sorts.${o}`)}
              </option>
            ))}
          </select>
          <button className="rounded border border-ink-900 px-4 py-2 font-semibold">
            {t('list.filter')}
          </button>
        </form>
        <p className="mt-3 text-sm text-muted">
          {t('list.count', { count: total, n: formatNumber(total, dates.digits) })}
        </p>
        {bulkError && (
          <p
            role="alert"
            className="mt-3 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {t(`list.bulkErrors.${bulkError}`)}
          </p>
        )}
        {bulkDone !== null && (
          <p role="status" className="mt-3 rounded border border-rule bg-white px-3 py-2 text-sm">
            {t('list.bulkDone', { count: bulkDone, n: formatNumber(bulkDone, dates.digits) })}
            {bulkSkipped > 0 &&
              ` ${t('list.bulkSkipped', { count: bulkSkipped, n: formatNumber(bulkSkipped, dates.digits) })}`}
          </p>
        )}
        {rows.length === 0 ? (
          <p className="mt-6 text-muted">{t('list.empty')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-md bg-white shadow-sm">
            {bulk && (
              <form
                id="bulk"
                action={bulkArticlesAction}
                className="flex flex-wrap items-end gap-2 border-b border-rule p-2"
              >
                <input type="hidden" name="locale" value={locale} />
                <select name="op" aria-label={t('list.bulk')} className={control} defaultValue="">
                  <option value="">{t('list.chooseAction')}</option>
                  <option value="publish">{t('publish')}</option>
                  <option value="archive">{t('archive')}</option>
                  <option value="move">{t('list.move')}</option>
                </select>
                <select name="sectionId" aria-label={t('section')} className={control} defaultValue="">
                  <option value="">{t('chooseSection')}</option>
                  {sections.map((s) => (
                    <option key={s.id} value={s.id}>
                      {locale === 'ar' ? s.nameAr : s.nameEn}
                    </option>
                  ))}
                </select>
                <button className="rounded border border-ink-900 px-3 py-2 font-semibold">
                  {t('list.apply')}
                </button>
              </form>
            )}
            <table className="w-full text-start text-sm">
              <thead className="bg-ink-100 text-ink-900">
                <tr>
                  {bulk && (
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">{t('list.select')}</span>
                    </th>
                  )}
                  <th scope="col" className="px-3 py-2 text-start">
                    {t('title')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t('section')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t('status')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t('list.updated')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {rows.map((r) => (
                  <tr key={r.id}>
                    {bulk && (
                      <td className="px-3 py-2">
                        <input
                          type="checkbox"
                          name="ids"
                          value={r.id}
                          form="bulk"
                          aria-label={`${t('list.select')}: ${r.title}`}
                        />
                      </td>
                    )}
                    <td className="px-3 py-2">
                      <a
                        href={adminPath(locale, `/articles/${r.id}`)}
                        className="font-semibold text-ink-900 hover:underline"
                      >
                        <bdi>{r.title}</bdi>
                      </a>
                      {r.status === 'published' && (
                        <a href={articlePath(r)} className="ms-2 text-xs text-ink-700 underline">
                          {t('list.view')}
                        </a>
                      )}
                      <PreviewLink
                        href={adminPath(locale, `/articles/${r.id}/preview`)}
                        label={t('preview')}
                        small
                      />
                    </td>
                    <td className="px-3 py-2">{r.sectionName}</td>
                    <td className="px-3 py-2">
                      {t(`statuses.${r.status}`)}
                      {locks.has(r.id) && (
                        <span className="mt-1 block w-fit rounded bg-sky-100 px-2 text-xs text-sky-950">
                          <bdi>{t('lock.badge', { name: locks.get(r.id)!.name })}</bdi>
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-muted">
                      {formatArabicDate(r.updatedAt, dates)} {formatArabicTime(r.updatedAt, dates)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <AdminPagination
          locale={locale}
          page={page}
          pageCount={pageCount}
          label={t('list.pages')}
          hrefFor={(n) => {
            const withPage = new URLSearchParams(query);
            if (n > 1) withPage.set('page', String(n));
            const qs = withPage.toString();
            return `${base}${qs ? `?${qs}` : ''}`;
          }}
        />
      </main>
    </>
  );
}
