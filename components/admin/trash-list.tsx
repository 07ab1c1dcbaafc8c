import { useTranslations } from 'next-intl';
import { formatArabicDate, formatArabicTime, type DateSettings } from '@/lib/arabic/dates';

export interface TrashRow {
  id: number;
  title: string;
  status: string;
  sectionName: string;
  deletedAt: Date;
  restorable: boolean;
}

interface Props {
  rows: TrashRow[];
  days: number;
  locale: string;
  dates: DateSettings;
  now: Date;
  restore: (data: FormData) => Promise<void>;
  /** The story just restored, to link to. */
  restored?: { id: number; title: string; href: string } | null;
  failed?: string | null;
}

/** «المحذوفات»: deleted stories, each restorable (as a draft) for `days` after its deletion. */
export function TrashList({ rows, days, locale, dates, now, restore, restored, failed }: Props) {
  const t = useTranslations('Admin.trash');
  const ts = useTranslations('Admin.editor');
  return (
    <section aria-labelledby="trash-title" className="mt-4">
      <h2 id="trash-title" className="text-xl font-bold text-ink-950">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('explain', { days })}</p>
      {restored && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm">
          {t('restored')}{' '}
          <a href={restored.href} className="font-semibold underline">
            <bdi>{restored.title}</bdi>
          </a>
        </p>
      )}
      {failed && (
        <p role="alert" className="mt-3 rounded border border-accent-700 bg-accent-50 px-3 py-2 text-sm">
          {t(failed === 'expired' ? 'expired' : 'failed', { days })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="mt-6 text-muted">{t('empty')}</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-md bg-white shadow-sm">
          <table className="w-full text-start text-sm">
            <thead className="bg-ink-100 text-ink-900">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {ts('title')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('wasStatus')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('deletedAt')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  <span className="sr-only">{t('restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((r) => {
                const left = Math.max(
                  0,
                  days - Math.floor((now.getTime() - r.deletedAt.getTime()) / 86_400_000),
                );
                return (
                  <tr key={r.id}>
                    <td className="min-w-40 px-3 py-2">
                      <bdi className="font-semibold text-ink-900">{r.title}</bdi>
                      <span className="block text-xs text-muted">{r.sectionName}</span>
                    </td>
                    <td className="px-3 py-2">{ts(`statuses.${r.status}`)}</td>
                    <td className="px-3 py-2 whitespace-nowrap text-muted">
                      <time dateTime={r.deletedAt.toISOString()}>
                        {formatArabicDate(r.deletedAt, dates)} {formatArabicTime(r.deletedAt, dates)}
                      </time>
                    </td>
                    <td className="px-3 py-2">
                      {r.restorable ? (
                        <form action={restore} className="flex flex-wrap items-center gap-2">
                          <input type="hidden" name="locale" value={locale} />
                          <input type="hidden" name="articleId" value={r.id} />
                          <button
                            className="rounded border border-ink-900 px-3 py-1 font-semibold hover:bg-ink-50"
                            aria-label={`${t('restore')}: ${r.title}`}
                          >
                            {t('restore')}
                          </button>
                          <span className="text-xs text-muted">
                            {t('daysLeft', { count: left, n: left })}
                          </span>
                        </form>
                      ) : (
                        <span className="text-xs text-muted">{t('tooOld', { days })}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
