import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AdminBar } from '@/components/admin/admin-bar';
import { ArticleEditor } from '@/components/admin/article-editor';
import { getDb } from '@/db/client';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { parseId } from '@/lib/article-url';
import { adminPath, requireUser } from '@/lib/auth/guard';
import { canEditArticle } from '@/lib/auth/permissions';
import { loadEditorProps } from '@/lib/server/editor-data';
import { logoutAction } from '../../actions';
import { saveArticleAction, transitionArticleAction } from '../actions';

export default async function EditArticlePage({
  params,
}: {
  params: Promise<{ locale: string; id: string }>;
}) {
  const { locale, id } = await params;
  const user = await requireUser(locale);
  const articleId = parseId(id);
  const article = articleId === null ? null : getArticleForEdit(getDb(), articleId);
  // Someone else's story looks the same as a missing one to a writer.
  if (!article || !canEditArticle(user, article)) notFound();
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  const tr = await getTranslations({ locale, namespace: 'Admin.revisions' });
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold text-ink-950">{t('editArticle')}</h1>
          <a
            href={adminPath(locale, `/articles/${article.id}/revisions`)}
            className="font-semibold text-ink-700 underline"
          >
            {tr('link')}
          </a>
        </div>
        <ArticleEditor
          key={article.id}
          {...loadEditorProps(user, locale, article)}
          adminBase={adminPath(locale)}
          save={saveArticleAction}
          transition={transitionArticleAction}
        />
      </main>
    </>
  );
}
