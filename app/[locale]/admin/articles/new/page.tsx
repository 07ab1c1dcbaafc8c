import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AdminBar } from '@/components/admin/admin-bar';
import { ArticleEditor } from '@/components/admin/article-editor';
import { adminPath, requireUser } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { loadEditorProps } from '@/lib/server/editor-data';
import { logoutAction } from '../../actions';
import { saveArticleAction, transitionArticleAction } from '../actions';

export default async function NewArticlePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requireUser(locale);
  if (!can(user, 'article.create')) notFound();
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-bold text-ink-950">{t('newArticle')}</h1>
        <ArticleEditor
          {...loadEditorProps(user, locale, null)}
          adminBase={adminPath(locale)}
          save={saveArticleAction}
          transition={transitionArticleAction}
        />
      </main>
    </>
  );
}
