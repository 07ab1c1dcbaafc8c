import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { MetaChanges } from '@/lib/diff';

interface Props {
  changes: MetaChanges;
  sectionName: (id: number) => string;
  imageName: (id: number | null) => string;
}

/** A revision's changes besides the text: tags, section, lead image, slug and source line. */
export function RevisionMeta({ changes, sectionName, imageName }: Props) {
  const t = useTranslations('Admin.revisions.meta');
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  const fromTo = (before: string, after: string) => (
    <>
      <del className="bg-red-100 text-red-900">
        <bdi>{before || '—'}</bdi>
      </del>{' '}
      {t('to')}
      <ins className="bg-green-100 text-green-900">
        <bdi>{after || '—'}</bdi>
      </ins>
    </>
  );
  if (changes.tags.added.length || changes.tags.removed.length)
    rows.push({
      key: 'tags',
      label: t('tags'),
      value: (
        <>
          {changes.tags.added.map((x) => (
            <ins key={`+${x}`} className="me-1 rounded bg-green-100 px-1 text-green-900">
              <span className="sr-only">{t('added')} </span>
              <bdi>{x}</bdi>
            </ins>
          ))}
          {changes.tags.removed.map((x) => (
            <del key={`-${x}`} className="me-1 rounded bg-red-100 px-1 text-red-900">
              <span className="sr-only">{t('removed')} </span>
              <bdi>{x}</bdi>
            </del>
          ))}
        </>
      ),
    });
  if (changes.section)
    rows.push({
      key: 'section',
      label: t('section'),
      value: fromTo(sectionName(changes.section.before), sectionName(changes.section.after)),
    });
  if (changes.heroImage)
    rows.push({
      key: 'hero',
      label: t('heroImage'),
      value: fromTo(imageName(changes.heroImage.before), imageName(changes.heroImage.after)),
    });
  if (changes.slug)
    rows.push({ key: 'slug', label: t('slug'), value: fromTo(changes.slug.before, changes.slug.after) });
  if (changes.source)
    rows.push({
      key: 'source',
      label: t('source'),
      value: fromTo(changes.source.before, changes.source.after),
    });
  return rows.map((r) => (
    <div key={r.key}>
      <dt className="font-semibold">{r.label}</dt>
      <dd dir="auto">{r.value}</dd>
    </div>
  ));
}
