import { useTranslations } from 'next-intl';
import { formatArabicDate, formatArabicTime, type DateSettings } from '@/lib/arabic/dates';
import { adminPath } from '@/lib/article-url';

export interface ReturnedStory {
  id: number;
  title: string;
  note: string;
  createdAt: Date;
  editorName: string | null;
}

/** «أُعيدت إليك»: stories an editor sent back with a note, on their writer's dashboard. */
export function ReturnedToYou({
  items,
  locale,
  dates,
}: {
  items: ReturnedStory[];
  locale: string;
  dates: DateSettings;
}) {
  const t = useTranslations('Admin.returned');
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="returned-to-you"
      className="mt-8 rounded-md border-s-4 border-amber-500 bg-white p-5 shadow-sm"
    >
      <h2 id="returned-to-you" className="text-lg font-bold text-ink-900">
        {t('title')}
      </h2>
      <ul className="mt-3 divide-y divide-rule text-sm">
        {items.map((r) => (
          <li key={r.id} className="py-3">
            <a href={adminPath(locale, `/articles/${r.id}`)} className="font-semibold text-ink-900 underline">
              <bdi>{r.title}</bdi>
            </a>
            <p className="mt-1 text-muted">
              {t('by', { name: r.editorName ?? '—' })} ·{' '}
              <time dateTime={r.createdAt.toISOString()}>
                {formatArabicDate(r.createdAt, dates)} {formatArabicTime(r.createdAt, dates)}
              </time>
            </p>
            <blockquote
              dir="auto"
              className="mt-2 rounded bg-amber-50 px-3 py-2 whitespace-pre-line text-ink-950"
            >
              {r.note}
            </blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
