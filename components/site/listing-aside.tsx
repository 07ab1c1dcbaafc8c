import type { ReactNode } from 'react';
import type { ArticleCard } from '@/db/queries/views';
import type { DigitStyle } from '@/lib/arabic/dates';
import { MostRead } from './most-read';

/**
 * Listing pages (section, tag, author, latest, search): the list, and at desktop width a side
 * column with the week's most read, rather than one lone column in a wide window.
 */
export function ListingAside({
  children,
  mostRead,
  locale,
  digits,
}: {
  children: ReactNode;
  mostRead: ArticleCard[];
  locale: string;
  digits: DigitStyle;
}) {
  if (mostRead.length === 0) return <div className="mx-auto max-w-4xl">{children}</div>;
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0">{children}</div>
      <aside className="min-w-0 lg:sticky lg:top-4 lg:mt-12 lg:self-start">
        <MostRead items={mostRead} locale={locale} digits={digits} />
      </aside>
    </div>
  );
}
