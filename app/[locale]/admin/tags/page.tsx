import { getTranslations } from 'next-intl/server';
import { AdminBar } from '@/components/admin/admin-bar';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { getDb } from '@/db/client';
import { listTagNames } from '@/db/queries/newsroom';
import { listTagsForAdmin } from '@/db/queries/taxonomy';
import { formatNumber } from '@/lib/arabic/dates';
import { adminPath, requirePermission } from '@/lib/auth/guard';
import { parsePageParam } from '@/lib/pagination';
import { getRequestDateSettings } from '@/lib/server/reader';
import { logoutAction } from '../actions';
import { saveTagAction } from '../sections/actions';
import { deleteTagAction, mergeTagAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUSES = ['saved', 'slugTaken', 'invalid', 'merged', 'deleted', 'mergeMissing', 'mergeSame'];
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function TagsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const user = await requirePermission('taxonomy.manage', locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale, namespace: 'Admin.taxonomy' });
  const db = getDb();
  const { digits } = await getRequestDateSettings();
  const status = one(sp.status);
  const q = one(sp.q).trim().slice(0, 100);
  const page = parsePageParam(sp.page) ?? 1;
  const { rows, total, pageCount } = await listTagsForAdmin(db, { q: q || undefined, page });
  const allNames = await listTagNames(db);
  const cell = 'rounded border border-gray-400 bg-white px-2 py-1';
  const hrefFor = (n: number) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(n > 1 ? { page: String(n) } : {}) });
    const qs = query.toString();
    return `${adminPath(locale, '/tags')}${qs ? `?${qs}` : ''}`;
  };
  const prefix = locale === 'en' ? '/en' : '';
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-4xl space-y-3 px-4 py-6">
        <h1 className="text-2xl font-bold text-ink-950">{t('tags')}</h1>
        {STATUSES.includes(status) && (
          <p
            role={['saved', 'merged', 'deleted'].includes(status) ? 'status' : 'alert'}
            className={['saved', 'merged', 'deleted'].includes(status) ? 'text-green-800' : 'text-accent-700'}
          >
            {t(status)}
          </p>
        )}
        <form role="search" className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            {t('searchTags')}
            <input name="q" type="search" dir="auto" defaultValue={q} className={`${cell} block py-2`} />
          </label>
          <button className="rounded border border-ink-900 px-4 py-2 font-semibold">{t('search')}</button>
        </form>
        <p className="text-sm text-muted">
          {t('tagCount', { count: total, n: formatNumber(total, digits) })}
        </p>
        <datalist id="tag-names">
          {allNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {rows.length === 0 && <p className="text-muted">{t('noTags')}</p>}
        <ul className="space-y-2">
          {rows.map((tag) => (
            <li key={tag.id} className="rounded bg-white p-3 shadow-sm">
              <h2 className="flex flex-wrap items-baseline gap-x-3 font-bold text-ink-900">
                <bdi>{tag.name}</bdi>
                <span className="text-sm font-normal text-muted">
                  {t('stories', { count: tag.stories, n: formatNumber(tag.stories, digits) })}
                </span>
              </h2>
              {/* The address as readers see it in their browser: Arabic letters, not %D8%… */}
              <p className="mt-1 text-xs text-muted">
                {t('urlPart')}{' '}
                <bdi dir="ltr">
                  <a href={`${prefix}/tag/${encodeURIComponent(tag.slug)}`} className="underline">
                    {prefix}/tag/{tag.slug}
                  </a>
                </bdi>
              </p>
              <form action={saveTagAction} className="mt-2 flex flex-wrap items-end gap-2">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="id" value={tag.id} />
                <label className="text-xs">
                  {t('name')}
                  <input
                    name="name"
                    dir="auto"
                    defaultValue={tag.name}
                    required
                    className={`${cell} block`}
                  />
                </label>
                <label className="text-xs">
                  {t('slugUrl')}
                  <input name="slug" dir="auto" defaultValue={tag.slug} className={`${cell} block`} />
                </label>
                <button className="rounded bg-ink-900 px-3 py-1.5 font-semibold text-white">
                  {t('save')}
                </button>
              </form>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-ink-700 underline">
                  {t('mergeOrDelete')}: <bdi>{tag.name}</bdi>
                </summary>
                <form action={mergeTagAction} className="mt-2 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={tag.id} />
                  <input type="hidden" name="q" value={q} />
                  <label className="text-xs">
                    {t('mergeInto')}
                    <input name="into" list="tag-names" dir="auto" required className={`${cell} block`} />
                  </label>
                  <button className="rounded border border-ink-900 px-3 py-1.5 font-semibold">
                    {t('merge')}
                  </button>
                  <p className="w-full text-xs text-muted">{t('mergeHint')}</p>
                </form>
                <form action={deleteTagAction} className="mt-3 flex flex-wrap items-center gap-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={tag.id} />
                  <input type="hidden" name="q" value={q} />
                  <button className="rounded border border-accent-600 px-3 py-1.5 font-semibold text-accent-700">
                    {t('deleteTag', { name: tag.name })}
                  </button>
                  <p className="w-full text-xs text-muted">{t('deleteHint')}</p>
                </form>
              </details>
            </li>
          ))}
        </ul>
        <AdminPagination
          locale={locale}
          page={page}
          pageCount={pageCount}
          hrefFor={hrefFor}
          label={t('tagPages')}
        />
      </main>
    </>
  );
}
