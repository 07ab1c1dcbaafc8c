import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AdminBar } from '@/components/admin/admin-bar';
import { ConfirmSubmit } from '@/components/admin/confirm-submit';
import { DiffText } from '@/components/admin/diff-text';
import { RevisionMeta } from '@/components/admin/revision-meta';
import { listMediaAlts } from '@/db/queries/workflow';
import { listSections } from '@/db/queries/taxonomy';
import { getDb } from '@/db/client';
import { getArticleForEdit, listRevisions } from '@/db/queries/newsroom';
import { formatArabicDate, formatArabicTime } from '@/lib/arabic/dates';
import { adminPath, parseId } from '@/lib/article-url';
import { requireUser } from '@/lib/auth/guard';
import { canEditArticle } from '@/lib/auth/permissions';
import { diffBody, diffMeta, diffWords, type BodyMark } from '@/lib/diff';
import { getRequestDateSettings } from '@/lib/server/reader';
import { logoutAction } from '../../../actions';
import { restoreRevisionAction } from '../../actions';

export default async function RevisionsPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const user = await requireUser(locale);
  const articleId = parseId(id);
  const db = getDb();
  const article = articleId === null ? null : await getArticleForEdit(db, articleId);
  if (!article || !canEditArticle(user, article)) notFound();
  const t = await getTranslations({ locale, namespace: 'Admin.revisions' });
  const dates = await getRequestDateSettings();
  const list = await listRevisions(db, article.id);
  // Unsaved copies (kept after a take-over or a conflict) never became the article's text.
  const currentId = list.find((r) => r.kind === 'save')?.id;
  const sections = new Map(
    (await listSections(db)).map((x) => [x.id, locale === 'ar' ? x.nameAr : x.nameEn]),
  );
  const sectionName = (sid: number) => sections.get(sid) ?? `#${sid}`;
  const alts = await listMediaAlts(db, [
    ...new Set(list.map((r) => r.snapshot.heroMediaId).filter((m): m is number => m !== null)),
  ]);
  const markLabel = (m: BodyMark): string => {
    if (m.type === 'image') return t('marks.image', { alt: m.alt || '—', src: m.src.split('/').pop() ?? '' });
    if (m.type === 'link' && !m.end) return t('marks.linkTo', { href: m.href });
    const name = m.type === 'heading' ? t('marks.heading', { level: m.level }) : t(`marks.${m.type}`);
    return t(m.end ? 'marks.end' : 'marks.start', { name });
  };
  const restoreButton = 'rounded border border-ink-900 px-3 py-1 text-sm font-semibold hover:bg-ink-50';
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <p>
          <a href={adminPath(locale, `/articles/${article.id}`)} className="text-sm text-ink-700 underline">
            {t('back')}
          </a>
        </p>
        <h1 className="mt-2 text-2xl font-bold text-ink-950">
          {t('title')}: <bdi>{article.title}</bdi>
        </h1>
        <ol className="mt-6 space-y-4">
          {list.map((rev, i) => {
            const older = list[i + 1]?.snapshot;
            const s = rev.snapshot;
            return (
              <li key={rev.id} className="rounded-md bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-muted">
                    <time dateTime={rev.createdAt.toISOString()}>
                      {formatArabicDate(rev.createdAt, dates)} {formatArabicTime(rev.createdAt, dates)}
                    </time>{' '}
                    · <bdi>{rev.userName ?? '—'}</bdi>
                    {rev.id === currentId && <strong className="ms-2 text-ink-900">{t('current')}</strong>}
                    {rev.kind === 'unsaved' && (
                      <strong className="ms-2 rounded bg-amber-100 px-2 text-amber-950">
                        {t('unsaved', { name: rev.userName ?? '—' })}
                      </strong>
                    )}
                  </p>
                  {rev.id !== currentId && (
                    <form action={restoreRevisionAction}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="articleId" value={article.id} />
                      <input type="hidden" name="revisionId" value={rev.id} />
                      {article.status === 'published' ? (
                        // CASE: restoring changes a live story at once: ask first.
                        <ConfirmSubmit
                          label={t('restore')}
                          className={restoreButton}
                          confirm={{
                            title: t('confirmTitle'),
                            body: t('confirmBody'),
                            ok: t('confirmOk'),
                            cancel: t('cancel'),
                          }}
                        />
                      ) : (
                        <button className={restoreButton}>{t('restore')}</button>
                      )}
                    </form>
                  )}
                </div>
                <dl className="mt-3 space-y-2 text-sm">
                  <div>
                    <dt className="font-semibold">{t('headline')}</dt>
                    <dd dir="auto">
                      <DiffText parts={diffWords(older?.title ?? '', s.title)} />
                    </dd>
                  </div>
                  <div>
                    <dt className="font-semibold">{t('summary')}</dt>
                    <dd dir="auto">
                      <DiffText parts={diffWords(older?.dek ?? '', s.dek)} />
                    </dd>
                  </div>
                  <div>
                    <dt className="font-semibold">{t('body')}</dt>
                    <dd dir="auto" className="leading-loose">
                      <DiffText parts={diffBody(older?.body ?? '', s.body)} markLabel={markLabel} />
                    </dd>
                  </div>
                  <RevisionMeta
                    changes={diffMeta(older, s)}
                    sectionName={sectionName}
                    imageName={(mid) => (mid === null ? t('meta.noImage') : (alts.get(mid) ?? `#${mid}`))}
                  />
                </dl>
              </li>
            );
          })}
        </ol>
      </main>
    </>
  );
}
