import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { describeActivity, type ActivityInput } from '@/lib/admin/activity';
import { adminPath } from '@/lib/article-url';

export interface ActivityItem extends ActivityInput {
  id: number;
  createdAt: Date;
}

interface Props {
  locale: string;
  rows: ActivityItem[];
  /** Dates and times in the site's zone, formatted by the page (Intl with SITE_TIME_ZONE). */
  formatAt: (d: Date) => string;
}

/** Audit rows as sentences: «نُشر الخبر «…» — رنا خوري», the headline linking to its editor. */
export function ActivityList({ locale, rows, formatAt }: Props) {
  const t = useTranslations('Admin.activity');
  const roles = useTranslations('Admin.roles');
  const [open, close] = locale === 'en' ? ['“', '”'] : ['«', '»'];
  return (
    <ul className="mt-3 divide-y divide-rule text-sm">
      {rows.map((row) => {
        const s = describeActivity(row, {
          locale,
          system: t('system'),
          roleName: (r) => (['admin', 'editor', 'writer'].includes(r) ? roles(r) : r),
          formatAt,
        });
        const sentence = t.rich(s.key, {
          ...s.values,
          story: (chunks: ReactNode) =>
            s.articleId ? (
              <a
                href={adminPath(locale, `/articles/${s.articleId}`)}
                className="font-semibold text-ink-900 underline decoration-rule underline-offset-4 hover:decoration-ink-900"
              >
                {open}
                <bdi>{chunks}</bdi>
                {close}
              </a>
            ) : (
              <span className="font-semibold">
                {open}
                <bdi>{chunks}</bdi>
                {close}
              </span>
            ),
          who: (chunks: ReactNode) => <bdi className="text-ink-800">{chunks}</bdi>,
          q: (chunks: ReactNode) => (
            <>
              {open}
              <bdi>{chunks}</bdi>
              {close}
            </>
          ),
          code: (chunks: ReactNode) => <code dir="ltr">{chunks}</code>,
        });
        return (
          <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
            <p className="min-w-0 break-words">{sentence}</p>
            <time dateTime={row.createdAt.toISOString()} className="shrink-0 text-xs text-muted">
              {formatAt(row.createdAt)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}
