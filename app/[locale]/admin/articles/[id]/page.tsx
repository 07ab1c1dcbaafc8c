import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AdminBar } from '@/components/admin/admin-bar';
import { ArticleEditor } from '@/components/admin/article-editor';
import { getDb } from '@/db/client';
import { getArticleForEdit, listRevisions } from '@/db/queries/newsroom';
import { formatArabicDate, formatArabicTime } from '@/lib/arabic/dates';
import { getRequestDateSettings } from '@/lib/server/reader';
import { parseId } from '@/lib/article-url';
import { adminPath, requireUser } from '@/lib/auth/guard';
import { can, canEditArticle } from '@/lib/auth/permissions';
import { loadEditorProps } from '@/lib/server/editor-data';
import { logoutAction } from '../../actions';
import { addCorrectionAction, saveArticleAction, transitionArticleAction } from '../actions';

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  const { restored } = await searchParams;
  const user = await requireUser(locale);
  const articleId = parseId(id);
  const article = articleId === null ? null : await getArticleForEdit(getDb(), articleId);
  // Someone else's story looks the same as a missing one to a writer.
  if (!article || !canEditArticle(user, article)) notFound();
  const t = await getTranslations({ locale, namespace: 'Admin.editor' });
  const tr = await getTranslations({ locale, namespace: 'Admin.revisions' });
  // After a revision restore: say which version came back.
  const restoredRevision =
    typeof restored === 'string'
      ? (await listRevisions(getDb(), article.id)).find((r) => r.id === Number(restored))
      : undefined;
  const dates = await getRequestDateSettings();
  const editorProps = await loadEditorProps(user, locale, article);
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
        {restoredRevision && (
          <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm">
            {tr('restored', {
              date: formatArabicDate(restoredRevision.createdAt, dates),
              time: formatArabicTime(restoredRevision.createdAt, dates),
            })}
          </p>
        )}
        <ArticleEditor
          key={article.id}
          {...editorProps}
          adminBase={adminPath(locale)}
          save={saveArticleAction}
          transition={transitionArticleAction}
        />
        {article.status === 'published' && can(user, 'article.publish') && (
          <form
            action={addCorrectionAction}
            className="mt-6 max-w-2xl space-y-2 rounded-md bg-white p-4 shadow-sm"
          >
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="articleId" value={article.id} />
            <label htmlFor="note" className="font-semibold">
              {t('correction')}
            </label>
            <textarea
              id="note"
              name="note"
              dir="auto"
              rows={2}
              required
              maxLength={1000}
              className="block w-full rounded border border-gray-400 px-3 py-2"
            />
            <button className="rounded bg-ink-900 px-4 py-2 font-bold text-white">
              {t('correctionAdd')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
