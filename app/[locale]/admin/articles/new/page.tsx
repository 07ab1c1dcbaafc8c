import { notFound } from 'next/navigation';
import { AdminBar } from '@/components/admin/admin-bar';
import { NewArticleShell } from '@/components/admin/new-article-shell';
import { adminPath, requireUser } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { loadEditorProps } from '@/lib/server/editor-data';
import { logoutAction } from '../../actions';
import { saveArticleAction, transitionArticleAction } from '../actions';

export default async function NewArticlePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requireUser(locale);
  if (!can(user, 'article.create')) notFound();
  return (
    <>
      <AdminBar locale={locale} user={user} logout={logoutAction} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <NewArticleShell
          {...await loadEditorProps(user, locale, null)}
          adminBase={adminPath(locale)}
          save={saveArticleAction}
          transition={transitionArticleAction}
        />
      </main>
    </>
  );
}
