import type { SearchResult } from '@/db/search';
import type { DateSettings } from '@/lib/arabic/dates';
import { articleHref, sectionPath } from '@/lib/article-url';
import type { SnippetSegment } from '@/lib/search/snippet';
import { TimeLabel } from './time-label';

/** Text as the editor wrote it, with the reader's words marked. */
function Marked({ segments }: { segments: SnippetSegment[] }) {
  return segments.map((s, i) =>
    s.hit ? (
      <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-ink-950">
        {s.text}
      </mark>
    ) : (
      s.text
    ),
  );
}

interface Props {
  result: SearchResult;
  dates: DateSettings;
  locale: string;
  now: Date;
}

export function SearchResultItem({ result, dates, locale, now }: Props) {
  return (
    <article className="border-b border-rule py-5 last:border-b-0">
      <h2 className="text-xl font-bold leading-snug text-ink-950">
        <a href={articleHref({ ...result, locale })} className="hover:text-accent-700 hover:underline">
          <bdi>
            <Marked segments={result.titleHighlight} />
          </bdi>
        </a>
      </h2>
      {result.snippet.length > 0 && (
        <p className="mt-2 leading-relaxed text-ink-700" dir="auto">
          <Marked segments={result.snippet} />
        </p>
      )}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <a
          href={sectionPath(locale, result.section.slug)}
          className="font-semibold text-accent-700 hover:underline"
        >
          {locale === 'ar' ? result.section.nameAr : result.section.nameEn}
        </a>
        <TimeLabel date={result.publishedAt} dates={dates} locale={locale} now={now} />
      </p>
    </article>
  );
}
