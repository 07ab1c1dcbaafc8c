import { useTranslations } from 'next-intl';
import type { ArticleCard } from '@/db/queries/views';
import { formatNumber, type DigitStyle } from '@/lib/arabic/dates';
import { articleHref } from '@/lib/article-url';

export function MostRead({
  items,
  locale,
  digits,
}: {
  items: ArticleCard[];
  locale: string;
  digits: DigitStyle;
}) {
  const t = useTranslations('Home');
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="most-read" className="rounded-md bg-ink-50 p-5">
      <h2 id="most-read" className="border-b-2 border-ink-900 pb-2 text-xl font-bold text-ink-900">
        {t('mostRead')}
      </h2>
      <ol className="mt-2">
        {items.map((item, i) => (
          <li key={item.id} className="flex gap-3 border-b border-rule py-3 last:border-b-0">
            <span aria-hidden="true" className="w-7 shrink-0 text-2xl leading-none font-bold text-accent-600">
              {formatNumber(i + 1, digits)}
            </span>
            <a
              href={articleHref({ ...item, locale })}
              className="leading-snug font-semibold text-ink-950 hover:underline"
            >
              <bdi>{item.title}</bdi>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
