import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/site/article-view';
import { getDb } from '@/db/client';
import { getArticleView } from '@/db/queries/articles';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { articlePath, parseId } from '@/lib/article-url';
import { requireUser } from '@/lib/auth/guard';
import { canPreviewArticle } from '@/lib/auth/permissions';
import { getSiteUrl } from '@/lib/config';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';
import { getRequestDateSettings } from '@/lib/server/reader';

type Props = { params: Promise<{ locale: string; id: string }> };

// Private and never indexed: the proxy also sends Cache-Control: private, no-store and
// X-Robots-Tag: noindex, nofollow for everything under /admin.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  return { title: t('preview'), robots: { index: false, follow: false, nocache: true } };
}

/** A story exactly as readers will see it, in any status, with "now" as the time of a draft. */
export default async function PreviewPage({ params }: Props) {
  const { locale, id } = await params;
  const user = await requireUser(locale);
  const articleId = parseId(id);
  const db = getDb();
  const editable = articleId === null ? null : await getArticleForEdit(db, articleId);
  if (!editable || !canPreviewArticle(user, editable)) notFound();
  const now = new Date();
  const article = await getArticleView(db, editable.id, now);
  if (!article) notFound();
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  const tArticle = await getTranslations({ locale, namespace: 'Article' });
  return (
    <div className="bg-white">
      <p role="status" className="bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-950">
        {t('previewHint')}
      </p>
      <main className="mx-auto max-w-6xl px-4 pt-6">
        <ArticleView
          article={{ ...article, body: sanitizeArticleHtml(article.body) }}
          related={[]}
          mostRead={[]}
          dates={await getRequestDateSettings()}
          now={now}
          canonicalUrl={`${getSiteUrl()}${articlePath(article)}`}
          relatedTitle={tArticle('related')}
          countView={false}
        />
      </main>
    </div>
  );
}
