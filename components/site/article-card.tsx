import type { ArticleCard as Card } from '@/db/queries/views';
import type { DateSettings } from '@/lib/arabic/dates';
import { articleHref, sectionPath } from '@/lib/article-url';
import { CardImage } from './card-image';
import { TimeLabel } from './time-label';

interface Props {
  article: Card;
  dates: DateSettings;
  locale: string;
  now: Date;
  variant?: 'lead' | 'standard' | 'compact' | 'row' | 'side';
  showSection?: boolean;
  priority?: boolean;
  headingLevel?: 'h2' | 'h3';
}

function sectionName(card: Card, locale: string) {
  return locale === 'ar' ? card.section.nameAr : card.section.nameEn;
}

export function ArticleCard({
  article,
  dates,
  locale,
  now,
  variant = 'standard',
  showSection = true,
  priority,
  headingLevel = 'h3',
}: Props) {
  const href = articleHref({ ...article, locale });
  const Heading = headingLevel;
  // One link per card: the headline's link covers the whole card (its ::after), so the picture
  // needs no second link to the same story; the meta line sits above it with its own link.
  const link = 'after:absolute after:inset-0 hover:text-ink-700 hover:underline';
  const meta = (
    <p className="relative mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      {showSection && (
        <a
          href={sectionPath(locale, article.section.slug)}
          className="font-semibold text-accent-700 hover:underline"
        >
          {sectionName(article, locale)}
        </a>
      )}
      <TimeLabel date={article.publishedAt} dates={dates} locale={locale} now={now} />
    </p>
  );

  if (variant === 'lead') {
    return (
      <article className="relative">
        {article.image && (
          <div className="overflow-hidden rounded-md">
            <CardImage image={article.image} sizes="(min-width: 1024px) 760px, 100vw" priority={priority} />
          </div>
        )}
        <Heading className="mt-4 text-2xl leading-snug font-bold text-ink-950 md:text-3xl">
          <a href={href} className={link}>
            <bdi>{article.title}</bdi>
          </a>
        </Heading>
        <p className="mt-3 text-lg leading-relaxed text-gray-700" dir="auto">
          {article.dek}
        </p>
        {meta}
      </article>
    );
  }

  if (variant === 'row' || variant === 'side') {
    // "side" sits in a narrow column: a small picture at every width.
    const frame = variant === 'side' ? 'w-28' : 'w-28 sm:w-48';
    return (
      <article className="relative flex gap-4 border-b border-rule py-4 last:border-b-0">
        {article.image && (
          <div className={`${frame} shrink-0 overflow-hidden rounded`}>
            <CardImage
              image={article.image}
              sizes={variant === 'side' ? '112px' : '(min-width: 640px) 192px, 112px'}
            />
          </div>
        )}
        <div className="min-w-0">
          <Heading
            className={`text-lg leading-snug font-bold text-ink-950 ${variant === 'row' ? 'sm:text-xl' : ''}`}
          >
            <a href={href} className={link}>
              <bdi>{article.title}</bdi>
            </a>
          </Heading>
          {variant === 'row' && (
            <p className="mt-1 hidden text-gray-700 sm:block" dir="auto">
              {article.dek}
            </p>
          )}
          {meta}
        </div>
      </article>
    );
  }

  if (variant === 'compact') {
    return (
      <article className="relative border-t border-rule pt-3">
        <Heading className="text-base leading-snug font-semibold text-ink-950">
          <a href={href} className={link}>
            <bdi>{article.title}</bdi>
          </a>
        </Heading>
        {meta}
      </article>
    );
  }

  return (
    <article className="relative">
      {article.image && (
        <div className="overflow-hidden rounded-md">
          <CardImage
            image={article.image}
            sizes="(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw"
          />
        </div>
      )}
      <Heading className="mt-3 text-lg leading-snug font-bold text-ink-950">
        <a href={href} className={link}>
          <bdi>{article.title}</bdi>
        </a>
      </Heading>
      {meta}
    </article>
  );
}
